package dev.commentguard;

import java.io.IOException;

/** A model file that cannot be used: truncated, corrupt, foreign, of a newer format, or failing its checksum. */
public class ModelFileException extends IOException {

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.commentguard.io;

import java.io.IOException;

/**
 * Output that could not be written: a full disk, a reader that has gone (a closed pipe), a folder that cannot be
 * written to. The message names the output and the reason.
 */
public class OutputException extends IOException {

    /** @param output the file, or "standard output" */
    public OutputException(String output, IOException cause) {
        super(output + ": could not write output: " + (cause == null ? "the write failed" : FileProblems.reason(cause)), cause);
    }

    /** {@code e} as an OutputException for {@code output}; {@code e} itself when it already is one. */
    public static OutputException of(String output, IOException e) {
        return e instanceof OutputException o ? o : new OutputException(output, e);
    }
}

package dev.commentguard.feedback;

import java.io.IOException;

/** The feedback store cannot be opened, read or written. The message names the store's file. */
public class FeedbackStoreException extends IOException {

    public FeedbackStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

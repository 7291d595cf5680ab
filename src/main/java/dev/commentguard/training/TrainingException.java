package dev.commentguard.training;

/** Training data that cannot make a useful model: one class, too few examples, a missing spam label. */
public class TrainingException extends RuntimeException {

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}

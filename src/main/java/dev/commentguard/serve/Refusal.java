package dev.commentguard.serve;

/**
 * Ends a request early with its answer: thrown from deep in a route so that it need not pass the answer back up.
 * Carries no stack trace, as it is an answer, not a fault. Immutable: thread-safe.
 */
final class Refusal extends Exception {

    final transient Answer answer;

    Refusal(Answer answer) {
        super(answer.body(), null, false, false);
        this.answer = answer;
    }

    /** A plain-text refusal: {@code message} and a line break. */
    Refusal(int status, String message) {
        this(Answer.text(status, message + "\n"));
    }
}

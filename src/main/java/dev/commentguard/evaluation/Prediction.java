package dev.commentguard.evaluation;

import dev.commentguard.Action;

import java.util.Objects;

/**
 * One scored example with its true label. Immutable.
 *
 * @param truth      the true label
 * @param predicted  the most probable label
 * @param spamScore  probability of the positive label
 * @param action     what the scorer did with the comment, or {@code null} for predictions that were not turned
 *                   into actions (the out-of-fold predictions of training)
 */
public record Prediction(String truth, String predicted, double spamScore, Action action) {

    public Prediction {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
    }

    /** A prediction without an action. */
    public Prediction(String truth, String predicted, double spamScore) {
        this(truth, predicted, spamScore, null);
    }
}

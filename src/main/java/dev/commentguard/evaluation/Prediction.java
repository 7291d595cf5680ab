package dev.commentguard.evaluation;

import java.util.Objects;

/**
 * One scored example with its true label. Immutable.
 *
 * @param truth      the true label
 * @param predicted  the most probable label
 * @param spamScore  probability of the positive label
 */
public record Prediction(String truth, String predicted, double spamScore) {

    public Prediction {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
    }
}

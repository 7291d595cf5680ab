package dev.commentguard.evaluation;

import dev.commentguard.Action;

import java.util.List;

/**
 * What the actions did to genuine comments and to spam: the figures a site cares about first. Genuine means
 * every true label but the positive (spam) one. Counted from the actions the scorer chose, which can hold a
 * comment at review above the block threshold, so they can differ from the rates at the thresholds in
 * {@link Metrics}. Immutable.
 *
 * @param genuine         genuine comments
 * @param spam            spam comments
 * @param genuineBlocked  genuine comments whose action is block
 * @param genuineToReview genuine comments whose action is review
 * @param spamBlocked     spam whose action is block
 * @param spamCaught      spam whose action is block or review
 * @param rocAuc          ROC AUC of the spam score, spam against genuine; NaN unless both are present
 */
public record ActionRates(int genuine, int spam, int genuineBlocked, int genuineToReview, int spamBlocked,
                          int spamCaught, double rocAuc) {

    /**
     * Counts the actions of {@code predictions}.
     *
     * @throws IllegalArgumentException when a prediction has no action
     */
    public static ActionRates of(List<Prediction> predictions, String positiveLabel) {
        double[] scores = new double[predictions.size()];
        boolean[] positive = new boolean[predictions.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = predictions.get(i).spamScore();
            positive[i] = predictions.get(i).truth().equals(positiveLabel);
        }
        return of(PredictionCount.of(predictions, null), positiveLabel, RankedScores.of(scores, positive).rocAuc());
    }

    /**
     * Counts the actions of counted predictions, whose spam scores have the ROC AUC {@code rocAuc}.
     *
     * @throws IllegalArgumentException when a prediction has no action
     */
    static ActionRates of(List<PredictionCount> counts, String positiveLabel, double rocAuc) {
        long genuine = 0;
        long spam = 0;
        long genuineBlocked = 0;
        long genuineToReview = 0;
        long spamBlocked = 0;
        long spamCaught = 0;
        for (PredictionCount c : counts) {
            if (c.action() == null) {
                throw new IllegalArgumentException("a prediction without an action (truth " + c.truth() + ")");
            }
            long n = c.count();
            if (c.truth().equals(positiveLabel)) {
                spam += n;
                spamBlocked += c.action() == Action.BLOCK ? n : 0;
                spamCaught += c.action() == Action.BLOCK || c.action() == Action.REVIEW ? n : 0;
            } else {
                genuine += n;
                genuineBlocked += c.action() == Action.BLOCK ? n : 0;
                genuineToReview += c.action() == Action.REVIEW ? n : 0;
            }
        }
        return new ActionRates(Math.toIntExact(genuine), Math.toIntExact(spam), Math.toIntExact(genuineBlocked),
                Math.toIntExact(genuineToReview), Math.toIntExact(spamBlocked), Math.toIntExact(spamCaught), rocAuc);
    }

    /** Share of genuine comments blocked; NaN without genuine comments. */
    public double genuineBlockedShare() {
        return share(genuineBlocked, genuine);
    }

    /** Share of genuine comments sent to review; NaN without genuine comments. */
    public double genuineToReviewShare() {
        return share(genuineToReview, genuine);
    }

    /** Share of spam blocked; NaN without spam. */
    public double spamBlockedShare() {
        return share(spamBlocked, spam);
    }

    /** Share of spam blocked or sent to review; NaN without spam. */
    public double spamCaughtShare() {
        return share(spamCaught, spam);
    }

    private static double share(int n, int of) {
        return of == 0 ? Double.NaN : n / (double) of;
    }
}

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
        int genuine = 0;
        int spam = 0;
        int genuineBlocked = 0;
        int genuineToReview = 0;
        int spamBlocked = 0;
        int spamCaught = 0;
        double[] scores = new double[predictions.size()];
        boolean[] positive = new boolean[predictions.size()];
        for (int i = 0; i < scores.length; i++) {
            Prediction p = predictions.get(i);
            if (p.action() == null) {
                throw new IllegalArgumentException("a prediction without an action (truth " + p.truth() + ")");
            }
            scores[i] = p.spamScore();
            positive[i] = p.truth().equals(positiveLabel);
            if (positive[i]) {
                spam++;
                spamBlocked += p.action() == Action.BLOCK ? 1 : 0;
                spamCaught += p.action() == Action.BLOCK || p.action() == Action.REVIEW ? 1 : 0;
            } else {
                genuine++;
                genuineBlocked += p.action() == Action.BLOCK ? 1 : 0;
                genuineToReview += p.action() == Action.REVIEW ? 1 : 0;
            }
        }
        return new ActionRates(genuine, spam, genuineBlocked, genuineToReview, spamBlocked, spamCaught,
                Curves.rocAuc(scores, positive));
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

package dev.commentguard.evaluation;

import java.util.Arrays;

/**
 * Labelled spam scores taken from the highest down, one distinct score at a time with how many positive (spam) and
 * negative (genuine) comments have it. Told the totals first, it computes the ROC AUC, the average precision and the
 * rates at chosen thresholds as the scores go by, keeping none of them: a distributed job streams a sorted aggregate
 * of any size through it, and {@link Metrics}, {@link Moderation} and {@link Curves} feed it from their arrays, so
 * both ways give the same figures to the last bit.
 *
 * <p>Not thread-safe: one instance per pass.
 */
public final class RankedScores {

    private final long positives;
    private final long negatives;
    private final double[] thresholds;
    private final long[] positivesAtThreshold;
    private final long[] negativesAtThreshold;
    private double last = Double.NaN;
    /** Positives and negatives seen so far: those scoring at or above the last score added. */
    private long tp;
    private long fp;
    /** Twice the Mann-Whitney U: two for each positive scored above a negative, one for each tie between them. */
    private long pairs;
    private double averagePrecision;
    private double lastRecall;

    /**
     * @param positives  the positive comments that will be added, in all
     * @param negatives  the negative comments that will be added, in all
     * @param thresholds the thresholds whose rates {@link #recall} and {@link #falsePositiveRate} will be asked for
     */
    public RankedScores(long positives, long negatives, double... thresholds) {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("negative totals: " + positives + " positive, " + negatives + " negative");
        }
        this.positives = positives;
        this.negatives = negatives;
        this.thresholds = thresholds.clone();
        this.positivesAtThreshold = new long[thresholds.length];
        this.negativesAtThreshold = new long[thresholds.length];
    }

    /** The scores of {@code positive} and negative comments, sorted and added. */
    public static RankedScores of(double[] scores, boolean[] positive, double... thresholds) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + positive.length + " labels");
        }
        int pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        double[] ofPositives = new double[pos];
        double[] ofNegatives = new double[scores.length - pos];
        for (int i = 0, p = 0, n = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is not a number");
            }
            double score = scores[i] + 0.0; // -0.0 is 0.0 here, as it is to ==
            if (positive[i]) {
                ofPositives[p++] = score;
            } else {
                ofNegatives[n++] = score;
            }
        }
        Arrays.sort(ofPositives);
        Arrays.sort(ofNegatives);
        RankedScores ranked = new RankedScores(ofPositives.length, ofNegatives.length, thresholds);
        int p = ofPositives.length - 1;
        int n = ofNegatives.length - 1;
        while (p >= 0 || n >= 0) {
            double score = Math.max(p >= 0 ? ofPositives[p] : Double.NEGATIVE_INFINITY,
                    n >= 0 ? ofNegatives[n] : Double.NEGATIVE_INFINITY);
            long tied = 0;
            long tiedNegatives = 0;
            for (; p >= 0 && ofPositives[p] == score; p--) {
                tied++;
            }
            for (; n >= 0 && ofNegatives[n] == score; n--) {
                tiedNegatives++;
            }
            ranked.add(score, tied, tiedNegatives);
        }
        return ranked;
    }

    /**
     * Adds the comments that have {@code score}: a score below every score added before.
     *
     * @throws IllegalArgumentException when the score is not below the last, no comment has it, or the comments
     *                                  added come to more than the totals
     */
    public void add(double score, long positive, long negative) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("a score that is not a number");
        }
        if (!Double.isNaN(last) && !(score < last)) {
            throw new IllegalArgumentException("scores must come from the highest down, each once: " + score + " after " + last);
        }
        if (positive < 0 || negative < 0 || positive + negative == 0) {
            throw new IllegalArgumentException("score " + score + " with " + positive + " positive and " + negative + " negative");
        }
        // Each negative here ranks below every positive seen before and ties with the positives here.
        pairs = Math.addExact(pairs, Math.multiplyExact(negative, Math.addExact(Math.multiplyExact(2, tp), positive)));
        tp += positive;
        fp += negative;
        if (tp > positives || fp > negatives) {
            throw new IllegalArgumentException("more comments than the totals: " + tp + " of " + positives + " positive, "
                    + fp + " of " + negatives + " negative");
        }
        last = score;
        for (int i = 0; i < thresholds.length; i++) {
            if (score >= thresholds[i]) {
                positivesAtThreshold[i] = tp;
                negativesAtThreshold[i] = fp;
            }
        }
        double recall = positives == 0 ? 0 : tp / (double) positives;
        averagePrecision += (recall - lastRecall) * (tp / (double) (tp + fp));
        lastRecall = recall;
    }

    /** Area under the ROC curve, by the rank statistic with ties counting one half; NaN when a class is absent. */
    public double rocAuc() {
        complete();
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (pairs / 2.0) / ((double) positives * negatives);
    }

    /** Average precision: the mean of the precision at each positive, ties taken together; 0 without positives. */
    public double averagePrecision() {
        complete();
        return averagePrecision;
    }

    /** Share of the positives scoring at or above {@code threshold}, one of those given at construction. */
    public double recall(double threshold) {
        complete();
        return positives == 0 ? 0 : positivesAtThreshold[indexOf(threshold)] / (double) positives;
    }

    /** Share of the negatives scoring at or above {@code threshold}, one of those given at construction. */
    public double falsePositiveRate(double threshold) {
        complete();
        return negatives == 0 ? 0 : negativesAtThreshold[indexOf(threshold)] / (double) negatives;
    }

    public long positives() {
        return positives;
    }

    public long negatives() {
        return negatives;
    }

    private int indexOf(double threshold) {
        for (int i = 0; i < thresholds.length; i++) {
            if (thresholds[i] == threshold) {
                return i;
            }
        }
        throw new IllegalArgumentException("threshold " + threshold + " was not among those given: " + Arrays.toString(thresholds));
    }

    private void complete() {
        if (tp != positives || fp != negatives) {
            throw new IllegalStateException("only " + tp + " of " + positives + " positive and " + fp + " of " + negatives
                    + " negative comments were added");
        }
    }
}

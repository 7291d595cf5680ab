package dev.commentguard.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** ROC and precision-recall curves of a score against binary truth. Pure functions. */
public final class Curves {

    private Curves() {
    }

    /** One operating point: a threshold and the rates of "score >= threshold". */
    public record Point(double threshold, double fpr, double recall, double precision) {
    }

    /** Area under the ROC curve by the rank statistic; ties count one half. NaN when a class is absent. */
    public static double rocAuc(double[] scores, boolean[] positive) {
        return RankedScores.of(scores, positive).rocAuc();
    }

    /** Average precision: the mean of the precision at each positive, ties taken together. */
    public static double averagePrecision(double[] scores, boolean[] positive) {
        return RankedScores.of(scores, positive).averagePrecision();
    }

    /** Every distinct threshold, from the highest score down, with its rates. */
    public static List<Point> points(double[] scores, boolean[] positive) {
        Integer[] order = sortedAscending(scores);
        int pos = 0;
        for (boolean b : positive) {
            pos += b ? 1 : 0;
        }
        int neg = scores.length - pos;
        List<Point> out = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        int i = order.length - 1;
        while (i >= 0) {
            double threshold = scores[order[i]];
            while (i >= 0 && scores[order[i]] == threshold) {
                if (positive[order[i]]) {
                    tp++;
                } else {
                    fp++;
                }
                i--;
            }
            out.add(new Point(threshold, neg == 0 ? 0 : fp / (double) neg, pos == 0 ? 0 : tp / (double) pos,
                    tp / (double) (tp + fp)));
        }
        return out;
    }

    /** The highest recall reachable with a false-positive rate at or below {@code maxFpr}. */
    public static double recallAtFpr(double[] scores, boolean[] positive, double maxFpr) {
        double best = 0;
        for (Point p : points(scores, positive)) {
            if (p.fpr() <= maxFpr) {
                best = Math.max(best, p.recall());
            }
        }
        return best;
    }

    /**
     * The lowest threshold at which at most {@code maxFpr} of the negatives score at or above it: just
     * above the negative score that would otherwise be one false positive too many.
     */
    public static double thresholdForFpr(double[] scores, boolean[] positive, double maxFpr) {
        double[] negatives = new double[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!positive[i]) {
                negatives[n++] = scores[i];
            }
        }
        if (n == 0) {
            return 0.5;
        }
        double[] sorted = Arrays.copyOf(negatives, n);
        Arrays.sort(sorted);
        int allowed = (int) Math.floor(maxFpr * n);
        double cut = sorted[n - 1 - allowed];
        return Math.min(1.0, Math.nextUp(cut));
    }

    private static Integer[] sortedAscending(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }
}

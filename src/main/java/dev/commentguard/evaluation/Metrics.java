package dev.commentguard.evaluation;

import dev.commentguard.Thresholds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics of a set of predictions. Immutable.
 *
 * @param labels           labels in the order of the confusion matrix rows and columns
 * @param positiveLabel    the spam label for the binary metrics
 * @param accuracy         share of correct labels
 * @param mcc              Matthews correlation coefficient over all classes (Gorodkin's R_K; the usual MCC for two)
 * @param rocAuc           area under the ROC curve of the spam score, spam against everything else
 * @param prAuc            area under the precision-recall curve (average precision) of the spam score
 * @param perClass         precision, recall and F1 per label
 * @param confusion        confusion[truth][predicted] counts
 * @param thresholds       the thresholds the rates below were taken at
 * @param fprAtReview      share of non-spam with a spam score at or above the review threshold
 * @param recallAtReview   share of spam at or above the review threshold
 * @param fprAtBlock       share of non-spam at or above the block threshold
 * @param recallAtBlock    share of spam at or above the block threshold
 */
public record Metrics(List<String> labels, String positiveLabel, int count, double accuracy, double mcc,
                      double rocAuc, double prAuc, List<ClassMetrics> perClass, int[][] confusion,
                      Thresholds thresholds, double fprAtReview, double recallAtReview,
                      double fprAtBlock, double recallAtBlock) {

    /** Computes every metric from predictions. Labels absent from {@code labels} are an error. */
    public static Metrics of(List<Prediction> predictions, List<String> labels, String positiveLabel, Thresholds thresholds) {
        double[] scores = new double[predictions.size()];
        boolean[] spam = new boolean[predictions.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = predictions.get(i).spamScore();
            spam[i] = predictions.get(i).truth().equals(positiveLabel);
        }
        return of(PredictionCount.of(predictions, null), RankedScores.of(scores, spam, thresholds.review(), thresholds.block()),
                labels, positiveLabel, thresholds);
    }

    /**
     * Computes every metric from predictions counted and their spam scores ranked, as a job that aggregates them
     * where they are has them; gives what {@link #of(List, List, String, Thresholds)} gives for the same predictions.
     *
     * @param scores the spam scores, positive meaning {@code positiveLabel}, ranked with the review and block
     *               thresholds
     * @throws IllegalArgumentException when a label is absent from {@code labels}, the scores are not of as many
     *                                  comments as the counts, or a count does not fit an {@code int}
     */
    public static Metrics of(List<PredictionCount> counts, RankedScores scores, List<String> labels, String positiveLabel,
                             Thresholds thresholds) {
        int k = labels.size();
        int[][] confusion = new int[k][k];
        long n = 0;
        long spam = 0;
        for (PredictionCount c : counts) {
            int truth = indexOf(labels, c.truth());
            int predicted = indexOf(labels, c.predicted());
            confusion[truth][predicted] = Math.toIntExact(confusion[truth][predicted] + c.count());
            n += c.count();
            spam += c.truth().equals(positiveLabel) ? c.count() : 0;
        }
        if (scores.positives() != spam || scores.negatives() != n - spam) {
            throw new IllegalArgumentException("the scores are of " + scores.positives() + " " + positiveLabel + " and "
                    + scores.negatives() + " other comments; the counts of " + spam + " and " + (n - spam));
        }
        int correct = 0;
        for (int i = 0; i < k; i++) {
            correct += confusion[i][i];
        }
        List<ClassMetrics> perClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int predicted = 0;
            int actual = 0;
            for (int i = 0; i < k; i++) {
                predicted += confusion[i][c];
                actual += confusion[c][i];
            }
            double precision = predicted == 0 ? 0 : tp / (double) predicted;
            double recall = actual == 0 ? 0 : tp / (double) actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(labels.get(c), precision, recall, f1, actual));
        }
        int count = Math.toIntExact(n);
        return new Metrics(List.copyOf(labels), positiveLabel, count, count == 0 ? 0 : correct / (double) count, mcc(confusion),
                scores.rocAuc(), scores.averagePrecision(), List.copyOf(perClass), confusion, thresholds,
                scores.falsePositiveRate(thresholds.review()), scores.recall(thresholds.review()),
                scores.falsePositiveRate(thresholds.block()), scores.recall(thresholds.block()));
    }

    /** Multi-class Matthews correlation coefficient; equals the binary MCC for two classes. */
    static double mcc(int[][] c) {
        int k = c.length;
        double s = 0;
        double correct = 0;
        double[] t = new double[k];
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                s += c[i][j];
                t[i] += c[i][j];
                p[j] += c[i][j];
            }
            correct += c[i][i];
        }
        double tp = 0;
        double tt = 0;
        double pp = 0;
        for (int i = 0; i < k; i++) {
            tp += t[i] * p[i];
            tt += t[i] * t[i];
            pp += p[i] * p[i];
        }
        double denominator = Math.sqrt(s * s - pp) * Math.sqrt(s * s - tt);
        return denominator == 0 ? 0 : (correct * s - tp) / denominator;
    }

    private static int indexOf(List<String> labels, String label) {
        int i = labels.indexOf(label);
        if (i < 0) {
            throw new IllegalArgumentException("label '" + label + "' is not one of the model's labels " + labels);
        }
        return i;
    }

    /** The main figures as an ordered map, for manifests and tables. */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("mcc", mcc);
        m.put("roc_auc", rocAuc);
        m.put("pr_auc", prAuc);
        m.put("fpr_at_review", fprAtReview);
        m.put("recall_at_review", recallAtReview);
        m.put("fpr_at_block", fprAtBlock);
        m.put("recall_at_block", recallAtBlock);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metrics m && m.accuracy == accuracy && m.mcc == mcc && m.rocAuc == rocAuc
                && Arrays.deepEquals(m.confusion, confusion);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(confusion);
    }
}

package dev.commentguard.evaluation;

import dev.commentguard.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    @Test
    void binaryMccMatchesTheTextbookFormula() {
        // tp=6 fn=2 fp=1 tn=11: MCC = (6*11 - 1*2) / sqrt(7*8*12*13)
        int[][] c = {{11, 1}, {2, 6}};
        assertThat(Metrics.mcc(c)).isCloseTo(64 / Math.sqrt(7.0 * 8 * 12 * 13), within(1e-12));
    }

    @Test
    void perfectAndInvertedPredictions() {
        assertThat(Metrics.mcc(new int[][] {{5, 0}, {0, 5}})).isCloseTo(1.0, within(1e-12));
        assertThat(Metrics.mcc(new int[][] {{0, 5}, {5, 0}})).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void computesPerClassAndThresholdRates() {
        List<Prediction> p = List.of(
                new Prediction("spam", "spam", 0.9), new Prediction("spam", "spam", 0.6),
                new Prediction("spam", "ok", 0.3), new Prediction("ok", "ok", 0.1),
                new Prediction("ok", "spam", 0.7), new Prediction("ok", "ok", 0.2));
        Metrics m = Metrics.of(p, List.of("ok", "spam"), "spam", new Thresholds(0.5, 0.8));
        assertThat(m.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(m.perClass().get(1).precision()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.perClass().get(1).recall()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(m.fprAtReview()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(m.recallAtBlock()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(m.fprAtBlock()).isZero();
        assertThat(m.confusion()[0][1]).isEqualTo(1);
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        assertThat(Curves.rocAuc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true})).isEqualTo(0.75);
        assertThat(Curves.rocAuc(new double[] {0.5, 0.5}, new boolean[] {false, true})).isEqualTo(0.5);
    }

    @Test
    void thresholdKeepsFalsePositivesWithinTheRate() {
        double[] scores = new double[200];
        boolean[] positive = new boolean[200];
        for (int i = 0; i < 200; i++) {
            scores[i] = i / 200.0;
            positive[i] = i >= 150;
        }
        double t = Curves.thresholdForFpr(scores, positive, 0.02); // 150 negatives: at most 3 above
        int fp = 0;
        for (int i = 0; i < 150; i++) {
            fp += scores[i] >= t ? 1 : 0;
        }
        assertThat(fp).isEqualTo(3);
        assertThat(Curves.recallAtFpr(scores, positive, 0.0)).isEqualTo(1.0);
    }

    /**
     * The figures from predictions counted and scores ranked by distinct value, as a distributed job aggregates them,
     * are those of the predictions themselves to the last bit; and the ROC AUC and average precision are those of the
     * textbook rank sum and of the precision at every threshold, ties and all.
     */
    @Test
    void countedAndRankedPredictionsGiveTheFiguresOfThePredictions() {
        java.util.Random random = new java.util.Random(5);
        List<String> labels = List.of("low_quality", "ok", "spam");
        List<Prediction> p = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String truth = labels.get(random.nextInt(3));
            double score = truth.equals("spam") ? Math.sqrt(random.nextDouble()) : random.nextDouble() * random.nextDouble();
            if (i % 3 == 0) {
                score = Math.round(score * 50) / 50.0; // ties, within and across the classes
            }
            p.add(new Prediction(truth, score > 0.5 ? "spam" : labels.get(random.nextInt(2)), score));
        }
        Thresholds thresholds = new Thresholds(0.3, 0.8);
        Metrics direct = Metrics.of(p, labels, "spam", thresholds);

        java.util.TreeMap<Double, long[]> byScore = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        long spam = 0;
        for (Prediction x : p) {
            boolean positive = x.truth().equals("spam");
            byScore.computeIfAbsent(x.spamScore(), k -> new long[2])[positive ? 0 : 1]++;
            spam += positive ? 1 : 0;
        }
        RankedScores ranked = new RankedScores(spam, p.size() - spam, 0.3, 0.8);
        byScore.forEach((score, n) -> ranked.add(score, n[0], n[1]));
        Metrics aggregated = Metrics.of(PredictionCount.of(p, null), ranked, labels, "spam", thresholds);
        assertThat(aggregated).usingRecursiveComparison().isEqualTo(direct);

        double[] scores = p.stream().mapToDouble(Prediction::spamScore).toArray();
        boolean[] positive = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            positive[i] = p.get(i).truth().equals("spam");
        }
        assertThat(direct.rocAuc()).isEqualTo(rankSumAuc(scores, positive));
        double ap = 0;
        double lastRecall = 0;
        for (Curves.Point point : Curves.points(scores, positive)) {
            ap += (point.recall() - lastRecall) * point.precision();
            lastRecall = point.recall();
        }
        assertThat(direct.prAuc()).isEqualTo(ap);
    }

    /** The Mann-Whitney rank sum, as the ROC AUC was computed before it could be computed from ranked scores. */
    private static double rankSumAuc(double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> scores[i]));
        double rankSum = 0;
        long pos = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j < order.length && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            for (int t = i; t < j; t++) {
                if (positive[order[t]]) {
                    rankSum += (i + 1 + j) / 2.0;
                    pos++;
                }
            }
            i = j;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * (scores.length - pos));
    }

    @Test
    void rankedScoresRefuseScoresOutOfOrderAndAnswerOnlyWhenComplete() {
        RankedScores ranked = new RankedScores(2, 1, 0.5);
        ranked.add(0.9, 1, 0);
        assertThatThrownBy(() -> ranked.add(0.9, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from the highest down");
        assertThatThrownBy(ranked::rocAuc).isInstanceOf(IllegalStateException.class)
                .hasMessage("only 1 of 2 positive and 0 of 1 negative comments were added");
        ranked.add(0.4, 1, 1);
        assertThat(ranked.rocAuc()).isEqualTo(0.75);
        assertThat(ranked.recall(0.5)).isEqualTo(0.5);
        assertThatThrownBy(() -> ranked.recall(0.6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ranked.add(0.1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more comments than the totals");
    }

    @Test
    void averagePrecisionOfAPerfectRankingIsOne() {
        assertThat(Curves.averagePrecision(new double[] {0.9, 0.8, 0.1}, new boolean[] {true, true, false})).isEqualTo(1.0);
    }
}

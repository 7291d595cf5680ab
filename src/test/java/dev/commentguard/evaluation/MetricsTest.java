package dev.commentguard.evaluation;

import dev.commentguard.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
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

    @Test
    void averagePrecisionOfAPerfectRankingIsOne() {
        assertThat(Curves.averagePrecision(new double[] {0.9, 0.8, 0.1}, new boolean[] {true, true, false})).isEqualTo(1.0);
    }
}

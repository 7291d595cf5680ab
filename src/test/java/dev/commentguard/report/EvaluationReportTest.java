package dev.commentguard.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts draw their curves from the corners alone. */
class EvaluationReportTest {

    @Test
    void keepsTheCornersOfAStaircase() {
        // An ROC curve of five thresholds: up, up, right, right.
        double[] x = {0, 0, 0, 0.5, 1};
        double[] y = {0, 0.5, 1, 1, 1};
        assertThat(EvaluationReport.corners(x, y)).containsExactly(0, 2, 4);
    }

    @Test
    void dropsRepeatsAndKeepsBendsAndTurnsBack() {
        assertThat(EvaluationReport.corners(new double[] {0, 0, 1}, new double[] {0, 0, 1})).containsExactly(0, 2);
        assertThat(EvaluationReport.corners(new double[] {0, 0.5, 1}, new double[] {0, 0.7, 1})).containsExactly(0, 1, 2);
        // On the line, but going back: the line needs the point where it turns.
        assertThat(EvaluationReport.corners(new double[] {0, 1, 0.5}, new double[] {0, 0, 0})).containsExactly(0, 1, 2);
    }

    @Test
    void keepsShortLinesWhole() {
        assertThat(EvaluationReport.corners(new double[] {}, new double[] {})).isEmpty();
        assertThat(EvaluationReport.corners(new double[] {0.3}, new double[] {0.4})).containsExactly(0);
        assertThat(EvaluationReport.corners(new double[] {0, 0}, new double[] {0, 0})).containsExactly(0, 1);
    }
}

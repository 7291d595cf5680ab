package dev.commentguard.training;

import dev.commentguard.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingThresholdsTest {

    private static final TrainingOptions OPTIONS = TrainingOptions.defaults(); // review 5%, block 0.5%

    /** Scores of {@code genuine} genuine comments spread evenly over [0, top), then 100 spam at 0.99. */
    private static void add(List<Double> scores, List<Boolean> spam, List<String> groups, String group, int genuine, double top) {
        for (int i = 0; i < genuine; i++) {
            scores.add(top * i / genuine);
            spam.add(false);
            groups.add(group);
        }
        for (int i = 0; i < 100; i++) {
            scores.add(0.99);
            spam.add(true);
            groups.add(group);
        }
    }

    private static double[] doubles(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean[] booleans(List<Boolean> l) {
        boolean[] b = new boolean[l.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = l.get(i);
        }
        return b;
    }

    @Test
    void withGroupsNoLargeGroupHasMoreThanTheReviewRateOfItsGenuineCommentsHeld() {
        List<Double> s = new ArrayList<>();
        List<Boolean> p = new ArrayList<>();
        List<String> g = new ArrayList<>();
        add(s, p, g, "calm", 1000, 0.2);   // its 5% point: 0.19
        add(s, p, g, "money", 1000, 0.6);  // its genuine comments score higher: 5% point 0.569
        Thresholds pooled = TrainingThresholds.of(doubles(s), booleans(p), OPTIONS);
        Thresholds grouped = TrainingThresholds.of(doubles(s), booleans(p), g, OPTIONS);

        assertThat(grouped.block()).isEqualTo(pooled.block());
        assertThat(grouped.review()).isGreaterThan(pooled.review()).isBetween(0.569, 0.5695);
        double[] scores = doubles(s);
        int held = 0;
        for (int i = 1000 + 100; i < 2000 + 100; i++) {
            held += scores[i] >= grouped.review() ? 1 : 0;
        }
        assertThat(held).isLessThanOrEqualTo(50);
        // Pooled, the "money" group has 10% held: all of the pool's 5%.
        int heldPooled = 0;
        for (int i = 1000 + 100; i < 2000 + 100; i++) {
            heldPooled += scores[i] >= pooled.review() ? 1 : 0;
        }
        assertThat(heldPooled).isEqualTo(100);
    }

    @Test
    void aGroupWithTooFewGenuineCommentsHasNoSay() {
        List<Double> s = new ArrayList<>();
        List<Boolean> p = new ArrayList<>();
        List<String> g = new ArrayList<>();
        add(s, p, g, "calm", 1000, 0.2);
        add(s, p, g, "money", 1000, 0.6);
        add(s, p, g, "tiny", 150, 0.95); // its own 5% point would be 0.89
        assertThat(TrainingThresholds.of(doubles(s), booleans(p), g, OPTIONS).review()).isBetween(0.569, 0.5695);
    }

    @Test
    void withoutAGroupLargeEnoughTheThresholdsArePooled() {
        List<Double> s = new ArrayList<>();
        List<Boolean> p = new ArrayList<>();
        List<String> g = new ArrayList<>();
        add(s, p, g, "a", 150, 0.2);
        add(s, p, g, "b", 150, 0.6);
        assertThat(TrainingThresholds.of(doubles(s), booleans(p), g, OPTIONS))
                .isEqualTo(TrainingThresholds.of(doubles(s), booleans(p), OPTIONS));
        assertThat(TrainingThresholds.of(doubles(s), booleans(p), Collections.nCopies(s.size(), "one"), OPTIONS))
                .as("one group of 300 genuine comments is the pool").isEqualTo(TrainingThresholds.of(doubles(s), booleans(p), OPTIONS));
    }
}

package dev.commentguard.training;

import dev.commentguard.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingThresholdsTest {

    private static final TrainingOptions OPTIONS = TrainingOptions.defaults(); // review 5%, block 0.5%

    /** Out-of-fold scores by group: each group's genuine comments spread evenly below a top score, then 100 spam at 0.99. */
    private static final class Scores {
        final List<Double> scores = new ArrayList<>();
        final List<Boolean> spam = new ArrayList<>();
        final List<String> groups = new ArrayList<>();

        Scores add(String group, int genuine, double top) {
            for (int i = 0; i < genuine + 100; i++) {
                scores.add(i < genuine ? top * i / genuine : 0.99);
                spam.add(i >= genuine);
                groups.add(group);
            }
            return this;
        }

        Thresholds pooled() {
            return TrainingThresholds.of(array(), flags(), OPTIONS);
        }

        Thresholds grouped(List<String> by) {
            return TrainingThresholds.of(array(), flags(), by, OPTIONS);
        }

        /** Genuine comments of {@code group} at or above {@code review}. */
        long held(String group, double review) {
            long n = 0;
            for (int i = 0; i < scores.size(); i++) {
                n += groups.get(i).equals(group) && !spam.get(i) && scores.get(i) >= review ? 1 : 0;
            }
            return n;
        }

        private double[] array() {
            return scores.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private boolean[] flags() {
            boolean[] b = new boolean[spam.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = spam.get(i);
            }
            return b;
        }
    }

    @Test
    void withGroupsNoLargeGroupHasMoreThanTheReviewRateOfItsGenuineCommentsHeld() {
        Scores s = new Scores().add("calm", 1000, 0.2).add("money", 1000, 0.6); // 5% points 0.19 and 0.569
        Thresholds pooled = s.pooled();
        Thresholds grouped = s.grouped(s.groups);

        assertThat(grouped.block()).isEqualTo(pooled.block());
        assertThat(grouped.review()).isGreaterThan(pooled.review()).isBetween(0.569, 0.5695);
        assertThat(s.held("money", grouped.review())).isLessThanOrEqualTo(50);
        assertThat(s.held("money", pooled.review())).as("pooled, all of the pool's 5% is money's: 10% of it").isEqualTo(100);
    }

    @Test
    void aGroupWithTooFewGenuineCommentsHasNoSay() {
        Scores s = new Scores().add("calm", 1000, 0.2).add("money", 1000, 0.6).add("tiny", 150, 0.95); // tiny's: 0.89
        assertThat(s.grouped(s.groups).review()).isBetween(0.569, 0.5695);
    }

    @Test
    void withoutAGroupLargeEnoughTheThresholdsArePooled() {
        Scores s = new Scores().add("a", 150, 0.2).add("b", 150, 0.6);
        assertThat(s.grouped(s.groups)).isEqualTo(s.pooled());
        assertThat(s.grouped(Collections.nCopies(s.scores.size(), "one"))).as("one group of 300 genuine comments is the pool")
                .isEqualTo(s.pooled());
    }
}

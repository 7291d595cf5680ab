package dev.commentguard.evaluation;

import dev.commentguard.Action;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModerationTest {

    /** Scores high enough to block but held at review count as review: the figures come from the actions. */
    @Test
    void countsTheActionsNotTheThresholds() {
        List<Prediction> p = List.of(
                new Prediction("ok", "ok", 0.99, Action.REVIEW), new Prediction("ok", "ok", 0.10, Action.ALLOW),
                new Prediction("low_quality", "low_quality", 0.20, Action.DEMOTE),
                new Prediction("low_quality", "spam", 0.95, Action.BLOCK),
                new Prediction("spam", "spam", 0.97, Action.BLOCK), new Prediction("spam", "spam", 0.90, Action.REVIEW),
                new Prediction("spam", "ok", 0.05, Action.ALLOW), new Prediction("spam", "spam", 0.98, Action.BLOCK));
        Moderation m = Moderation.of(p, Arrays.asList(new String[p.size()]), List.of("low_quality", "ok", "spam"), "spam");
        ActionRates all = m.all();
        assertThat(all.genuine()).isEqualTo(4);
        assertThat(all.genuineBlocked()).isEqualTo(1);
        assertThat(all.genuineBlockedShare()).isEqualTo(0.25);
        assertThat(all.genuineToReviewShare()).isEqualTo(0.25);
        assertThat(all.spamBlockedShare()).isEqualTo(0.5);
        assertThat(all.spamCaughtShare()).isEqualTo(0.75);
        assertThat(all.rocAuc()).isCloseTo(8 / 16.0, within(1e-12)); // 8 of the 16 spam-genuine pairs in order
        assertThat(m.actionsByLabel().keySet()).containsExactly("low_quality", "ok", "spam");
        assertThat(m.actionsByLabel().get("low_quality")).containsEntry(Action.DEMOTE, 1).containsEntry(Action.BLOCK, 1)
                .containsEntry(Action.ALLOW, 0);
        assertThat(m.groups()).as("no group column").isEmpty();
    }

    @Test
    void givesEachGroupItsOwnFiguresInAlphabeticalOrder() {
        List<Prediction> p = List.of(
                new Prediction("ok", "ok", 0.9, Action.BLOCK), new Prediction("spam", "spam", 0.95, Action.BLOCK),
                new Prediction("ok", "ok", 0.1, Action.ALLOW), new Prediction("spam", "spam", 0.6, Action.REVIEW),
                new Prediction("ok", "ok", 0.1, Action.ALLOW));
        Moderation m = Moderation.of(p, Arrays.asList("software", "software", "news", "news", null), List.of("ok", "spam"), "spam");
        assertThat(m.groups().keySet()).containsExactly("", "news", "software");
        assertThat(m.groups().get("software").genuineBlockedShare()).isEqualTo(1.0);
        assertThat(m.groups().get("news").genuineBlocked()).isZero();
        assertThat(m.groups().get("news").spamCaught()).isEqualTo(1);
        assertThat(m.groups().get("").spamCaughtShare()).as("no spam: no share").isNaN();
        assertThat(m.groups().get("").rocAuc()).isNaN();
    }

    /** The figures from predictions counted and each group's scores ranked, as a distributed job has them. */
    @Test
    void countedPredictionsGiveTheFiguresOfThePredictions() {
        java.util.Random random = new java.util.Random(9);
        List<Prediction> p = new java.util.ArrayList<>();
        List<String> groups = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String truth = random.nextInt(3) == 0 ? "spam" : "ok";
            double score = Math.round((truth.equals("spam") ? 0.4 : 0) + 0.6 * random.nextDouble() * 100) / 100.0;
            p.add(new Prediction(truth, score > 0.5 ? "spam" : "ok", score, Action.values()[random.nextInt(4)]));
            groups.add(i % 7 == 0 ? null : "kind" + random.nextInt(4));
        }
        Moderation direct = Moderation.of(p, groups, List.of("ok", "spam"), "spam");

        java.util.Map<String, List<Prediction>> byGroup = new java.util.TreeMap<>();
        for (int i = 0; i < p.size(); i++) {
            byGroup.computeIfAbsent(groups.get(i) == null ? "" : groups.get(i), k -> new java.util.ArrayList<>()).add(p.get(i));
        }
        java.util.Map<String, RankedScores> ranked = new java.util.HashMap<>();
        byGroup.forEach((g, ps) -> ranked.put(g, ranked(ps)));
        Moderation counted = Moderation.of(PredictionCount.of(p, groups), ranked(p), ranked, List.of("ok", "spam"), "spam");
        assertThat(counted).isEqualTo(direct);
        assertThat(counted.groups().keySet()).containsExactly("", "kind0", "kind1", "kind2", "kind3");

        ranked.remove("kind3");
        assertThatThrownBy(() -> Moderation.of(PredictionCount.of(p, groups), ranked(p), ranked, List.of("ok", "spam"), "spam"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the counts have [, kind0, kind1, kind2, kind3]");
    }

    /** The scores fed by distinct value from the highest down, as a sorted aggregate arrives. */
    private static RankedScores ranked(List<Prediction> p) {
        java.util.TreeMap<Double, long[]> byScore = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        long spam = 0;
        for (Prediction x : p) {
            boolean positive = x.truth().equals("spam");
            byScore.computeIfAbsent(x.spamScore(), k -> new long[2])[positive ? 0 : 1]++;
            spam += positive ? 1 : 0;
        }
        RankedScores ranked = new RankedScores(spam, p.size() - spam);
        byScore.forEach((score, n) -> ranked.add(score, n[0], n[1]));
        return ranked;
    }

    @Test
    void predictionsWithoutActionsAreAnError() {
        assertThatThrownBy(() -> ActionRates.of(List.of(new Prediction("ok", "ok", 0.5)), "spam"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without an action");
    }
}

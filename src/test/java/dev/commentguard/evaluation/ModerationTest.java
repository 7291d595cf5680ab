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

    @Test
    void predictionsWithoutActionsAreAnError() {
        assertThatThrownBy(() -> ActionRates.of(List.of(new Prediction("ok", "ok", 0.5)), "spam"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without an action");
    }
}

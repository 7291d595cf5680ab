package dev.commentguard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A scorer that does not explain gives the same verdicts, without the reasons but the one that holds a block. */
class WithoutReasonsTest {

    private static final CommentScorer SCORER = CommentScorer.of(TestModels.small());

    @Test
    void theVerdictsAreTheSameAndOnlyAHoldIsExplained() throws Exception {
        List<String> texts = TestData.corpusTextsAndDisguises().subList(0, 2_000);
        int explained = 0;
        int held = 0;
        for (String text : texts) {
            Comment c = Comment.of(text);
            Verdict full = SCORER.score(c);
            // both scorers block at this comment's own score, so that the block rule is asked about every comment
            Thresholds atScore = new Thresholds(full.spamScore(), full.spamScore());
            Verdict atBlock = SCORER.withThresholds(atScore).score(c);
            Verdict bare = SCORER.withThresholds(atScore).withoutReasons().score(c);
            assertThat(bare.label()).isEqualTo(atBlock.label());
            assertThat(bare.spamScore()).isEqualTo(atBlock.spamScore());
            assertThat(bare.probabilities()).isEqualTo(atBlock.probabilities());
            assertThat(bare.action()).as(text).isEqualTo(atBlock.action());
            if (atBlock.action() == Action.REVIEW) {
                assertThat(bare.reasons()).as(text).containsExactly(atBlock.reasons().get(0));
                assertThat(bare.reasons().get(0).code()).isEqualTo("held");
                held++;
            } else {
                assertThat(bare.reasons()).as(text).isEmpty();
            }
            explained += full.reasons().isEmpty() ? 0 : 1;
        }
        assertThat(explained).as("comments the full scorer explains").isGreaterThan(texts.size() / 2);
        assertThat(held).as("blocks held for review, whose reason stays").isPositive();
    }

    @Test
    void otherThresholdsKeepTheChoiceNotToExplain() {
        Comment c = Comment.of("Call 0300-1234567 for free classified ads");
        Verdict v = SCORER.withoutReasons().withThresholds(new Thresholds(0.01, 0.99)).score(c);
        assertThat(v.reasons()).isEmpty();
        assertThat(SCORER.withThresholds(new Thresholds(0.01, 0.99)).score(c).reasons()).isNotEmpty();
    }
}

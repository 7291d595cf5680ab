package dev.commentguard;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batches larger than one slice are scored slice by slice with the same verdicts as one at a time. */
class ScoreAllTest {

    private static final CommentScorer SCORER = CommentScorer.of(TestModels.small());

    @Test
    void slicedBatchGivesTheVerdictsOfSingleScoringPlusBatchDuplicates() {
        var base = TestData.threeClasses(200, 13);
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < CommentScorer.SLICE * 2 + 17; i++) {
            comments.add(new Comment("c" + i, base.get(i % base.size()).comment().text() + " unique " + i, "", "", "", null));
        }
        // The same text at both ends of the batch, in different slices.
        comments.set(0, Comment.of("Visit www.repeat-offer.example.com today"));
        comments.set(comments.size() - 1, Comment.of("visit WWW.repeat-offer.example.com today!"));

        List<Verdict> batch = SCORER.scoreAll(comments);
        assertThat(batch).hasSize(comments.size());
        for (int i = 1; i < comments.size() - 1; i++) {
            assertThat(batch.get(i)).isEqualTo(SCORER.score(comments.get(i)));
        }
        for (Verdict v : List.of(batch.get(0), batch.get(comments.size() - 1))) {
            assertThat(v.reasons()).extracting(Reason::code).contains("duplicate");
        }
        List<Verdict> streamed = new ArrayList<>();
        SCORER.scoreAll(comments, streamed::add);
        assertThat(streamed).isEqualTo(batch);
        for (int threads : new int[] {2, 3}) {
            List<Verdict> parallel = new ArrayList<>();
            List<String> callers = new ArrayList<>();
            SCORER.scoreAll(comments, v -> {
                parallel.add(v);
                callers.add(Thread.currentThread().getName());
            }, threads);
            assertThat(parallel).as("%d threads", threads).isEqualTo(batch);
            assertThat(callers).containsOnly(Thread.currentThread().getName());
        }
    }

    /**
     * A batch cut into parts, each scored with the repeated keys of the whole batch, gets the verdicts of the whole
     * batch: the repeated texts flagged even when their copies sit in other parts, and nothing else.
     */
    @Test
    void partsScoredWithTheBatchsRepeatedKeysGiveTheBatchsVerdicts() {
        var base = TestData.threeClasses(200, 17);
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < CommentScorer.SLICE + 500; i++) {
            comments.add(new Comment("c" + i, base.get(i % base.size()).comment().text() + " unique " + i, "", "", "", null));
        }
        comments.set(3, Comment.of("Visit www.repeat-offer.example.com today"));
        comments.set(comments.size() - 2, Comment.of("visit WWW.repeat-offer.example.com today!"));
        comments.set(10, Comment.of("First!"));
        comments.set(11, Comment.of("first"));
        java.util.Map<String, Integer> posts = new java.util.HashMap<>();
        for (Comment c : comments) {
            posts.merge(CommentScorer.repeatKey(c.text()), 1, Integer::sum);
        }
        assertThat(CommentScorer.repeatKey("Visit www.repeat-offer.example.com today"))
                .isEqualTo(CommentScorer.repeatKey("visit WWW.repeat-offer.example.com today!"))
                .isNotEqualTo(CommentScorer.repeatKey("Visit www.repeat-offer.example.com tomorrow"));

        List<Verdict> whole = SCORER.scoreAll(comments);
        List<Verdict> parts = new ArrayList<>();
        for (int from = 0; from < comments.size(); from += 1000) {
            parts.addAll(SCORER.scorePart(comments.subList(from, Math.min(comments.size(), from + 1000)),
                    key -> posts.get(key) > 1));
        }
        assertThat(parts).isEqualTo(whole);
        assertThat(parts.get(3).reasons()).extracting(Reason::code).contains("duplicate");
        assertThat(parts.get(11).reasons()).extracting(Reason::code).contains("duplicate");
        assertThat(SCORER.scorePart(comments.subList(0, 12), key -> false))
                .as("no key repeated: every comment as if scored alone")
                .isEqualTo(comments.subList(0, 12).stream().map(SCORER::score).toList());
    }

    @Test
    void aFailingSinkStopsTheParallelBatchWithItsOwnException() {
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < CommentScorer.SLICE * 3; i++) {
            comments.add(Comment.of("comment number " + i));
        }
        int[] seen = {0};
        assertThatThrownBy(() -> SCORER.scoreAll(comments, v -> {
            if (++seen[0] == 10) {
                throw new IllegalStateException("disk full");
            }
        }, 2)).isInstanceOf(IllegalStateException.class).hasMessage("disk full");
        assertThat(seen[0]).isEqualTo(10);
        assertThatThrownBy(() -> SCORER.scoreAll(comments, v -> { }, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

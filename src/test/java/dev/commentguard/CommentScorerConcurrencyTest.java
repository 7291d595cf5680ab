package dev.commentguard;

import dev.commentguard.training.LabelledComment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One scorer, shared by many threads started together, gives exactly the single-threaded verdicts. */
class CommentScorerConcurrencyTest {

    private static List<Comment> comments(int n) {
        List<LabelledComment> base = TestData.threeClasses(200, 99);
        List<Comment> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Comment c = base.get(i % base.size()).comment();
            out.add(new Comment("c" + i, c.text() + (i % 7 == 0 ? " call 0300-" + (1_000_000 + i) : " #" + (i % 13)),
                    "", "", "", null));
        }
        return out;
    }

    @Test
    void eightThreadsScoringTenThousandCommentsAgreeWithOneThread() throws Exception {
        CommentScorer scorer = CommentScorer.of(TestModels.small());
        List<Comment> comments = comments(10_000);
        List<Verdict> expected = new ArrayList<>();
        for (Comment c : comments) {
            expected.add(scorer.score(c));
        }
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Verdict>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 1250;
                futures.add(pool.submit(() -> {
                    start.await();
                    // Each thread scores every comment, starting at its own offset so that threads collide on the same texts.
                    List<Verdict> got = new ArrayList<>(comments.size());
                    for (int i = 0; i < comments.size(); i++) {
                        got.add(null);
                    }
                    for (int k = 0; k < comments.size(); k++) {
                        int i = (offset + k) % comments.size();
                        got.set(i, scorer.score(comments.get(i)));
                    }
                    return got;
                }));
            }
            for (Future<List<Verdict>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).extracting(Verdict::label).contains("spam", "ok", "low_quality");
    }
}

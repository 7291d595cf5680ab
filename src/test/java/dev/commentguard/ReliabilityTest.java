package dev.commentguard;

import dev.commentguard.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Hostile text and heavy concurrency against one shared scorer. */
class ReliabilityTest {

    private static final CommentScorer SCORER = CommentScorer.of(TestModels.small());

    /**
     * Texts built to hurt: size, repetition, nesting, many links. Each must be scored, and the generous
     * time-out only guards against a hang (catastrophic backtracking would take hours, not seconds).
     */
    @Test
    void pathologicalTextsAreScoredWithinBoundedWork() {
        List<String> texts = List.of(
                "word ".repeat(210_000),                                   // a 1 MB comment
                "a".repeat(100_000),                                        // 100,000 repeated characters
                "!".repeat(100_000),
                "(".repeat(50_000) + "x" + ")".repeat(50_000),              // deep nesting of brackets
                "[url=".repeat(20_000) + "]".repeat(20_000),
                "<a href=".repeat(20_000),
                "http://spam.example.com/x ".repeat(5_000),                 // thousands of URLs
                "1 ".repeat(100_000),                                       // a phone number that never ends
                "Call" + " or 0300-1234567".repeat(1_000),                  // one number a thousand times
                "a@".repeat(100_000) + "b.com",
                "c a l l ".repeat(50_000),
                "\u200B".repeat(100_000) + "hi");
        for (String text : texts) {
            Verdict v = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> SCORER.score(Comment.of(text)),
                    () -> "scoring did not finish: " + text.substring(0, 40));
            assertThat(v.spamScore()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void anAuthorsWebSiteOrNameOfAMegabyteIsCutWhenTheCommentIsMade() {
        String url = "http://" + "a".repeat(1_000_000) + ".com";
        Comment c = Comment.builder().text("Nice one").author("b".repeat(1_000_000)).authorUrl(url)
                .authorEmail("c".repeat(1_000_000) + "@example.com").site(url).permalink(url).build();
        assertThat(List.of(c.author(), c.authorUrl(), c.authorEmail(), c.site(), c.permalink()))
                .allSatisfy(field -> assertThat(field).hasSize(Comment.MAX_FIELD_CHARS));
        assertThat(c.authorUrl()).isEqualTo(url.substring(0, Comment.MAX_FIELD_CHARS));
        assertThat(SCORER.score(c).spamScore()).isBetween(0.0, 1.0);
    }

    @Test
    void onlyTheFirstCharactersOfAHugeCommentAreRead() {
        String head = "Call 0300-1234567 for cheap loans. ";
        String huge = head + "x".repeat(TextNormalizer.MAX_CHARS * 40);
        String cut = (head + "x".repeat(TextNormalizer.MAX_CHARS * 40)).substring(0, TextNormalizer.MAX_CHARS);
        assertThat(SCORER.score(Comment.of(huge)).probabilities()).isEqualTo(SCORER.score(Comment.of(cut)).probabilities());
    }

    @Test
    void sixteenThreadsScoringOneHundredThousandCommentsAgreeWithOneThread() throws Exception {
        List<Comment> comments = new ArrayList<>(100_000);
        var base = TestData.threeClasses(300, 5);
        for (int i = 0; i < 100_000; i++) {
            Comment c = base.get(i % base.size()).comment();
            comments.add(new Comment("c" + i, c.text() + " " + (i % 97), "", "", "", null));
        }
        Verdict[] expected = new Verdict[comments.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = SCORER.score(comments.get(i));
        }
        int threads = 16;
        Verdict[] got = new Verdict[comments.size()];
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = first; i < got.length; i += threads) { // interleaved, so threads share the hot texts
                        got[i] = SCORER.score(comments.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(); // rethrows any error a thread met
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(got).containsExactly(expected);
    }
}

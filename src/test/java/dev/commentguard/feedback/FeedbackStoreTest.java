package dev.commentguard.feedback;

import dev.commentguard.Article;
import dev.commentguard.Comment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackStoreTest {

    @TempDir
    Path dir;

    private static Decision decision(String id, String text, String author, String label, long at) {
        return new Decision(new Comment(id, text, author, "", "", null), label, "mod", Instant.ofEpochMilli(at));
    }

    @Test
    void isCreatedOnFirstUseAndKeepsEveryFieldAcrossReopening() throws Exception {
        Path data = dir.resolve("new/data");
        Comment c = Comment.builder().id("c1").text("Cheap bags http://bags.example").author("Bob").authorUrl("http://b.example")
                .authorEmail("b@mail.example").site("https://news.example/").permalink("https://news.example/a")
                .article(new Article("a1", "Tram line", "The council voted.")).build();
        try (FeedbackStore store = FeedbackStore.open(data)) {
            assertThat(store.count()).isZero();
            assertThat(store.lastDecisionTime()).isEmpty();
            store.record(new Decision(c, "spam", "alice", Instant.parse("2026-12-01T10:00:00Z")));
        }
        assertThat(data.resolve(FeedbackStore.FILE_NAME)).isRegularFile();
        try (FeedbackStore store = FeedbackStore.open(data)) {
            Decision d = store.all().get(0);
            assertThat(d.label()).isEqualTo("spam");
            assertThat(d.by()).isEqualTo("alice");
            assertThat(d.at()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
            assertThat(d.comment()).isEqualTo(new Comment("c1", c.text(), "Bob", "http://b.example", "b@mail.example",
                    new Article("a1", "Tram line", "The council voted.", "https://news.example/", "https://news.example/a"),
                    "https://news.example/", "https://news.example/a"));
            assertThat(store.lastDecisionTime()).contains(Instant.parse("2026-12-01T10:00:00Z"));
        }
    }

    @Test
    void aLaterDecisionOnTheSameCommentReplacesTheEarlierOne() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(dir)) {
            store.record(decision("7", "first text", "Ann", "spam", 1000));
            store.record(decision("7", "first text, edited", "Ann", "ok", 2000)); // same id
            store.record(decision("", "no id here", "Ann", "spam", 3000));
            store.record(decision("", "no id here", "Ann", "low_quality", 4000)); // same text and author
            store.record(decision("", "no id here", "Other", "ok", 5000)); // another author: another comment
            assertThat(store.count()).isEqualTo(3);
            assertThat(store.all()).extracting(d -> d.comment().text() + "=" + d.label())
                    .containsExactly("first text, edited=ok", "no id here=low_quality", "no id here=ok");
            assertThat(store.lastDecisionTime()).contains(Instant.ofEpochMilli(5000));
        }
    }

    @Test
    void decisionsAreCheckedWhenMade() {
        assertThatThrownBy(() -> decision("1", "text", "a", "maybe", 1)).hasMessage("a decision is spam, ok or low_quality, not 'maybe'");
        assertThatThrownBy(() -> new Decision(Comment.of("text"), "ok", " ", Instant.EPOCH)).hasMessage("a decision needs who made it");
        assertThatThrownBy(() -> decision("1", " ", "a", "ok", 1)).hasMessage("the comment text is empty");
    }

    @Test
    void aFileThatIsNotADatabaseIsOneClearError() throws Exception {
        Files.writeString(dir.resolve(FeedbackStore.FILE_NAME), "text,label\nthis is a csv file, not a database,ok\n".repeat(50));
        assertThatThrownBy(() -> FeedbackStore.open(dir)).isInstanceOf(FeedbackStoreException.class)
                .hasMessageStartingWith(dir.resolve(FeedbackStore.FILE_NAME) + ": cannot open the feedback store: ");
    }

    /** One store shared by threads started together, and a second instance on the same file: nothing is lost. */
    @Test
    void threadsAndInstancesWritingAtOnceLoseNothing() throws Exception {
        int threads = 8;
        int each = 50;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (FeedbackStore shared = FeedbackStore.open(dir); FeedbackStore other = FeedbackStore.open(dir)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        (thread % 2 == 0 ? shared : other).record(decision(thread + "-" + i, "comment " + i, "", "ok", i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(shared.count()).isEqualTo(threads * each);
        } finally {
            pool.shutdownNow();
        }
    }
}

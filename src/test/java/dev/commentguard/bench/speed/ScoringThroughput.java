package dev.commentguard.bench.speed;

import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.Verdict;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmark of {@link CommentScorer#score}: one operation scores one comment, so operations per
 * second are comments per second. The comments are the fixed held-out set
 * ({@code training-data/heldout.csv}), without article context ({@link #score}) and under their articles
 * ({@link #scoreUnderArticle}, as a site scores them), scored by one scorer shared by every benchmark
 * thread, as an embedding service would share it. Run through {@link ScoringThroughputRunner}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScoringThroughput {

    /** Where the fixed comments come from, relative to the repository root. */
    static final Path COMMENTS = Path.of("training-data/heldout.csv");
    /** The articles the held-out comments sit under. */
    static final Path ARTICLES = Path.of("training-data/articles.csv");

    /** The default model and the comments, loaded once and shared by all threads. */
    @State(Scope.Benchmark)
    public static class Shared {
        CommentScorer scorer;
        CommentScorer withoutReasons;
        List<Comment> comments;
        List<Comment> underArticles;

        @Setup
        public void load() throws IOException {
            scorer = CommentScorer.loadDefault();
            withoutReasons = scorer.withoutReasons();
            comments = CommentReader.read(COMMENTS, InputOptions.DEFAULT, Map.of(), false).stream()
                    .map(InputRow::comment).toList();
            underArticles = CommentReader.read(COMMENTS, InputOptions.DEFAULT, CommentReader.readArticles(ARTICLES), false)
                    .stream().map(InputRow::comment).toList();
        }
    }

    /** Each thread walks the comments from its own position. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public Verdict score(Shared shared, Cursor cursor) {
        Comment comment = shared.comments.get(cursor.next);
        cursor.next = (cursor.next + 1) % shared.comments.size();
        return shared.scorer.score(comment);
    }

    @Benchmark
    public Verdict scoreWithoutReasons(Shared shared, Cursor cursor) {
        Comment comment = shared.comments.get(cursor.next);
        cursor.next = (cursor.next + 1) % shared.comments.size();
        return shared.withoutReasons.score(comment);
    }

    @Benchmark
    public Verdict scoreUnderArticle(Shared shared, Cursor cursor) {
        Comment comment = shared.underArticles.get(cursor.next);
        cursor.next = (cursor.next + 1) % shared.underArticles.size();
        return shared.scorer.score(comment);
    }
}

package dev.commentguard.serve;

import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.Verdict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scorer the service answers with, and the model file it reloads. A reload loads the file and scores a probe
 * comment before it swaps the new scorer in; until then, and for ever when the load or the probe fails, the old one
 * serves. Thread-safe: requests read the current scorer with one volatile read; reloads are serialised.
 */
public final class ScorerHolder {

    private static final Comment PROBE = Comment.of("Call 0300-1234567 now for cheap loans, visit http://bit.ly/x");

    private final Path modelFile;
    private final AtomicReference<CommentScorer> current;

    /** @param modelFile the file {@link #reload} reads, or {@code null} for the model bundled in the jar */
    public ScorerHolder(CommentScorer initial, Path modelFile) {
        this.current = new AtomicReference<>(checked(Objects.requireNonNull(initial, "initial")));
        this.modelFile = modelFile;
    }

    /** The scorer to answer the current request with. */
    public CommentScorer get() {
        return current.get();
    }

    /**
     * Loads the model file again and swaps it in once it has scored the probe comment.
     *
     * @return the new scorer
     * @throws IOException when the file cannot be loaded or the model cannot score; the old scorer stays
     */
    public synchronized CommentScorer reload() throws IOException {
        CommentScorer next = checked(modelFile == null ? CommentScorer.loadDefault() : CommentScorer.load(modelFile));
        current.set(next);
        return next;
    }

    private static CommentScorer checked(CommentScorer scorer) {
        Verdict v = scorer.score(PROBE);
        if (!(v.spamScore() >= 0 && v.spamScore() <= 1)) {
            throw new IllegalStateException("the model scored the probe comment " + v.spamScore());
        }
        return scorer;
    }
}

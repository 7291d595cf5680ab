package dev.commentguard;

import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.Signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores comments one at a time as they arrive, each as {@link CommentScorer#score(Comment)} would, and
 * remembers the texts of the last {@value #REMEMBERED} distinct ones, so that a text posted again is
 * flagged as posted more than once, as {@link CommentScorer#scoreAll(java.util.List)} flags a text posted
 * twice in a batch. Unlike a batch, a stream cannot know what comes later: the first post of a text is
 * never flagged, only the posts after it. Texts count as the same when they differ only in case, spacing
 * and punctuation.
 *
 * <p>Not thread-safe: use one per stream (from {@link CommentScorer#stream()}); the scorer behind it may be
 * shared by any number of streams.
 */
public final class CommentStream {

    /** Distinct texts remembered; the longest unseen are forgotten first. */
    public static final int REMEMBERED = 100_000;

    private final CommentScorer scorer;
    /** The scorer's context for this stream: a text was posted before when its key is remembered. */
    private final ExtractionContext context;

    CommentStream(CommentScorer scorer) {
        this(scorer, REMEMBERED);
    }

    /** A stream that remembers {@code remembered} texts (tests use few). */
    CommentStream(CommentScorer scorer, int remembered) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        };
        this.context = scorer.context(key -> seen.put(key, Boolean.TRUE) != null);
    }

    /** The reason a text posted again gets in a stream, where "in this batch" would be wrong. */
    static final String POSTED_AGAIN = "posted more than once in this stream";

    /** Scores the next comment of the stream. */
    public Verdict score(Comment comment) {
        Verdict v = scorer.score(comment, context);
        String duplicate = Signal.DUPLICATE.code();
        if (v.reasons().stream().noneMatch(r -> r.code().equals(duplicate))) {
            return v;
        }
        List<Reason> reasons = new ArrayList<>(v.reasons().size());
        for (Reason r : v.reasons()) {
            reasons.add(r.code().equals(duplicate) ? new Reason(r.code(), POSTED_AGAIN, r.weight()) : r);
        }
        return new Verdict(v.id(), v.label(), v.spamScore(), v.probabilities(), v.action(), reasons);
    }
}

package dev.commentguard;

import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.Signal;
import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;
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
 * and punctuation. A text is remembered by a 128-bit fingerprint of its key, not the text: about a hundred bytes
 * a text however long it is (10 MB or so when full), where whole texts of up to 20,000 characters could have taken
 * gigabytes.
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
        Map<Fingerprint, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Fingerprint, Boolean> eldest) {
                return size() > remembered;
            }
        };
        this.context = scorer.context(key -> seen.put(Fingerprint.of(key), Boolean.TRUE) != null);
    }

    /** MurmurHash3's 128 bits of a repeat key: two keys of the last 100,000 share one about once in 10^28 streams. */
    private record Fingerprint(long high, long low) {
        static Fingerprint of(String key) {
            long[] h = MurmurHash3.hash128x64(key.getBytes(StandardCharsets.UTF_8));
            return new Fingerprint(h[0], h[1]);
        }
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

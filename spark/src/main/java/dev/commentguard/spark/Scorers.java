package dev.commentguard.spark;

import dev.commentguard.CommentScorer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The scorers of one JVM (a driver or an executor), one per model, keyed by the SHA-256 of the model file: every task
 * of the JVM shares it, as {@link CommentScorer} may be shared, so a model is read once per JVM and not once per task
 * or row. A scorer is kept for the JVM's life; a job that uses several models holds each.
 *
 * <p>Thread-safe: tasks that need a model not yet loaded wait for the one that loads it.
 */
final class Scorers {

    /** The key of the default model inside the library's jar, which needs no bytes shipped. */
    static final String DEFAULT = "default";

    private static final Map<String, CommentScorer> BY_HASH = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private Scorers() {
    }

    /**
     * The scorer of the model whose file has SHA-256 {@code hash}, loading it from {@code bytes} the first time.
     *
     * @param source the model's name for error messages
     */
    static CommentScorer get(String hash, String source, Supplier<byte[]> bytes) {
        return BY_HASH.computeIfAbsent(hash, h -> {
            LOADS.incrementAndGet();
            if (h.equals(DEFAULT)) {
                return CommentScorer.loadDefault();
            }
            try {
                return CommentScorer.load(new ByteArrayInputStream(bytes.get()), source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** How many models this JVM has loaded: what the tests check to see that no task loads its own. */
    static int loads() {
        return LOADS.get();
    }
}

package dev.commentguard.spark;

import dev.commentguard.CommentScorer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a text's {@link CommentScorer#repeatKey}: what a data set is grouped by to find the texts posted more
 * than once. 32 bytes instead of the key itself (about as long as the text) keep the shuffle small; two different
 * keys with the same digest, which would flag a text as repeated, are not expected in any data set there is.
 */
final class RepeatDigest {

    /** The length of a digest. */
    static final int BYTES = 32;

    private RepeatDigest() {
    }

    /**
     * The digest of {@code text}'s repeat key; {@code null} for a null, empty or blank text, which gets no verdict and
     * so repeats nothing: blank rows would otherwise make "&lt;br&gt;" (whose key is empty too) a repeat.
     */
    static byte[] ofText(String text) {
        return !ScorePartitions.hasText(text) ? null : ofKey(CommentScorer.repeatKey(text));
    }

    static byte[] ofKey(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

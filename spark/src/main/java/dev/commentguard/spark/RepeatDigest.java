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

    /** The digest of {@code text}'s repeat key; {@code null} for a {@code null} text, which is never repeated. */
    static byte[] ofText(String text) {
        return text == null ? null : ofKey(CommentScorer.repeatKey(text));
    }

    static byte[] ofKey(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

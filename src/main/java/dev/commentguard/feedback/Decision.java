package dev.commentguard.feedback;

import dev.commentguard.Comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * A moderator's decision on a comment. Immutable and thread-safe.
 *
 * @param comment the comment, with its author fields, site, permalink and article as far as known
 * @param label   the decision: {@code spam}, {@code ok} or {@code low_quality}
 * @param by      who decided (a moderator's name or a system's), never empty
 * @param at      when
 */
public record Decision(Comment comment, String label, String by, Instant at) {

    /** The decisions a moderator can make: the default model's labels. */
    public static final Set<String> LABELS = Set.of("spam", "ok", "low_quality");

    public Decision {
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(at, "at");
        label = Objects.requireNonNull(label, "label").strip();
        by = Objects.requireNonNull(by, "by").strip();
        if (!LABELS.contains(label)) {
            throw new IllegalArgumentException("a decision is spam, ok or low_quality, not '" + label + "'");
        }
        if (by.isEmpty()) {
            throw new IllegalArgumentException("a decision needs who made it");
        }
        if (comment.text().isBlank()) {
            throw new IllegalArgumentException("the comment text is empty");
        }
        String[][] fields = {{"text", comment.text()}, {"id", comment.id()}, {"author", comment.author()},
                {"author URL", comment.authorUrl()}, {"author e-mail", comment.authorEmail()}, {"site", comment.site()},
                {"permalink", comment.permalink()}, {"decided by", by}};
        for (String[] f : fields) {
            int lone = f[1] == null ? -1 : loneSurrogate(f[1]);
            if (lone >= 0) { // a JSON \\uD800 escape: it has no UTF-8, and the store would keep "?" for it, silently
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the comment %s holds half of a"
                        + " surrogate pair (\\u%04X) at character %d: not text to keep", f[0], (int) f[1].charAt(lone), lone + 1));
            }
        }
    }

    /** The index of the first surrogate that is not half of a pair, or -1. */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What makes two decisions concern the same comment, so that the later replaces the earlier: its id when it has
     * one, else a SHA-256 of its text and author (the same text from another author is another comment).
     */
    public String key() {
        if (!comment.id().isBlank()) {
            return "id:" + comment.id().strip();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(comment.text().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(comment.author().strip().getBytes(StandardCharsets.UTF_8));
            return "text:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

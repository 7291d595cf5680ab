package dev.commentguard;

import java.util.Locale;

/**
 * What a moderation system should do with a comment, decided by the model's thresholds on the spam
 * score, and for comments under the review threshold by the label.
 */
public enum Action {
    /** Spam score below the review threshold: publish. */
    ALLOW,
    /**
     * Spam score below the review threshold, but labelled {@code low_quality} (generic praise, gibberish,
     * a lone word, copied text): publish, collapsed or ranked below the other comments. Low quality alone
     * never holds or blocks a comment.
     */
    DEMOTE,
    /** Spam score in the uncertain band: hold for a moderator. */
    REVIEW,
    /**
     * Spam score at or above the block threshold, where genuine comments almost never are: reject. From
     * feature version 2 on (the default model's is 6) the block must also be earned: comments unlike the training
     * comments, comments that promote nothing a reader could reach (below a spam score of 0.95), and comments that
     * only one link, number or e-mail address lifts to the threshold are held for review instead, with a reason
     * that says so.
     */
    BLOCK;

    /** The lower-case name used in every output format. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.commentguard;

import java.util.Locale;

/** What a moderation system should do with a comment, decided by the model's thresholds on the spam score. */
public enum Action {
    /** Spam score below the review threshold: publish. */
    ALLOW,
    /** Spam score in the uncertain band: hold for a moderator. */
    REVIEW,
    /** Spam score at or above the block threshold, where genuine comments almost never are: reject. */
    BLOCK;

    /** The lower-case name used in every output format. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

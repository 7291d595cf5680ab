package dev.commentguard.io;

import java.util.Locale;

/**
 * What a site's moderators did with a comment, as comment systems export it: the value of WordPress's
 * {@code comment_approved}, or Disqus's {@code isSpam} and {@code isDeleted}.
 */
public enum ModerationStatus {
    /** Published: WordPress {@code 1}, a Disqus post neither spam nor deleted. */
    APPROVED,
    /** Marked as spam: WordPress {@code spam}, Disqus {@code isSpam}. */
    SPAM,
    /** Waiting for a moderator: WordPress {@code 0}; nobody has judged it yet. */
    PENDING,
    /** Moved to the bin: WordPress {@code trash} or {@code post-trashed}; rude, off-topic or spam, we cannot tell. */
    TRASH,
    /** Deleted on Disqus (and not marked as spam): likewise unknown. */
    DELETED,
    /** An approval value we do not know (or an empty one). */
    UNKNOWN;

    /** The status behind a WordPress {@code comment_approved} value. */
    public static ModerationStatus ofWordPress(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "approve", "approved" -> APPROVED;
            case "0", "hold", "pending", "unapproved" -> PENDING;
            case "spam" -> SPAM;
            case "trash", "post-trashed" -> TRASH;
            default -> UNKNOWN;
        };
    }

    /** The name used in {@code --label-map} and in summaries. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

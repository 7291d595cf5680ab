package dev.commentguard;

import java.util.Objects;

/**
 * The article a comment sits under. Immutable and thread-safe.
 *
 * @param id    optional identifier (may be empty)
 * @param title the headline (may be empty)
 * @param text  the body (may be empty)
 * @param site      the URL of the site it is published on (may be empty); comments under it that give no
 *                  site of their own are posted there
 * @param permalink the article's own URL (may be empty); likewise for comments that give none
 */
public record Article(String id, String title, String text, String site, String permalink) {

    public Article {
        id = Objects.requireNonNullElse(id, "");
        title = Objects.requireNonNullElse(title, "");
        text = Objects.requireNonNullElse(text, "");
        site = Objects.requireNonNullElse(site, "").strip();
        permalink = Objects.requireNonNullElse(permalink, "").strip();
    }

    /** An article without its URLs. */
    public Article(String id, String title, String text) {
        this(id, title, text, "", "");
    }

    /** An article known only by its title and body. */
    public static Article of(String title, String text) {
        return new Article("", title, text);
    }

    /** True when neither title nor body carries any text. */
    public boolean isBlank() {
        return title.isBlank() && text.isBlank();
    }
}

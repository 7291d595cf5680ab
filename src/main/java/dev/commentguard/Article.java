package dev.commentguard;

import java.util.Objects;

/**
 * The article a comment sits under. Immutable and thread-safe.
 *
 * @param id    optional identifier (may be empty)
 * @param title the headline (may be empty)
 * @param text  the body (may be empty)
 */
public record Article(String id, String title, String text) {

    public Article {
        id = Objects.requireNonNullElse(id, "");
        title = Objects.requireNonNullElse(title, "");
        text = Objects.requireNonNullElse(text, "");
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

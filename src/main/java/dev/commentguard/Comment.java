package dev.commentguard;

import java.util.Objects;

/**
 * One reader comment with the optional context that helps to judge it. Immutable and thread-safe.
 *
 * @param id          identifier echoed in output (may be empty)
 * @param text        the comment itself (required)
 * @param author      display name typed by the commenter (may be empty)
 * @param authorUrl   web site given by the commenter (may be empty)
 * @param authorEmail e-mail address given by the commenter (may be empty)
 * @param article     the article the comment sits under, or {@code null} when unknown
 */
public record Comment(String id, String text, String author, String authorUrl, String authorEmail, Article article) {

    public Comment {
        Objects.requireNonNull(text, "text");
        id = Objects.requireNonNullElse(id, "");
        author = Objects.requireNonNullElse(author, "");
        authorUrl = Objects.requireNonNullElse(authorUrl, "");
        authorEmail = Objects.requireNonNullElse(authorEmail, "");
    }

    /** A comment with nothing but its text. */
    public static Comment of(String text) {
        return new Comment("", text, "", "", "", null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same comment under another article (or none). */
    public Comment withArticle(Article newArticle) {
        return new Comment(id, text, author, authorUrl, authorEmail, newArticle);
    }

    /** Builds a {@link Comment}; not thread-safe, like any builder. */
    public static final class Builder {
        private String id = "";
        private String text;
        private String author = "";
        private String authorUrl = "";
        private String authorEmail = "";
        private Article article;

        private Builder() {
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder author(String value) {
            this.author = value;
            return this;
        }

        public Builder authorUrl(String value) {
            this.authorUrl = value;
            return this;
        }

        public Builder authorEmail(String value) {
            this.authorEmail = value;
            return this;
        }

        public Builder article(Article value) {
            this.article = value;
            return this;
        }

        public Comment build() {
            return new Comment(id, text, author, authorUrl, authorEmail, article);
        }
    }
}

package dev.commentguard;

import java.util.Objects;

/**
 * One reader comment with the optional context that helps to judge it. Immutable and thread-safe.
 *
 * <p>Scoring reads the first {@value dev.commentguard.text.TextNormalizer#MAX_CHARS} characters of the text, and
 * the author's name, web site and e-mail address and the site and permalink are cut to {@value #MAX_FIELD_CHARS}
 * characters when the comment is made: no real name or address is longer, and a megabyte of one would cost a
 * scorer seconds.
 *
 * @param id          identifier echoed in output (may be empty)
 * @param text        the comment itself (required)
 * @param author      display name typed by the commenter (may be empty)
 * @param authorUrl   web site given by the commenter (may be empty)
 * @param authorEmail e-mail address given by the commenter (may be empty)
 * @param article     the article the comment sits under, or {@code null} when unknown
 * @param site        the URL of the site the comment is posted on, as Akismet's {@code blog} (may be empty: the
 *                    article's, when it has one): links and e-mail addresses on its domain are not evidence of spam
 * @param permalink   the URL of the article the comment is posted under (may be empty: the article's, when it has
 *                    one); its host counts as the site's too
 */
public record Comment(String id, String text, String author, String authorUrl, String authorEmail, Article article,
                      String site, String permalink) {

    /** The longest author name, author web site or e-mail address, site or permalink kept. */
    public static final int MAX_FIELD_CHARS = 2_000;

    public Comment {
        Objects.requireNonNull(text, "text");
        id = Objects.requireNonNullElse(id, "");
        author = cut(author);
        authorUrl = cut(authorUrl);
        authorEmail = cut(authorEmail);
        site = cut(site).strip();
        permalink = cut(permalink).strip();
    }

    private static String cut(String field) {
        String s = Objects.requireNonNullElse(field, "");
        return s.length() > MAX_FIELD_CHARS ? s.substring(0, MAX_FIELD_CHARS) : s;
    }

    /** A comment without site context. */
    public Comment(String id, String text, String author, String authorUrl, String authorEmail, Article article) {
        this(id, text, author, authorUrl, authorEmail, article, "", "");
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
        return new Comment(id, text, author, authorUrl, authorEmail, newArticle, site, permalink);
    }

    /** The same comment posted on another site ({@code site} and {@code permalink} may be empty). */
    public Comment withSite(String newSite, String newPermalink) {
        return new Comment(id, text, author, authorUrl, authorEmail, article, newSite, newPermalink);
    }

    /** Builds a {@link Comment}; not thread-safe, like any builder. */
    public static final class Builder {
        private String id = "";
        private String text;
        private String author = "";
        private String authorUrl = "";
        private String authorEmail = "";
        private Article article;
        private String site = "";
        private String permalink = "";

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

        /** The URL of the site the comment is posted on. */
        public Builder site(String value) {
            this.site = value;
            return this;
        }

        /** The URL of the article the comment is posted under. */
        public Builder permalink(String value) {
            this.permalink = value;
            return this;
        }

        public Comment build() {
            return new Comment(id, text, author, authorUrl, authorEmail, article, site, permalink);
        }
    }
}

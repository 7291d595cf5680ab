package dev.commentguard.io;

import java.util.List;
import java.util.Locale;

/** The fields of an input record, with the column names accepted for each (case-insensitive). */
enum Field {
    TEXT("text", "content", "comment", "body", "message", "comment_content"),
    LABEL("label", "class", "tag"),
    /** The kind of site or any other grouping of the comments, for evaluation: the first alias present wins. */
    GROUP("site_kind", "kind"),
    ID("id", "comment_id"),
    AUTHOR("author", "comment_author"),
    AUTHOR_URL("author_url", "comment_author_url"),
    AUTHOR_EMAIL("author_email", "comment_author_email"),
    ARTICLE_ID("article_id"),
    ARTICLE_TITLE("article_title"),
    ARTICLE_TEXT("article_text"),
    /** The site's URL, as Akismet's {@code blog}. */
    SITE("site", "blog"),
    /** The article's URL. */
    PERMALINK("permalink", "article_url");

    private final List<String> aliases;

    Field(String... aliases) {
        this.aliases = List.of(aliases);
    }

    List<String> aliases() {
        return aliases;
    }

    /** The first alias that names one of {@code columns}, compared case-insensitively; null when none does. */
    String find(List<String> columns) {
        for (String alias : aliases) {
            for (String c : columns) {
                if (c.strip().toLowerCase(Locale.ROOT).equals(alias)) {
                    return c;
                }
            }
        }
        return null;
    }
}

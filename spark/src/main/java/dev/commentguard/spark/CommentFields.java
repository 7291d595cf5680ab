package dev.commentguard.spark;

import dev.commentguard.Article;
import dev.commentguard.Comment;

import java.util.List;

/**
 * The fields of a comment that can be read from a row, by their names in the library's input files (the same names
 * name a struct's fields in {@code commentguard_score}), and the comment they make. Immutable.
 */
enum CommentFields {
    TEXT("text"), AUTHOR("author"), AUTHOR_URL("author_url"), AUTHOR_EMAIL("author_email"), ARTICLE_TITLE("article_title"),
    ARTICLE_TEXT("article_text"), SITE("site"), PERMALINK("permalink");

    /** Every field's name, in order. */
    static final List<String> NAMES = java.util.Arrays.stream(values()).map(f -> f.field).toList();

    final String field;

    CommentFields(String field) {
        this.field = field;
    }

    /**
     * The comment of a row's values, in the order of {@link #values()}, {@code null} for a field not given; the
     * comment sits under an article when a title or an article text is given, as in the library's input files.
     *
     * @throws NullPointerException when the text is null
     */
    static Comment comment(String[] v) {
        Article article = v[ARTICLE_TITLE.ordinal()] == null && v[ARTICLE_TEXT.ordinal()] == null ? null
                : new Article("", v[ARTICLE_TITLE.ordinal()], v[ARTICLE_TEXT.ordinal()]);
        return new Comment("", v[TEXT.ordinal()], v[AUTHOR.ordinal()], v[AUTHOR_URL.ordinal()], v[AUTHOR_EMAIL.ordinal()],
                article, v[SITE.ordinal()], v[PERMALINK.ordinal()]);
    }
}

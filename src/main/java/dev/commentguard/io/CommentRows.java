package dev.commentguard.io;

import dev.commentguard.Article;
import dev.commentguard.Comment;

import java.util.function.Consumer;
import java.util.Locale;
import java.util.Map;

/**
 * Makes an {@link InputRow} of the fields read from one record, whatever the format: checks the text and the
 * label, and joins the article by its id or builds it from the record's own article fields. Every reader's
 * rule for a comment's text lives here, so that a CSV row, a JSON line and an export's comment are refused for
 * the same reasons in the same words. Stateless: thread-safe.
 */
final class CommentRows {

    private CommentRows() {
    }

    /** Hands the row of {@code v} to {@code rows}, or to {@code rejects} with its text (cut to 1,000 characters). */
    static void add(Consumer<InputRow> rows, Map<Field, String> v, String name, long line, Map<String, Article> articles,
                    boolean requireLabel, Rejects rejects) throws InputFormatException {
        InputRow row;
        try {
            row = row(v, name, line, articles, requireLabel);
        } catch (InputFormatException e) {
            String text = v.getOrDefault(Field.TEXT, "");
            rejects.reject(e, text.length() > 1000 ? text.substring(0, 1000) + "…" : text);
            return;
        }
        rows.accept(row);
    }

    /** The row of {@code v}, read at {@code name:line}. */
    static InputRow row(Map<Field, String> v, String name, long line, Map<String, Article> articles,
                        boolean requireLabel) throws InputFormatException {
        String text = v.get(Field.TEXT);
        checkText(text, name, line);
        String label = v.get(Field.LABEL);
        if (label != null) {
            label = label.strip();
        }
        if (requireLabel && (label == null || label.isEmpty())) {
            throw new InputFormatException(name, line, "the label is empty");
        }
        Article article = null;
        String articleId = v.getOrDefault(Field.ARTICLE_ID, "").strip();
        if (!articleId.isEmpty() && !articles.isEmpty()) {
            article = articles.get(articleId);
            if (article == null) {
                throw new InputFormatException(name, line, "unknown article_id '" + articleId + "' (not in the articles file)");
            }
        } else if (v.containsKey(Field.ARTICLE_TITLE) || v.containsKey(Field.ARTICLE_TEXT)) {
            article = new Article(articleId, v.getOrDefault(Field.ARTICLE_TITLE, ""), v.getOrDefault(Field.ARTICLE_TEXT, ""));
        }
        String site = v.getOrDefault(Field.SITE, article == null ? "" : article.site());
        String permalink = v.getOrDefault(Field.PERMALINK, article == null ? "" : article.permalink());
        Comment comment = new Comment(v.getOrDefault(Field.ID, "").strip(), text, v.get(Field.AUTHOR), v.get(Field.AUTHOR_URL),
                v.get(Field.AUTHOR_EMAIL), article, site, permalink);
        return new InputRow(name, line, comment, label, v.get(Field.GROUP) == null ? null : v.get(Field.GROUP).strip());
    }

    /** {@code comment}, when its text is neither empty nor longer than {@link CommentReader#MAX_TEXT_CHARS}. */
    static Comment checkedText(Comment comment, String name, long line) throws InputFormatException {
        checkText(comment.text(), name, line);
        return comment;
    }

    private static void checkText(String text, String name, long line) throws InputFormatException {
        if (text == null || text.isBlank()) {
            throw new InputFormatException(name, line, "the comment text is empty");
        }
        if (text.length() > CommentReader.MAX_TEXT_CHARS) {
            throw new InputFormatException(name, line, String.format(Locale.ROOT,
                    "the comment is %,d characters long; the limit is %,d", text.length(), CommentReader.MAX_TEXT_CHARS));
        }
    }
}

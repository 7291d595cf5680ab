package dev.commentguard.spark;

import dev.commentguard.Article;
import dev.commentguard.Comment;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

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

    /**
     * The positions in {@code schema} of the columns named, in field order ({@code null}: not set, -1); each must be a
     * string column. {@code params} names the setting that chose each column, for the message.
     */
    static int[] positions(StructType schema, List<String> columns, List<String> params) {
        int[] fields = new int[columns.size()];
        List<String> names = java.util.Arrays.asList(schema.fieldNames());
        for (int i = 0; i < fields.length; i++) {
            String name = columns.get(i);
            if (name == null) {
                fields[i] = -1;
                continue;
            }
            fields[i] = names.indexOf(name);
            if (fields[i] < 0) {
                throw new IllegalArgumentException("the input has no column '" + name + "' (" + params.get(i)
                        + "); its columns are " + names);
            }
            StructField field = schema.fields()[fields[i]];
            if (!field.dataType().equals(DataTypes.StringType)) {
                throw new IllegalArgumentException("column '" + name + "' (" + params.get(i) + ") holds "
                        + field.dataType().simpleString() + "; it must hold strings");
            }
        }
        return fields;
    }
}

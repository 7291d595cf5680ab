package dev.commentguard.io;

import dev.commentguard.Comment;

/**
 * One comment read from a file. Immutable.
 *
 * @param source  the file it was read from
 * @param line    1-based line where the record starts
 * @param comment the comment
 * @param label   its label, or {@code null} when the file has no label column
 * @param group   the kind of site it comes from ({@code site_kind} column), or empty
 */
public record InputRow(String source, long line, Comment comment, String label, String group) {

    public InputRow {
        group = java.util.Objects.requireNonNullElse(group, "");
    }

    /** A row without a group. */
    public InputRow(String source, long line, Comment comment, String label) {
        this(source, line, comment, label, "");
    }
}

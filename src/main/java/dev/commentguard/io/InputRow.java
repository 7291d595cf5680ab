package dev.commentguard.io;

import dev.commentguard.Comment;

/**
 * One comment read from a file. Immutable.
 *
 * @param source  the file it was read from
 * @param line    1-based line where the record starts
 * @param comment the comment
 * @param label   its label, or {@code null} when the file has no label column
 * @param group   the value of its group column ({@code site_kind} or {@code kind} unless named), by which
 *                {@code evaluate} breaks its figures down; {@code null} when the file has no such column
 */
public record InputRow(String source, long line, Comment comment, String label, String group) {

    /** A row of a file without a group column. */
    public InputRow(String source, long line, Comment comment, String label) {
        this(source, line, comment, label, null);
    }
}

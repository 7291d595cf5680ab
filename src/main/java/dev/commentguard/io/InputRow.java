package dev.commentguard.io;

import dev.commentguard.Comment;

/**
 * One comment read from a file. Immutable.
 *
 * @param source  the file it was read from
 * @param line    1-based line where the record starts
 * @param comment the comment
 * @param label   its label, or {@code null} when the file has no label column
 */
public record InputRow(String source, long line, Comment comment, String label) {
}

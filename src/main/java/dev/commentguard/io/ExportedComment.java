package dev.commentguard.io;

import dev.commentguard.Comment;

/**
 * A comment as an export holds it, before its status is mapped to a label.
 *
 * @param line   where it starts in the file
 * @param value  the status as the file writes it ({@code 1}, {@code spam}, {@code isSpam}), for the summary
 * @param ping   whether it is a pingback or trackback, not a reader's comment
 */
record ExportedComment(long line, Comment comment, ModerationStatus status, String value, boolean ping) {
}

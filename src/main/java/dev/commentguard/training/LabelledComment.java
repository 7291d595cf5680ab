package dev.commentguard.training;

import dev.commentguard.Comment;

import java.util.Objects;

/** A comment with its true label, plus where it came from for error messages. Immutable. */
public record LabelledComment(Comment comment, String label, String source) {

    public LabelledComment {
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(label, "label");
        source = Objects.requireNonNullElse(source, "");
    }
}

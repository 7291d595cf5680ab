package dev.commentguard.training;

import dev.commentguard.Comment;

import java.util.Objects;

/**
 * A comment with its true label, plus where it came from for error messages. Immutable.
 *
 * @param group the kind of site the comment comes from (may be empty); when every comment of a training
 *              set has one and there are at least {@link Trainer#MIN_GROUPS}, cross-validation leaves one
 *              group out at a time, so that the thresholds are chosen for a kind of site the model never saw
 */
public record LabelledComment(Comment comment, String label, String source, String group) {

    public LabelledComment {
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(label, "label");
        source = Objects.requireNonNullElse(source, "");
        group = Objects.requireNonNullElse(group, "").strip();
    }

    /** A comment of no particular group. */
    public LabelledComment(Comment comment, String label, String source) {
        this(comment, label, source, "");
    }
}

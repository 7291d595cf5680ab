package dev.commentguard.report;

import dev.commentguard.Comment;
import dev.commentguard.Verdict;

/** A labelled comment with the verdict it got, for the report. Immutable. */
public record ScoredExample(Comment comment, String truth, Verdict verdict, String source) {
}

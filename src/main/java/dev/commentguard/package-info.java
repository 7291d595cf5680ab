/**
 * The public API of CommentGuard: {@link dev.commentguard.CommentScorer} and the immutable values it
 * takes and returns ({@link dev.commentguard.Comment}, {@link dev.commentguard.Article},
 * {@link dev.commentguard.Verdict}, {@link dev.commentguard.Reason}, {@link dev.commentguard.Thresholds},
 * {@link dev.commentguard.Action}). No Weka type appears here; every type is immutable and thread-safe.
 */
package dev.commentguard;

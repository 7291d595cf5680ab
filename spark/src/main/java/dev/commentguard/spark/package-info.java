/**
 * CommentGuard in Apache Spark jobs, for a platform's whole history: {@link dev.commentguard.spark.CommentGuardTransformer}
 * (a Spark ML transformer that adds each comment's verdict to a DataFrame, flagging the texts posted more than once
 * anywhere in it), {@link dev.commentguard.spark.CommentGuardFunctions} ({@code commentguard_score} and
 * {@code commentguard_repeat_key} for Spark SQL), {@link dev.commentguard.spark.CommentGuardEvaluator} (the command
 * line's {@code evaluate} over a labelled DataFrame of any size, the same figures to the last bit) and
 * {@link dev.commentguard.spark.Rescore} (a main class for spark-submit that re-scores a table). A model is read once
 * on the driver and broadcast; each executor JVM holds one scorer of it, shared by its tasks. Only the library's
 * public API is used.
 */
package dev.commentguard.spark;

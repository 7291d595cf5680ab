/**
 * Quality metrics computed from predictions: accuracy, per-class precision, recall and F1, MCC,
 * ROC and precision-recall curves for the spam score, the rates at the model's thresholds, and what the
 * scorer's actions did to genuine comments and to spam (genuine blocked first), overall and per kind of site.
 * Computed from a list of predictions, or from what a distributed job aggregates where its data is: the predictions
 * counted ({@link dev.commentguard.evaluation.PredictionCount}) and the distinct spam scores streamed from the highest
 * down ({@link dev.commentguard.evaluation.RankedScores}), which give the same figures to the last bit.
 * Pure functions over immutable inputs, but for {@code RankedScores}, which is fed one score at a time.
 */
package dev.commentguard.evaluation;

/**
 * Quality metrics computed from predictions: accuracy, per-class precision, recall and F1, MCC,
 * ROC and precision-recall curves for the spam score, and the rates at the model's thresholds.
 * Pure functions over immutable inputs.
 */
package dev.commentguard.evaluation;

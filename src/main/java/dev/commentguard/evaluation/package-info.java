/**
 * Quality metrics computed from predictions: accuracy, per-class precision, recall and F1, MCC,
 * ROC and precision-recall curves for the spam score, the rates at the model's thresholds, and what the
 * scorer's actions did to genuine comments and to spam (genuine blocked first), overall and per kind of site.
 * Pure functions over immutable inputs.
 */
package dev.commentguard.evaluation;

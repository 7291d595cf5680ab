/**
 * The figures of an evaluation as people read them: {@link dev.commentguard.report.TextSummary}, the plain-text
 * summary that {@code evaluate} and {@code train} print; and the evaluation report, a self-contained HTML page that
 * starts with what the actions did to genuine readers (the genuine comments blocked or sent to review, with their
 * reasons), then charts drawn by XChart (the ROC curve on a log false-positive axis, the spam scores of each true
 * class against the thresholds, the precision-recall curve), the figures per kind of site and per true label, the
 * confusion matrix, a threshold table and the misclassified comments.
 */
package dev.commentguard.report;

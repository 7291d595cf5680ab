/**
 * The evaluation report: a self-contained HTML page with ROC and precision-recall charts (drawn by
 * XChart), the confusion matrix, a threshold table and the misclassified comments with their reasons.
 */
package dev.commentguard.report;

package dev.commentguard.evaluation;

/** Precision, recall and F1 of one class, with its number of true examples. Immutable. */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
}

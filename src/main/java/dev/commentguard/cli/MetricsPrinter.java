package dev.commentguard.cli;

import dev.commentguard.evaluation.ClassMetrics;
import dev.commentguard.evaluation.Metrics;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints metrics as the short terminal summary shared by {@code train} and {@code evaluate}. */
final class MetricsPrinter {

    private MetricsPrinter() {
    }

    static void print(PrintWriter out, Metrics m) {
        out.printf(Locale.ROOT, "  accuracy %.4f   MCC %.4f   ROC AUC %.4f   PR AUC %.4f   (%,d comments)%n",
                m.accuracy(), m.mcc(), m.rocAuc(), m.prAuc(), m.count());
        out.printf(Locale.ROOT, "  %-14s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1", "support");
        for (ClassMetrics c : m.perClass()) {
            out.printf(Locale.ROOT, "  %-14s %9.4f %9.4f %9.4f %8d%n", c.label(), c.precision(), c.recall(), c.f1(), c.support());
        }
        out.println("  confusion matrix (rows: true label, columns: predicted):");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-14s", ""));
        for (String l : m.labels()) {
            head.append(String.format(Locale.ROOT, " %12s", l));
        }
        out.println(head);
        for (int i = 0; i < m.labels().size(); i++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-14s", m.labels().get(i)));
            for (int j = 0; j < m.labels().size(); j++) {
                row.append(String.format(Locale.ROOT, " %12d", m.confusion()[i][j]));
            }
            out.println(row);
        }
        out.printf(Locale.ROOT, "  review threshold %.4f: %s recall %.4f, false-positive rate %.4f%n",
                m.thresholds().review(), m.positiveLabel(), m.recallAtReview(), m.fprAtReview());
        out.printf(Locale.ROOT, "  block  threshold %.4f: %s recall %.4f, false-positive rate %.4f%n",
                m.thresholds().block(), m.positiveLabel(), m.recallAtBlock(), m.fprAtBlock());
    }
}

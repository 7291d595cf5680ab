package dev.commentguard.report;

import dev.commentguard.Action;
import dev.commentguard.evaluation.ActionRates;
import dev.commentguard.evaluation.ClassMetrics;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Moderation;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of an evaluation as the short plain-text summary that {@code evaluate} and {@code train} print, for
 * anything else that evaluates (a distributed job) to print the same. Stateless; safe from any thread.
 */
public final class TextSummary {

    private TextSummary() {
    }

    /**
     * What {@code evaluate} prints after its first line: what the actions did ({@link #printModeration}), then the
     * classification metrics ({@link #print}).
     *
     * @param groupName what the groups are, for the table's heading (such as {@code kind})
     */
    public static void printEvaluation(PrintWriter out, Metrics metrics, Moderation moderation, String groupName) {
        printModeration(out, moderation, groupName);
        out.println("Classification:");
        print(out, metrics);
    }

    /**
     * What the actions did, in words, genuine blocked first: the four figures, the actions per true label and,
     * when the comments have groups, the figures per group.
     *
     * @param groupName what the groups are, for the table's heading (such as {@code kind})
     */
    public static void printModeration(PrintWriter out, Moderation m, String groupName) {
        ActionRates a = m.all();
        out.printf(Locale.ROOT, "  %-30s %8s  (%,d of %,d genuine comments)%n", "genuine blocked",
                percent(a.genuineBlockedShare()), a.genuineBlocked(), a.genuine());
        out.printf(Locale.ROOT, "  %-30s %8s  (%,d of %,d)%n", "genuine sent to review",
                percent(a.genuineToReviewShare()), a.genuineToReview(), a.genuine());
        out.printf(Locale.ROOT, "  %-30s %8s  (%,d of %,d %s comments)%n", "spam blocked",
                percent(a.spamBlockedShare()), a.spamBlocked(), a.spam(), m.positiveLabel());
        out.printf(Locale.ROOT, "  %-30s %8s  (%,d of %,d)%n", "spam caught (block or review)",
                percent(a.spamCaughtShare()), a.spamCaught(), a.spam());
        out.printf("  genuine: every label but %s. Actions by true label:%n", m.positiveLabel());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-14s %9s", "label", "comments"));
        for (Action action : Action.values()) {
            head.append(String.format(Locale.ROOT, " %16s", action.code()));
        }
        out.println(head);
        for (Map.Entry<String, Map<Action, Integer>> e : m.actionsByLabel().entrySet()) {
            int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-14s %,9d", e.getKey(), total));
            for (Action action : Action.values()) {
                int n = e.getValue().get(action);
                row.append(String.format(Locale.ROOT, " %16s", String.format(Locale.ROOT, "%,d (%s)", n,
                        percent(total == 0 ? Double.NaN : n / (double) total))));
            }
            out.println(row);
        }
        if (m.groups().isEmpty()) {
            return;
        }
        int width = groupName.length();
        for (String g : m.groups().keySet()) {
            width = Math.max(width, groupLabel(g).length());
        }
        out.printf("  by %s:%n", groupName);
        String columns = "  %-" + width + "s %9s %9s %18s %18s %18s %18s %8s%n";
        out.printf(Locale.ROOT, columns, groupName, "genuine", "spam", "genuine blocked", "genuine to review",
                "spam blocked", "spam caught", "ROC AUC");
        for (Map.Entry<String, ActionRates> e : m.groups().entrySet()) {
            ActionRates r = e.getValue();
            out.printf(Locale.ROOT, columns, groupLabel(e.getKey()), String.format(Locale.ROOT, "%,d", r.genuine()),
                    String.format(Locale.ROOT, "%,d", r.spam()), cell(r.genuineBlockedShare(), r.genuineBlocked()),
                    cell(r.genuineToReviewShare(), r.genuineToReview()), cell(r.spamBlockedShare(), r.spamBlocked()),
                    cell(r.spamCaughtShare(), r.spamCaught()),
                    Double.isNaN(r.rocAuc()) ? "–" : String.format(Locale.ROOT, "%.4f", r.rocAuc()));
        }
    }

    /** A share as a percentage with two decimals, or a dash when there is nothing to share. */
    static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    private static String cell(double share, int count) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%s (%,d)", percent(share), count);
    }

    /** The empty group is the comments whose group column was empty. */
    static String groupLabel(String group) {
        return group.isEmpty() ? "(none)" : group;
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** The classification metrics: accuracy, per-class figures, the confusion matrix and the rates at the thresholds. */
    public static void print(PrintWriter out, Metrics m) {
        // Without spam or without genuine comments there is no curve: "–", as the summary lines say it, not NaN
        out.printf(Locale.ROOT, "  accuracy %.4f   MCC %.4f   ROC AUC %s   PR AUC %s   (%,d comments)%n",
                m.accuracy(), m.mcc(), figure(m.rocAuc()), figure(m.prAuc()), m.count());
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

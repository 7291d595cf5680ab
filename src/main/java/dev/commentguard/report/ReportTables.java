package dev.commentguard.report;

import dev.commentguard.Action;
import dev.commentguard.Reason;
import dev.commentguard.Thresholds;
import dev.commentguard.evaluation.ActionRates;
import dev.commentguard.evaluation.ClassMetrics;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Moderation;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's HTML tables, each written whole ({@code <table>} to {@code </table>}), and the escaping and number
 * formats they share with the page. The page around them says what each one means; these only lay out the
 * figures. Stateless: thread-safe.
 */
final class ReportTables {

    static final double[] TABLE_THRESHOLDS = {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    private ReportTables() {
    }

    /** Comments with where they were read, their true and predicted labels, score, action, text and reasons. */
    static void examples(Writer w, List<ScoredExample> examples) throws IOException {
        w.write("<table><tr><th class=\"t\">where</th><th class=\"t\">true</th><th class=\"t\">predicted</th>"
                + "<th>spam score</th><th class=\"t\">action</th><th class=\"t\">comment</th><th class=\"t\">reasons</th></tr>\n");
        for (ScoredExample e : examples) {
            w.write(String.format(Locale.ROOT, "<tr%s><td class=\"t\">%s</td><td class=\"t\">%s</td><td class=\"t\">%s</td>"
                            + "<td>%.3f</td><td class=\"t\">%s</td><td class=\"t\">%s</td><td class=\"t\">%s</td></tr>%n",
                    e.verdict().action() == Action.BLOCK ? " class=\"block\"" : "", esc(e.source()), esc(e.truth()),
                    esc(e.verdict().label()), e.verdict().spamScore(), e.verdict().action().code(), esc(e.comment().text()),
                    esc(String.join("; ", e.verdict().reasons().stream().map(Reason::message).toList()))));
        }
        w.write("</table>\n");
    }

    /** What the actions did to each group's genuine comments and spam, and the group's ROC AUC. */
    static void groups(Writer w, Moderation moderation, String groupName) throws IOException {
        w.write("<table class=\"groups\"><tr><th class=\"t\">"
                + esc(groupName) + "</th><th>genuine</th><th>spam</th><th>genuine blocked</th><th>genuine to review</th>"
                + "<th>spam blocked</th><th>spam caught</th><th>ROC AUC</th></tr>\n");
        for (Map.Entry<String, ActionRates> e : moderation.groups().entrySet()) {
            ActionRates r = e.getValue();
            w.write(String.format(Locale.ROOT, "<tr><td class=\"t\">%s</td><td>%,d</td><td>%,d</td><td>%s</td>"
                            + "<td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
                    e.getKey().isEmpty() ? "(none)" : esc(e.getKey()), r.genuine(), r.spam(),
                    cell(r.genuineBlockedShare(), r.genuineBlocked()), cell(r.genuineToReviewShare(), r.genuineToReview()),
                    cell(r.spamBlockedShare(), r.spamBlocked()), cell(r.spamCaughtShare(), r.spamCaught()),
                    Double.isNaN(r.rocAuc()) ? "–" : String.format(Locale.ROOT, "%.4f", r.rocAuc())));
        }
        w.write("</table>\n");
    }

    /** How often each action was taken, by true label. */
    static void actionsByLabel(Writer w, Moderation moderation) throws IOException {
        w.write("<table><tr><th class=\"t\">label</th><th>comments</th>");
        for (Action action : Action.values()) {
            w.write("<th>" + action.code() + "</th>");
        }
        w.write("</tr>\n");
        for (Map.Entry<String, Map<Action, Integer>> e : moderation.actionsByLabel().entrySet()) {
            int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            w.write(String.format(Locale.ROOT, "<tr><td class=\"t\">%s</td><td>%,d</td>", esc(e.getKey()), total));
            for (Action action : Action.values()) {
                int n = e.getValue().get(action);
                w.write(String.format(Locale.ROOT, "<td>%,d (%s)</td>", n, pct(total == 0 ? Double.NaN : n / (double) total)));
            }
            w.write("</tr>\n");
        }
        w.write("</table>\n");
    }

    /** Precision, recall, F1 and support of each label. */
    static void perClass(Writer w, Metrics m) throws IOException {
        w.write("<table><tr><th class=\"t\">label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>\n");
        for (ClassMetrics c : m.perClass()) {
            w.write(String.format(Locale.ROOT, "<tr><td class=\"t\">%s</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%d</td></tr>%n",
                    esc(c.label()), c.precision(), c.recall(), c.f1(), c.support()));
        }
        w.write("</table>\n");
    }

    /** The confusion matrix: rows the true label, columns the predicted one. */
    static void confusion(Writer w, Metrics m) throws IOException {
        w.write("<table><tr><th></th>");
        for (String l : m.labels()) {
            w.write("<th>" + esc(l) + "</th>");
        }
        w.write("</tr>\n");
        for (int i = 0; i < m.labels().size(); i++) {
            w.write("<tr><th class=\"t\">" + esc(m.labels().get(i)) + "</th>");
            for (int j = 0; j < m.labels().size(); j++) {
                w.write("<td>" + m.confusion()[i][j] + "</td>");
            }
            w.write("</tr>\n");
        }
        w.write("</table>\n");
    }

    /**
     * Spam recall, false-positive rate, precision and comments flagged at each of {@link #TABLE_THRESHOLDS} and at
     * the model's own review and block thresholds, which are marked.
     */
    static void thresholds(Writer w, Metrics m, double[] scores, boolean[] spam) throws IOException {
        w.write("<table><tr><th class=\"t\">threshold</th><th>spam recall</th><th>false-positive rate</th><th>precision</th>"
                + "<th>flagged</th></tr>\n");
        Thresholds t = m.thresholds();
        List<double[]> rows = new ArrayList<>();
        for (double x : TABLE_THRESHOLDS) {
            rows.add(new double[] {x, 0});
        }
        rows.add(new double[] {t.review(), 1});
        rows.add(new double[] {t.block(), 2});
        rows.sort(Comparator.comparingDouble(row -> row[0]));
        for (double[] row : rows) {
            int tp = 0;
            int fp = 0;
            int pos = 0;
            for (int i = 0; i < scores.length; i++) {
                pos += spam[i] ? 1 : 0;
                if (scores[i] >= row[0]) {
                    tp += spam[i] ? 1 : 0;
                    fp += spam[i] ? 0 : 1;
                }
            }
            int neg = scores.length - pos;
            String name = row[1] == 1 ? " (review)" : row[1] == 2 ? " (block)" : "";
            w.write(String.format(Locale.ROOT, "<tr%s><td class=\"t\">%.4f%s</td><td>%.4f</td><td>%.4f</td><td>%s</td><td>%d</td></tr>%n",
                    row[1] > 0 ? " class=\"mark\"" : "", row[0], name, pos == 0 ? 0 : tp / (double) pos,
                    neg == 0 ? 0 : fp / (double) neg, tp + fp == 0 ? "–" : String.format(Locale.ROOT, "%.4f", tp / (double) (tp + fp)), tp + fp));
        }
        w.write("</table>\n");
    }

    /** A share and its count, or a dash when there is nothing to share. */
    private static String cell(double share, int count) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%s (%,d)", pct(share), count);
    }

    /** A share as a percentage with two decimals, or a dash when there is nothing to share. */
    static String pct(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    /** {@code s} as HTML text, safe inside an element or a quoted attribute. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}

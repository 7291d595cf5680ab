package dev.commentguard.report;

import dev.commentguard.Action;
import dev.commentguard.evaluation.ActionRates;
import dev.commentguard.evaluation.Curves;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Moderation;
import dev.commentguard.io.AtomicFile;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static dev.commentguard.report.ReportTables.esc;
import static dev.commentguard.report.ReportTables.pct;

/**
 * Writes {@code index.html}, {@code roc.png}, {@code scores.png} and {@code pr.png} into a folder. The page
 * starts with what the actions did to genuine readers: the genuine comments blocked or sent to review come
 * first, with their reasons. Each file is written atomically. This class lays out the page, its sections and
 * their prose; the charts are drawn by {@link ReportCharts} and the tables written by {@link ReportTables}.
 * Stateless: thread-safe.
 */
public final class EvaluationReport {

    private EvaluationReport() {
    }

    /**
     * @param dir        the folder (created if needed)
     * @param title      what was evaluated, for the page heading
     * @param metrics    the metrics of {@code examples}
     * @param moderation what the actions did to {@code examples}
     * @param groupName  what {@code moderation}'s groups are (such as {@code kind}), for the per-group table
     * @param examples   every scored comment, in input order
     */
    public static void write(Path dir, String title, Metrics metrics, Moderation moderation, String groupName,
                             List<ScoredExample> examples) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        double[] scores = new double[examples.size()];
        boolean[] spam = new boolean[examples.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = examples.get(i).verdict().spamScore();
            spam[i] = examples.get(i).truth().equals(metrics.positiveLabel());
        }
        List<Curves.Point> points = Curves.points(scores, spam);
        ReportCharts.png(dir.resolve("roc.png"), ReportCharts.rocChart(points, metrics, moderation.all().genuine()));
        ReportCharts.png(dir.resolve("scores.png"), ReportCharts.scoreHistogram(scores, spam, metrics));
        ReportCharts.png(dir.resolve("pr.png"), ReportCharts.prChart(points, metrics));
        try (AtomicFile html = AtomicFile.create(dir.resolve("index.html"))) {
            html(html.writer(), title, metrics, moderation, groupName, examples, scores, spam);
            html.commit();
        }
    }

    private static void html(Writer w, String title, Metrics m, Moderation moderation, String groupName,
                             List<ScoredExample> examples, double[] scores, boolean[] spam) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>\n<style>"
                + "body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td.t,th.t{text-align:left}"
                + "tr.mark{background:#fff3cd;font-weight:bold}img{border:1px solid #ddd;margin:0 1em 1em 0}"
                + "tr.block td{background:#fde2e1}.small{color:#666;font-size:90%}</style></head><body>\n");
        w.write("<h1>" + esc(title) + "</h1>\n");
        ActionRates a = moderation.all();
        w.write(String.format(Locale.ROOT, "<p class=\"headline\">Genuine blocked <b>%s</b> (%,d of %,d genuine comments), "
                        + "genuine sent to review <b>%s</b> (%,d). Spam blocked <b>%s</b> (%,d of %,d), spam caught "
                        + "(blocked or sent to review) <b>%s</b> (%,d).</p>%n",
                pct(a.genuineBlockedShare()), a.genuineBlocked(), a.genuine(), pct(a.genuineToReviewShare()),
                a.genuineToReview(), pct(a.spamBlockedShare()), a.spamBlocked(), a.spam(), pct(a.spamCaughtShare()),
                a.spamCaught()));
        w.write(String.format(Locale.ROOT, "<p class=\"small\">%,d comments; genuine means every label but <code>%s</code>. "
                        + "The figures count the actions the scorer chose, which can hold a comment at review above the "
                        + "block threshold. Below: <a href=\"#genuine\">the genuine comments held</a>, "
                        + "<a href=\"#charts\">charts</a>, %s<a href=\"#classification\">classification metrics</a>, "
                        + "<a href=\"#misclassified\">misclassified comments</a>.</p>%n",
                m.count(), esc(m.positiveLabel()),
                moderation.groups().isEmpty() ? "" : "<a href=\"#groups\">figures by " + esc(groupName) + "</a>, "));

        List<ScoredExample> held = examples.stream()
                .filter(e -> !e.truth().equals(m.positiveLabel()))
                .filter(e -> e.verdict().action() == Action.BLOCK || e.verdict().action() == Action.REVIEW)
                .sorted(Comparator.comparing((ScoredExample e) -> e.verdict().action() == Action.BLOCK ? 0 : 1)
                        .thenComparing(e -> -e.verdict().spamScore()))
                .toList();
        w.write(String.format(Locale.ROOT, "<h2 id=\"genuine\">Genuine comments blocked (%,d) or sent to review (%,d)</h2>%n",
                a.genuineBlocked(), a.genuineToReview()));
        w.write("<p class=\"small\">What a genuine reader would suffer: blocked first, then held for a moderator, "
                + "each by spam score, highest first.</p>\n");
        ReportTables.examples(w, held);

        w.write("<h2 id=\"charts\">Charts</h2>\n<img src=\"roc.png\" alt=\"ROC curve, false-positive rate on a log scale\" "
                + "width=\"640\"><img src=\"scores.png\" alt=\"Spam scores of spam and of genuine comments, with the "
                + "thresholds\" width=\"640\"><img src=\"pr.png\" alt=\"Precision-recall curve\" width=\"640\">\n"
                + "<p class=\"small\">The ROC curve's false-positive axis is logarithmic, since the thresholds live below "
                + "5%; a rate of zero is drawn at its left edge. The score histogram gives each class's share of comments in "
                + "bins of " + ReportCharts.fmt(1.0 / ReportCharts.BINS) + ", also on a log scale; an empty bin lies on the "
                + "bottom of the chart.</p>\n");

        if (!moderation.groups().isEmpty()) {
            w.write("<h2 id=\"groups\">By " + esc(groupName) + "</h2>\n");
            ReportTables.groups(w, moderation, groupName);
        }

        w.write("<h2>Actions by true label</h2>\n");
        ReportTables.actionsByLabel(w, moderation);
        w.write(String.format(Locale.ROOT, "<h2 id=\"classification\">Classification</h2>%n<p>Accuracy <b>%.4f</b>, "
                        + "MCC <b>%.4f</b>, ROC AUC <b>%.4f</b>, PR AUC <b>%.4f</b>. Spam label: <code>%s</code>.</p>%n",
                m.accuracy(), m.mcc(), m.rocAuc(), m.prAuc(), esc(m.positiveLabel())));
        w.write("<h3>Per class</h3>\n");
        ReportTables.perClass(w, m);
        w.write("<h3>Confusion matrix</h3>\n<p class=\"small\">Rows: true label. Columns: predicted label.</p>\n");
        ReportTables.confusion(w, m);
        w.write("<h3>Thresholds on the spam score</h3>\n<p class=\"small\">A comment is flagged when its spam score is at or above "
                + "the threshold. The model's review and block thresholds are highlighted.</p>\n");
        ReportTables.thresholds(w, m, scores, spam);

        List<ScoredExample> wrong = examples.stream().filter(e -> !e.truth().equals(e.verdict().label())).toList();
        w.write("<h2 id=\"misclassified\">Misclassified comments (" + wrong.size() + ")</h2>\n");
        ReportTables.examples(w, wrong);
        w.write("</body></html>\n");
    }
}

package dev.commentguard.report;

import dev.commentguard.Action;
import dev.commentguard.Reason;
import dev.commentguard.Thresholds;
import dev.commentguard.evaluation.ActionRates;
import dev.commentguard.evaluation.ClassMetrics;
import dev.commentguard.evaluation.Curves;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Moderation;
import dev.commentguard.io.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes {@code index.html}, {@code roc.png}, {@code scores.png} and {@code pr.png} into a folder. The page
 * starts with what the actions did to genuine readers: the genuine comments blocked or sent to review come
 * first, with their reasons. Each file is written atomically. Stateless: thread-safe.
 */
public final class EvaluationReport {

    static final double[] TABLE_THRESHOLDS = {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};
    /** Bins of the score histogram, each 1/BINS wide. */
    static final int BINS = 50;

    /** Decades on a log axis as percentages, 0.0001% to 100%. */
    static final String LOG_PERCENT = "0.####%";
    private static final Color REVIEW_COLOR = new Color(230, 150, 0);
    private static final Color BLOCK_COLOR = new Color(200, 0, 0);

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
        png(dir.resolve("roc.png"), rocChart(points, metrics, moderation.all().genuine()));
        png(dir.resolve("scores.png"), scoreHistogram(scores, spam, metrics));
        png(dir.resolve("pr.png"), prChart(points, metrics));
        try (AtomicFile html = AtomicFile.create(dir.resolve("index.html"))) {
            html(html.writer(), title, metrics, moderation, groupName, examples, scores, spam);
            html.commit();
        }
    }

    /**
     * The ROC curve with the false-positive rate on a logarithmic axis, where the thresholds live (at or below
     * 5%). The axis starts a decade below half a genuine comment, so that a rate of zero, which a log axis
     * cannot show, is drawn at its left edge, apart from the rate of one comment.
     *
     * @param genuine the number of genuine comments
     */
    static XYChart rocChart(List<Curves.Point> points, Metrics m, int genuine) {
        double floor = Math.max(1e-6, Math.pow(10, Math.floor(Math.log10(0.5 / Math.max(1, genuine)))));
        XYChart chart = new XYChartBuilder().width(640).height(520)
                .title(String.format(Locale.ROOT, "ROC curve, spam against the rest (AUC %.4f)", m.rocAuc()))
                .xAxisTitle("false-positive rate, log scale (genuine flagged; 0 at the left edge)")
                .yAxisTitle("spam recall").build();
        style(chart);
        chart.getStyler().setXAxisLogarithmic(true).setXAxisLogarithmicDecadeOnly(true)
                .setXAxisMin(floor).setXAxisMax(1.0).setYAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern(LOG_PERCENT);
        // Below the chart: on a log axis the curve and the chance line reach into every corner.
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        double[] x = new double[points.size() + 1];
        double[] y = new double[points.size() + 1];
        for (int i = 0; i < points.size(); i++) {
            x[i + 1] = points.get(i).fpr();
            y[i + 1] = points.get(i).recall();
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(floor, x[i]);
        }
        XYSeries curve = polyline(chart, "ROC", x, y);
        curve.setMarker(SeriesMarkers.NONE);
        // Chance, recall = false-positive rate, is a curve on a log axis: drawn through ten points a decade.
        int steps = (int) Math.round(-10 * Math.log10(floor));
        double[] cx = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            cx[i] = Math.pow(10, Math.log10(floor) * (1 - i / (double) steps));
        }
        XYSeries chance = chart.addSeries("chance", cx, cx.clone());
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(Color.LIGHT_GRAY);
        marker(chart, "review threshold " + fmt(m.thresholds().review()), Math.max(floor, m.fprAtReview()),
                m.recallAtReview(), REVIEW_COLOR);
        marker(chart, "block threshold " + fmt(m.thresholds().block()), Math.max(floor, m.fprAtBlock()),
                m.recallAtBlock(), BLOCK_COLOR);
        return chart;
    }

    /**
     * How the spam scores of spam and of genuine comments spread, with the review and block thresholds drawn
     * across: the share of each class's comments in each of {@link #BINS} bins, on a log axis so that the few
     * genuine comments among the high scores show; an empty bin lies on the bottom of the chart. The legend goes
     * below the chart, out of the lines' way.
     */
    static XYChart scoreHistogram(double[] scores, boolean[] spam, Metrics m) {
        int[][] counts = new int[2][BINS];
        int[] totals = new int[2];
        for (int i = 0; i < scores.length; i++) {
            int c = spam[i] ? 1 : 0;
            counts[c][Math.min(BINS - 1, (int) (scores[i] * BINS))]++;
            totals[c]++;
        }
        XYChart chart = new XYChartBuilder().width(640).height(520)
                .title("Spam scores of spam and of genuine comments")
                .xAxisTitle("spam score").yAxisTitle("share of the class's comments (log scale)").build();
        style(chart);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        double smallest = 1;
        for (int c = 0; c < 2; c++) {
            for (int n : counts[c]) {
                if (n > 0) {
                    smallest = Math.min(smallest, n / (double) totals[c]);
                }
            }
        }
        // Below the smallest share, so that an empty bin (drawn at the bottom) stands apart from one comment.
        double bottom = smallest / 4;
        chart.getStyler().setYAxisLogarithmic(true).setYAxisMin(bottom).setYAxisMax(1.0).setYAxisDecimalPattern(LOG_PERCENT);
        String[] names = {"genuine (" + String.format(Locale.ROOT, "%,d", totals[0]) + ")",
                m.positiveLabel() + " (" + String.format(Locale.ROOT, "%,d", totals[1]) + ")"};
        Color[] colors = {new Color(40, 110, 200), new Color(150, 60, 160)};
        for (int c = 0; c < 2; c++) {
            if (totals[c] == 0) {
                continue;
            }
            // A step line over each bin; an empty bin goes to the bottom of the axis, where a log scale puts no share.
            double[] x = new double[2 * BINS];
            double[] y = new double[2 * BINS];
            for (int b = 0; b < BINS; b++) {
                double share = Math.max(bottom, counts[c][b] / (double) totals[c]);
                x[2 * b] = b / (double) BINS;
                x[2 * b + 1] = (b + 1) / (double) BINS;
                y[2 * b] = share;
                y[2 * b + 1] = share;
            }
            XYSeries series = chart.addSeries(names[c], x, y);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(colors[c]);
            series.setLineWidth(2f);
        }
        thresholdLine(chart, "review threshold " + fmt(m.thresholds().review()), m.thresholds().review(), bottom, REVIEW_COLOR);
        thresholdLine(chart, "block threshold " + fmt(m.thresholds().block()), m.thresholds().block(), bottom, BLOCK_COLOR);
        return chart;
    }

    private static void thresholdLine(XYChart chart, String name, double x, double bottom, Color color) {
        XYSeries line = chart.addSeries(name, new double[] {x, x}, new double[] {bottom, 1.0});
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(color);
        line.setLineStyle(SeriesLines.DASH_DASH);
    }

    private static XYChart prChart(List<Curves.Point> points, Metrics m) {
        XYChart chart = new XYChartBuilder().width(640).height(520)
                .title(String.format(Locale.ROOT, "Precision-recall curve for spam (average precision %.4f)", m.prAuc()))
                .xAxisTitle("spam recall").yAxisTitle("precision").build();
        style(chart);
        chart.getStyler().setYAxisMin(0.0);
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = points.get(i).recall();
            y[i] = points.get(i).precision();
        }
        XYSeries curve = polyline(chart, "precision-recall", x, y);
        curve.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * Adds the line through the points, drawn from its corners alone. Besides being lighter, this keeps XChart from
     * taking every recall value for a tick: when a curve holds all of them (k / spam count, equally spaced), it lays
     * ticks on those values, dozens of them with labels like 0.03, 0.05, 0.08.
     */
    private static XYSeries polyline(XYChart chart, String name, double[] x, double[] y) {
        int[] keep = corners(x, y);
        double[] cx = new double[keep.length];
        double[] cy = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            cx[i] = x[keep[i]];
            cy[i] = y[keep[i]];
        }
        return chart.addSeries(name, cx, cy);
    }

    /**
     * The indices of the points a line through them needs: the first, the last, and each point that is not on the
     * straight line from the last point kept to the next one (repeats and runs along a straight stretch go).
     */
    static int[] corners(double[] x, double[] y) {
        int n = x.length;
        if (n <= 2) {
            return IntStream.range(0, n).toArray();
        }
        int[] keep = new int[n];
        int count = 0;
        keep[count++] = 0;
        for (int i = 1; i < n - 1; i++) {
            int a = keep[count - 1];
            double cross = (x[i] - x[a]) * (y[i + 1] - y[a]) - (y[i] - y[a]) * (x[i + 1] - x[a]);
            boolean between = (x[i] - x[a]) * (x[i + 1] - x[i]) >= 0 && (y[i] - y[a]) * (y[i + 1] - y[i]) >= 0;
            if (cross != 0 || !between) {
                keep[count++] = i;
            }
        }
        keep[count++] = n - 1;
        return Arrays.copyOf(keep, count);
    }

    private static void style(XYChart chart) {
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMax(1.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setDecimalPattern("0.0#");
        chart.getStyler().setXAxisTickMarkSpacingHint(60);
        chart.getStyler().setYAxisTickMarkSpacingHint(45);
    }

    private static void marker(XYChart chart, String name, double x, double y, Color color) {
        XYSeries s = chart.addSeries(name, new double[] {x}, new double[] {y});
        s.setMarker(SeriesMarkers.DIAMOND);
        s.setMarkerColor(color);
        s.setLineColor(color);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }

    private static void png(Path target, XYChart chart) throws IOException {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        Path tmp = AtomicFile.temporarySibling(target);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ImageIO.write(image, "png", out);
            }
            AtomicFile.replace(tmp, target);
        } finally {
            AtomicFile.discard(tmp);
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
        examplesTable(w, held);

        w.write("<h2 id=\"charts\">Charts</h2>\n<img src=\"roc.png\" alt=\"ROC curve, false-positive rate on a log scale\" "
                + "width=\"640\"><img src=\"scores.png\" alt=\"Spam scores of spam and of genuine comments, with the "
                + "thresholds\" width=\"640\"><img src=\"pr.png\" alt=\"Precision-recall curve\" width=\"640\">\n"
                + "<p class=\"small\">The ROC curve's false-positive axis is logarithmic, since the thresholds live below "
                + "5%; a rate of zero is drawn at its left edge. The score histogram gives each class's share of comments in "
                + "bins of " + fmt(1.0 / BINS) + ", also on a log scale; an empty bin lies on the bottom of the chart.</p>\n");

        if (!moderation.groups().isEmpty()) {
            w.write("<h2 id=\"groups\">By " + esc(groupName) + "</h2>\n<table class=\"groups\"><tr><th class=\"t\">"
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

        w.write("<h2>Actions by true label</h2>\n<table><tr><th class=\"t\">label</th><th>comments</th>");
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
        w.write(String.format(Locale.ROOT, "<h2 id=\"classification\">Classification</h2>%n<p>Accuracy <b>%.4f</b>, "
                        + "MCC <b>%.4f</b>, ROC AUC <b>%.4f</b>, PR AUC <b>%.4f</b>. Spam label: <code>%s</code>.</p>%n",
                m.accuracy(), m.mcc(), m.rocAuc(), m.prAuc(), esc(m.positiveLabel())));

        w.write("<h3>Per class</h3>\n<table><tr><th class=\"t\">label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>\n");
        for (ClassMetrics c : m.perClass()) {
            w.write(String.format(Locale.ROOT, "<tr><td class=\"t\">%s</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%d</td></tr>%n",
                    esc(c.label()), c.precision(), c.recall(), c.f1(), c.support()));
        }
        w.write("</table>\n<h3>Confusion matrix</h3>\n<p class=\"small\">Rows: true label. Columns: predicted label.</p>\n<table><tr><th></th>");
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

        w.write("<h3>Thresholds on the spam score</h3>\n<p class=\"small\">A comment is flagged when its spam score is at or above "
                + "the threshold. The model's review and block thresholds are highlighted.</p>\n"
                + "<table><tr><th class=\"t\">threshold</th><th>spam recall</th><th>false-positive rate</th><th>precision</th>"
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

        List<ScoredExample> wrong = examples.stream().filter(e -> !e.truth().equals(e.verdict().label())).toList();
        w.write("<h2 id=\"misclassified\">Misclassified comments (" + wrong.size() + ")</h2>\n");
        examplesTable(w, wrong);
        w.write("</body></html>\n");
    }

    private static void examplesTable(Writer w, List<ScoredExample> examples) throws IOException {
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

    /** A share and its count, or a dash when there is nothing to share. */
    private static String cell(double share, int count) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%s (%,d)", pct(share), count);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

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

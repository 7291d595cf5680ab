package dev.commentguard.report;

import dev.commentguard.Reason;
import dev.commentguard.Thresholds;
import dev.commentguard.evaluation.ClassMetrics;
import dev.commentguard.evaluation.Curves;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.io.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
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
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Writes {@code index.html}, {@code roc.png} and {@code pr.png} into a folder. Each file is written
 * atomically. Stateless: thread-safe.
 */
public final class EvaluationReport {

    static final double[] TABLE_THRESHOLDS = {0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99};

    private EvaluationReport() {
    }

    /**
     * @param dir      the folder (created if needed)
     * @param title    what was evaluated, for the page heading
     * @param metrics  the metrics of {@code examples}
     * @param examples every scored comment, in input order
     */
    public static void write(Path dir, String title, Metrics metrics, List<ScoredExample> examples) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        double[] scores = new double[examples.size()];
        boolean[] spam = new boolean[examples.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = examples.get(i).verdict().spamScore();
            spam[i] = examples.get(i).truth().equals(metrics.positiveLabel());
        }
        List<Curves.Point> points = Curves.points(scores, spam);
        png(dir.resolve("roc.png"), rocChart(points, metrics));
        png(dir.resolve("pr.png"), prChart(points, metrics));
        try (AtomicFile html = AtomicFile.create(dir.resolve("index.html"))) {
            html(html.writer(), title, metrics, examples, scores, spam);
            html.commit();
        }
    }

    private static XYChart rocChart(List<Curves.Point> points, Metrics m) {
        XYChart chart = new XYChartBuilder().width(640).height(520)
                .title(String.format(Locale.ROOT, "ROC curve, spam against the rest (AUC %.4f)", m.rocAuc()))
                .xAxisTitle("false-positive rate (non-spam flagged)").yAxisTitle("spam recall").build();
        style(chart);
        double[] x = new double[points.size() + 1];
        double[] y = new double[points.size() + 1];
        for (int i = 0; i < points.size(); i++) {
            x[i + 1] = points.get(i).fpr();
            y[i + 1] = points.get(i).recall();
        }
        XYSeries curve = polyline(chart, "ROC", x, y);
        curve.setMarker(SeriesMarkers.NONE);
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(Color.LIGHT_GRAY);
        marker(chart, "review threshold " + fmt(m.thresholds().review()), m.fprAtReview(), m.recallAtReview(), new Color(230, 150, 0));
        marker(chart, "block threshold " + fmt(m.thresholds().block()), m.fprAtBlock(), m.recallAtBlock(), new Color(200, 0, 0));
        return chart;
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

    private static void html(Writer w, String title, Metrics m, List<ScoredExample> examples, double[] scores,
                             boolean[] spam) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>\n<style>"
                + "body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td.t,th.t{text-align:left}"
                + "tr.mark{background:#fff3cd;font-weight:bold}img{border:1px solid #ddd;margin:0 1em 1em 0}"
                + ".small{color:#666;font-size:90%}</style></head><body>\n");
        w.write("<h1>" + esc(title) + "</h1>\n");
        w.write(String.format(Locale.ROOT, "<p>%,d comments. Accuracy <b>%.4f</b>, MCC <b>%.4f</b>, ROC AUC <b>%.4f</b>, "
                        + "PR AUC <b>%.4f</b>. Spam label: <code>%s</code>.</p>%n",
                m.count(), m.accuracy(), m.mcc(), m.rocAuc(), m.prAuc(), esc(m.positiveLabel())));
        w.write("<img src=\"roc.png\" alt=\"ROC curve\" width=\"640\"><img src=\"pr.png\" alt=\"Precision-recall curve\" width=\"640\">\n");

        w.write("<h2>Per class</h2>\n<table><tr><th class=\"t\">label</th><th>precision</th><th>recall</th><th>F1</th><th>support</th></tr>\n");
        for (ClassMetrics c : m.perClass()) {
            w.write(String.format(Locale.ROOT, "<tr><td class=\"t\">%s</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%d</td></tr>%n",
                    esc(c.label()), c.precision(), c.recall(), c.f1(), c.support()));
        }
        w.write("</table>\n<h2>Confusion matrix</h2>\n<p class=\"small\">Rows: true label. Columns: predicted label.</p>\n<table><tr><th></th>");
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

        w.write("<h2>Thresholds on the spam score</h2>\n<p class=\"small\">A comment is flagged when its spam score is at or above "
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
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
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
        w.write("<h2>Misclassified comments (" + wrong.size() + ")</h2>\n<table><tr><th class=\"t\">where</th><th class=\"t\">true</th>"
                + "<th class=\"t\">predicted</th><th>spam score</th><th class=\"t\">action</th><th class=\"t\">comment</th>"
                + "<th class=\"t\">reasons</th></tr>\n");
        for (ScoredExample e : wrong) {
            w.write(String.format(Locale.ROOT, "<tr><td class=\"t\">%s</td><td class=\"t\">%s</td><td class=\"t\">%s</td><td>%.3f</td>"
                            + "<td class=\"t\">%s</td><td class=\"t\">%s</td><td class=\"t\">%s</td></tr>%n",
                    esc(e.source()), esc(e.truth()), esc(e.verdict().label()), e.verdict().spamScore(), e.verdict().action().code(),
                    esc(e.comment().text()), esc(String.join("; ", e.verdict().reasons().stream().map(Reason::message).toList()))));
        }
        w.write("</table>\n</body></html>\n");
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

package dev.commentguard.report;

import dev.commentguard.evaluation.Curves;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.io.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The report's charts, drawn by XChart and written as PNG files: the ROC curve on a log false-positive axis, the
 * spam scores of each true class against the thresholds, and the precision-recall curve. Apart from the page so
 * that the HTML can be read without XChart's styling calls in the way. Stateless: thread-safe (each call builds
 * its own chart; an {@link XYChart} itself is not thread-safe).
 */
final class ReportCharts {

    /** Bins of the score histogram, each 1/BINS wide. */
    static final int BINS = 50;

    /** Decades on a log axis as percentages, 0.0001% to 100%. */
    static final String LOG_PERCENT = "0.####%";
    private static final Color REVIEW_COLOR = new Color(230, 150, 0);
    private static final Color BLOCK_COLOR = new Color(200, 0, 0);

    private ReportCharts() {
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
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
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
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
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

    /** Precision against spam recall, titled with the average precision. */
    static XYChart prChart(List<Curves.Point> points, Metrics m) {
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
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
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

    /** Writes {@code chart} to {@code target} as a PNG, atomically. */
    static void png(Path target, XYChart chart) throws IOException {
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

    /** A threshold or a share as the charts and the page label it: three decimals. */
    static String fmt(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }
}

package dev.commentguard.report;

import dev.commentguard.Action;
import dev.commentguard.Comment;
import dev.commentguard.Reason;
import dev.commentguard.Thresholds;
import dev.commentguard.Verdict;
import dev.commentguard.evaluation.Curves;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Moderation;
import dev.commentguard.evaluation.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The page puts genuine readers first; the charts draw their curves from the corners alone, on the right axes. */
class EvaluationReportTest {

    private static final Thresholds THRESHOLDS = new Thresholds(0.3, 0.8);

    @TempDir
    Path dir;

    @Test
    void keepsTheCornersOfAStaircase() {
        // An ROC curve of five thresholds: up, up, right, right.
        double[] x = {0, 0, 0, 0.5, 1};
        double[] y = {0, 0.5, 1, 1, 1};
        assertThat(ReportCharts.corners(x, y)).containsExactly(0, 2, 4);
    }

    @Test
    void dropsRepeatsAndKeepsBendsAndTurnsBack() {
        assertThat(ReportCharts.corners(new double[] {0, 0, 1}, new double[] {0, 0, 1})).containsExactly(0, 2);
        assertThat(ReportCharts.corners(new double[] {0, 0.5, 1}, new double[] {0, 0.7, 1})).containsExactly(0, 1, 2);
        // On the line, but going back: the line needs the point where it turns.
        assertThat(ReportCharts.corners(new double[] {0, 1, 0.5}, new double[] {0, 0, 0})).containsExactly(0, 1, 2);
    }

    @Test
    void keepsShortLinesWhole() {
        assertThat(ReportCharts.corners(new double[] {}, new double[] {})).isEmpty();
        assertThat(ReportCharts.corners(new double[] {0.3}, new double[] {0.4})).containsExactly(0);
        assertThat(ReportCharts.corners(new double[] {0, 0}, new double[] {0, 0})).containsExactly(0, 1);
    }

    /** Genuine comments at 0.05 .. 0.95 (ten of them) and spam at 0.5 .. 0.99. */
    private static List<ScoredExample> examples() {
        List<ScoredExample> e = new ArrayList<>();
        e.add(example("g-blocked", "ok", "ok", 0.95, Action.BLOCK, "news", "contains a phone number"));
        e.add(example("g-review-high", "ok", "ok", 0.9, Action.REVIEW, "news", "one link is most of the evidence"));
        e.add(example("g-review", "low_quality", "low_quality", 0.4, Action.REVIEW, "forum", "generic praise"));
        for (int i = 0; i < 7; i++) {
            e.add(example("g-allowed-" + i, "ok", "ok", 0.05 + 0.03 * i, Action.ALLOW, i % 2 == 0 ? "news" : "forum", "weighed most: \"tram\""));
        }
        e.add(example("s-blocked", "spam", "spam", 0.99, Action.BLOCK, "news", "links to a URL shortener"));
        e.add(example("s-review", "spam", "spam", 0.5, Action.REVIEW, "forum", "urges the reader to call"));
        return e;
    }

    private static ScoredExample example(String text, String truth, String label, double score, Action action, String kind,
                                         String reason) {
        Verdict v = new Verdict(text, label, score, Map.of(label, score), action, List.of(new Reason("r", reason, 1)));
        return new ScoredExample(Comment.of(text), truth, v, kind + ".csv:1");
    }

    private static Metrics metrics(List<ScoredExample> examples) {
        return Metrics.of(predictions(examples), List.of("low_quality", "ok", "spam"), "spam", THRESHOLDS);
    }

    private static List<Prediction> predictions(List<ScoredExample> examples) {
        return examples.stream().map(e -> new Prediction(e.truth(), e.verdict().label(), e.verdict().spamScore(),
                e.verdict().action())).toList();
    }

    @Test
    void listsTheGenuineCommentsHeldFirstWithTheirReasonsAndTheFiguresByKind() throws Exception {
        List<ScoredExample> examples = examples();
        List<String> kinds = examples.stream().map(e -> e.source().replace(".csv:1", "")).toList();
        Moderation moderation = Moderation.of(predictions(examples), kinds, List.of("low_quality", "ok", "spam"), "spam");
        EvaluationReport.write(dir, "test", metrics(examples), moderation, "kind", examples);
        String html = Files.readString(dir.resolve("index.html"));

        assertThat(html).contains("Genuine blocked <b>10.00%</b> (1 of 10 genuine comments), genuine sent to review <b>20.00%</b> (2)",
                "Spam blocked <b>50.00%</b> (1 of 2), spam caught (blocked or sent to review) <b>100.00%</b> (2)");
        int held = html.indexOf("Genuine comments blocked (1) or sent to review (2)");
        assertThat(held).as("the genuine comments held are listed").isPositive();
        assertThat(html.indexOf("Genuine blocked")).isLessThan(held);
        // Before everything else on the page: the charts, the tables and the misclassified comments.
        for (String later : List.of("<img src=\"roc.png\"", "<img src=\"scores.png\"", "<img src=\"pr.png\"", "By kind",
                "Actions by true label", "Confusion matrix", "Misclassified comments")) {
            assertThat(html.indexOf(later)).as(later).isGreaterThan(held);
        }
        String list = html.substring(held, html.indexOf("<img src=\"roc.png\""));
        // Blocked first, then review by score; with their reasons; neither allowed genuine comments nor spam.
        assertThat(list).containsSubsequence("g-blocked", "contains a phone number", "g-review-high",
                "one link is most of the evidence", "g-review", "generic praise");
        assertThat(list).doesNotContain("g-allowed", "s-blocked", "s-review");

        String byKind = html.substring(html.indexOf("By kind"), html.indexOf("Actions by true label"));
        assertThat(byKind).containsSubsequence("<th class=\"t\">kind</th><th>genuine</th><th>spam</th><th>genuine blocked</th>"
                + "<th>genuine to review</th><th>spam blocked</th><th>spam caught</th><th>ROC AUC</th>",
                "<td class=\"t\">forum</td><td>4</td><td>1</td><td>0.00% (0)</td><td>25.00% (1)</td><td>0.00% (0)</td><td>100.00% (1)</td>",
                "<td class=\"t\">news</td><td>6</td><td>1</td><td>16.67% (1)</td><td>16.67% (1)</td><td>100.00% (1)</td><td>100.00% (1)</td>");
        for (String png : List.of("roc.png", "scores.png", "pr.png")) {
            assertThat(ImageIO.read(dir.resolve(png).toFile()).getWidth()).as(png).isEqualTo(640);
        }
    }

    @Test
    void withoutGroupsThereIsNoTableByKind() throws Exception {
        List<ScoredExample> examples = examples();
        List<String> none = new ArrayList<>();
        examples.forEach(e -> none.add(null));
        Moderation moderation = Moderation.of(predictions(examples), none, List.of("low_quality", "ok", "spam"), "spam");
        EvaluationReport.write(dir, "test", metrics(examples), moderation, "kind", examples);
        assertThat(Files.readString(dir.resolve("index.html"))).doesNotContain("By kind", "figures by kind")
                .contains("Genuine comments blocked (1)");
    }

    @Test
    void rocChartHasALogarithmicFalsePositiveAxisThatShowsZeroAtItsEdge() {
        List<ScoredExample> examples = examples();
        double[] scores = examples.stream().mapToDouble(e -> e.verdict().spamScore()).toArray();
        boolean[] spam = new boolean[scores.length];
        for (int i = 0; i < spam.length; i++) {
            spam[i] = examples.get(i).truth().equals("spam");
        }
        XYChart chart = ReportCharts.rocChart(Curves.points(scores, spam), metrics(examples), 10);
        assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
        assertThat(chart.getXAxisTitle()).contains("log scale");
        // Ten genuine comments: one is 10%, and zero is drawn a decade below half of one, at 1%.
        assertThat(chart.getStyler().getXAxisMin()).isEqualTo(0.01);
        XYSeries roc = chart.getSeriesMap().get("ROC");
        for (double x : roc.getXData()) {
            assertThat(x).isGreaterThanOrEqualTo(0.01);
        }
    }

    @Test
    void scoreHistogramDrawsEachTrueClassAndBothThresholds() {
        List<ScoredExample> examples = examples();
        double[] scores = examples.stream().mapToDouble(e -> e.verdict().spamScore()).toArray();
        boolean[] spam = new boolean[scores.length];
        for (int i = 0; i < spam.length; i++) {
            spam[i] = examples.get(i).truth().equals("spam");
        }
        XYChart chart = ReportCharts.scoreHistogram(scores, spam, metrics(examples));
        assertThat(chart.getSeriesMap().keySet()).containsExactly("genuine (10)", "spam (2)", "review threshold 0.300",
                "block threshold 0.800");
        assertThat(chart.getSeriesMap().get("review threshold 0.300").getXData()).containsOnly(0.3);
        assertThat(chart.getSeriesMap().get("block threshold 0.800").getXData()).containsOnly(0.8);
        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
        // The spam at 0.99 is half of the spam, in the last bin.
        XYSeries spamSeries = chart.getSeriesMap().get("spam (2)");
        double[] y = spamSeries.getYData();
        assertThat(y[y.length - 1]).isEqualTo(0.5);
    }
}

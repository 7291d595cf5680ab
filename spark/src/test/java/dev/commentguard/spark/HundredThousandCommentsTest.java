package dev.commentguard.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of issue 20: Spark in local mode on two cores scores 100,000 comments, and every verdict (label,
 * spam score, probabilities, action and reasons) is the one the command line's {@code score --input} gives for the same
 * comment in the same file, through the transformer and through the SQL function alike; the distributed evaluate
 * prints what {@code evaluate} prints. Many texts are posted more than once, their copies tens of thousands of rows and
 * several partitions apart: the command line sees the whole file, and so must Spark.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HundredThousandCommentsTest {

    private static final int COMMENTS = 100_000;
    private static final String POSTED_AGAIN = "posted more than once in this batch";

    private SparkSession spark;
    private Dataset<Row> comments;
    private CommentGuardTransformer transformer;
    /** The transformer's output, scored once for the verdicts and the evaluation. */
    private Dataset<Row> scored;
    private int loadsOnTheDriver;
    private final Map<String, JsonNode> expected = new HashMap<>();
    private List<String> expectedEvaluation;

    @BeforeAll
    void scoreWithTheCommandLine() throws Exception {
        Path dir = LocalSpark.work().resolve("hundred-thousand");
        Files.createDirectories(dir);
        Path commentsFile = dir.resolve("comments.jsonl");
        Path articlesFile = dir.resolve("articles.jsonl");
        TestComments.write(commentsFile, articlesFile, COMMENTS);
        String model = TestComments.home().resolve("models/default.model").toString();

        Path verdicts = dir.resolve("cli-verdicts.jsonl");
        double score = CommandLine.run(verdicts, "score", "--model", model, "--input", commentsFile.toString(),
                "--articles", articlesFile.toString(), "--format", "jsonl");
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try (BufferedReader in = Files.newBufferedReader(verdicts, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode v = json.readTree(line);
                expected.put(v.get("id").asText(), v);
            }
        }
        assertThat(expected).hasSize(COMMENTS);
        Path evaluation = dir.resolve("cli-evaluate.txt");
        double evaluate = CommandLine.run(evaluation, "evaluate", "--model", model, "--data", commentsFile.toString(),
                "--articles", articlesFile.toString());
        expectedEvaluation = Files.readAllLines(evaluation, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "command line on %,d comments: score --input %.1f s, evaluate %.1f s%n", COMMENTS,
                score, evaluate);

        spark = LocalSpark.session();
        transformer = TestComments.reading(CommentGuardTransformer.load(spark, model));
        loadsOnTheDriver = Scorers.loads();
        comments = TestComments.joined(spark, commentsFile, articlesFile);
        long start = System.nanoTime();
        scored = transformer.transform(comments).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        scored.count();
        System.out.printf(Locale.ROOT, "transformer on %,d comments in local[2]: %.1f s%n", COMMENTS, (System.nanoTime() - start) / 1e9);
    }

    @Test
    void everyVerdictOfTheTransformerIsTheCommandLines() {
        List<String> columns = new ArrayList<>(List.of("id", "verdict", "spam_score", "action", "reasons"));
        transformer.labels().forEach(l -> columns.add("probability_" + l));
        List<Row> rows = scored.selectExpr(columns.toArray(String[]::new)).collectAsList();

        List<String> differences = new ArrayList<>();
        int postedAgain = 0;
        for (Row r : rows) {
            Map<String, Double> probabilities = new HashMap<>();
            for (String label : transformer.labels()) {
                probabilities.put(label, r.getDouble(r.fieldIndex("probability_" + label)));
            }
            List<String> reasons = r.getList(4);
            compare(r.getString(0), r.getString(1), r.getDouble(2), r.getString(3), reasons, probabilities, differences);
            postedAgain += reasons.contains(POSTED_AGAIN) ? 1 : 0;
        }
        assertThat(rows).hasSize(COMMENTS);
        assertThat(differences).as("verdicts unlike the command line's (%d)", differences.size()).isEmpty();
        assertThat(postedAgain).as("comments flagged as posted more than once").isGreaterThan(25_000);
        assertThat(Scorers.loads()).as("models loaded by tasks, besides the driver's").isEqualTo(loadsOnTheDriver);
    }

    @Test
    void theSqlFunctionGivesTheSameVerdicts() throws IOException {
        CommentGuardFunctions.register(spark, TestComments.home().resolve("models/default.model").toString());
        comments.createOrReplaceTempView("comments");
        long start = System.nanoTime();
        Dataset<Row> sql = spark.sql("""
                SELECT id, v.label, v.spam_score, v.action, v.reasons, v.probabilities
                FROM (SELECT id, commentguard_score(named_struct(
                          'text', text, 'author', author, 'author_url', author_url, 'author_email', author_email,
                          'article_title', article_title, 'article_text', article_text, 'site', site, 'permalink', permalink,
                          'repeated', count(*) OVER (PARTITION BY commentguard_repeat_key(text)) > 1)) AS v
                      FROM comments)
                """);
        List<String> differences = new ArrayList<>();
        List<Row> rows = sql.collectAsList();
        System.out.printf(Locale.ROOT, "SQL function on %,d comments in local[2]: %.1f s%n", rows.size(), (System.nanoTime() - start) / 1e9);
        for (Row r : rows) {
            compare(r.getString(0), r.getString(1), r.getDouble(2), r.getString(3), r.getList(4), r.getJavaMap(5), differences);
        }
        assertThat(rows).hasSize(COMMENTS);
        assertThat(differences).as("verdicts unlike the command line's (%d)", differences.size()).isEmpty();
        assertThat(Scorers.loads()).as("models loaded by tasks, besides the driver's").isEqualTo(loadsOnTheDriver);
    }

    @Test
    void theDistributedEvaluateIsTheCommandLines() {
        long start = System.nanoTime();
        Evaluation evaluation = CommentGuardEvaluator.of(transformer).evaluate(scored);
        System.out.printf(Locale.ROOT, "distributed evaluate of the scored comments: %.1f s%n", (System.nanoTime() - start) / 1e9);
        List<String> lines = evaluation.toString().lines().toList();
        System.out.println(String.join("\n", lines));
        assertThat(expectedEvaluation.get(0)).isEqualTo(String.format("Evaluated on %,d comments from 1 file(s):", COMMENTS));
        assertThat(lines.get(0)).isEqualTo(String.format("Evaluated on %,d comments:", COMMENTS));
        assertThat(lines.subList(1, lines.size())).as("evaluate's figures, by kind of site too")
                .containsExactlyElementsOf(expectedEvaluation.subList(1, expectedEvaluation.size()));
        assertThat(lines).anyMatch(l -> l.startsWith("  by kind:")).anyMatch(l -> l.startsWith("  religion "));
    }

    /** Adds to {@code differences} what of a Spark verdict differs from the command line's, as the command line prints it. */
    private void compare(String id, String label, double spamScore, String action, List<String> reasons,
                         Map<String, Double> probabilities, List<String> differences) {
        JsonNode cli = expected.get(id);
        if (cli == null) {
            differences.add(id + ": not scored by the command line");
            return;
        }
        List<String> cliReasons = new ArrayList<>();
        cli.get("reasons").forEach(n -> cliReasons.add(n.asText()));
        if (!cli.get("label").asText().equals(label)) {
            differences.add(id + ": label " + label + ", command line " + cli.get("label").asText());
        }
        if (sixPlaces(spamScore).compareTo(cli.get("spam_score").decimalValue()) != 0) {
            differences.add(id + ": spam score " + spamScore + ", command line " + cli.get("spam_score").decimalValue());
        }
        if (!cli.get("action").asText().equals(action)) {
            differences.add(id + ": action " + action + ", command line " + cli.get("action").asText());
        }
        if (!cliReasons.equals(reasons)) {
            differences.add(id + ": reasons " + reasons + ", command line " + cliReasons);
        }
        cli.get("probabilities").fields().forEachRemaining(e -> {
            Double p = probabilities.get(e.getKey());
            if (p == null || sixPlaces(p).compareTo(e.getValue().decimalValue()) != 0) {
                differences.add(id + ": probability of " + e.getKey() + " " + p + ", command line " + e.getValue().decimalValue());
            }
        });
    }

    /** A probability as the command line writes it: rounded to six places, trailing zeros dropped. */
    private static BigDecimal sixPlaces(double x) {
        return BigDecimal.valueOf(x).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}

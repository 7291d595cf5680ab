package dev.commentguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Comments per second: Spark in local mode on two cores ({@code local[2]}) beside the command line's batch
 * ({@code score --input --threads 2}) on the same comments, taking turns in the same run, {@code runs} times each; prints
 * a Markdown table of the medians. Run by {@code mvn -Pspark-benchmark verify} in spark/ (after {@code mvn install
 * -DskipTests} at the top); {@code -Dspark.bench.comments=N -Dspark.bench.runs=R} change the defaults (100,000 and 3).
 *
 * <p>Each command-line run is a new JVM that loads the model, as a site's batch job is; the Spark session is made once
 * and kept, as a job over a platform's history keeps its executors, so Spark's first run (the scoring code not yet
 * compiled by the JIT) is shown apart. A Spark run is {@code transform} (whose own job finds the repeated texts) and then
 * writing every row to Spark's {@code noop} sink, which scores them all and writes nothing.
 */
final class SparkThroughputBenchmark {

    private SparkThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int comments = Integer.getInteger("spark.bench.comments", 100_000);
        int runs = Integer.getInteger("spark.bench.runs", 3);
        int cores = 2;
        Path dir = Files.createDirectories(LocalSpark.work().resolve("throughput"));
        Path commentsFile = dir.resolve("comments.jsonl");
        Path articlesFile = dir.resolve("articles.jsonl");
        TestComments.write(commentsFile, articlesFile, comments);
        String model = TestComments.home().resolve("models/default.model").toString();

        SparkSession spark = LocalSpark.session();
        CommentGuardTransformer transformer = TestComments.reading(CommentGuardTransformer.load(spark, model));
        Dataset<Row> input = TestComments.joined(spark, commentsFile, articlesFile);
        List<Double> cli = new ArrayList<>();
        List<Double> sparkTotal = new ArrayList<>();
        List<Double> sparkRepeats = new ArrayList<>();
        double first = 0;
        for (int run = 0; run <= runs; run++) {
            long start = System.nanoTime();
            Dataset<Row> scored = transformer.transform(input);
            double repeats = (System.nanoTime() - start) / 1e9;
            scored.write().format("noop").mode("overwrite").save();
            double total = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "spark run %d: %.1f s (finding the repeated texts %.1f s)%n", run, total, repeats);
            if (run == 0) {
                first = total; // the command line runs as many times as Spark's warm runs
                continue;
            }
            sparkTotal.add(total);
            sparkRepeats.add(repeats);
            Path out = dir.resolve("cli-verdicts.jsonl");
            double seconds = CommandLine.run(dir.resolve("cli.out"), "score", "--model", model, "--input", commentsFile.toString(),
                    "--articles", articlesFile.toString(), "--format", "jsonl", "--threads", Integer.toString(cores),
                    "--output", out.toString());
            System.out.printf(Locale.ROOT, "command line run %d: %.1f s%n", run, seconds);
            cli.add(seconds);
        }
        double c = median(cli);
        double s = median(sparkTotal);
        System.out.printf(Locale.ROOT, "%n| %,d comments, %d cores, median of %d runs | seconds | comments/s | per core |%n",
                comments, cores, runs);
        System.out.println("|---|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| command line, `score --input` (JVM start and model load included) | %.1f | %,.0f | %,.0f |%n",
                c, comments / c, comments / c / cores);
        System.out.printf(Locale.ROOT, "| Spark `local[%d]`, `CommentGuardTransformer`, session warm | %.1f | %,.0f | %,.0f |%n",
                cores, s, comments / s, comments / s / cores);
        System.out.printf(Locale.ROOT, "| of which finding the repeated texts (`transform`'s own job) | %.1f | | |%n", median(sparkRepeats));
        System.out.printf(Locale.ROOT, "| Spark's first run, JIT not warm | %.1f | %,.0f | %,.0f |%n", first, comments / first,
                comments / first / cores);
        spark.stop();
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}

package dev.commentguard.bench.speed;

import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link ScoringThroughput} on one thread and on every core, then the comments under their articles
 * on one thread, then without reasons on one thread, and prints a Markdown table of the median comments per second over all measurement
 * iterations of all forks, with the spread, because the benchmark machine is shared and a mean would hide
 * its noise.
 *
 * <p>Argument: {@code full} (three forks of five 5-second iterations per thread count) or {@code quick}
 * (one fork of three 3-second iterations).
 * JMH's own log goes to {@value #LOG}.
 */
public final class ScoringThroughputRunner {

    /** JMH's own per-iteration log, kept out of the Markdown on standard output. */
    static final String LOG = "target/speed/jmh-scoring.log";

    private ScoringThroughputRunner() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Locale.setDefault(Locale.ROOT);
        if (args.length != 1 || !(args[0].equals("full") || args[0].equals("quick"))) {
            System.err.println("usage: ScoringThroughputRunner full|quick");
            System.exit(2);
        }
        boolean quick = args[0].equals("quick");
        Files.createDirectories(Path.of(LOG).getParent());
        int cores = Runtime.getRuntime().availableProcessors();
        int comments = CommentReader.read(ScoringThroughput.COMMENTS, InputOptions.DEFAULT, Map.of(), false).size();
        System.out.printf("CommentScorer.score with the default model and every feature, over the %,d comments of %s%n"
                + "without article context (then under their articles); one scorer shared by all threads. %s; median over all"
                + " measurement iterations.%n%n",
                comments, ScoringThroughput.COMMENTS, quick ? "Quick run: 1 fork, 3 × 3 s" : "3 forks × 5 iterations × 5 s");
        System.out.printf("| threads | median comments/s | slowest – fastest iteration | iterations | vs 1 thread |%n");
        System.out.printf("|---|---|---|---|---|%n");
        double single = 0;
        for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            Statistics s = run("score", threads, quick).getPrimaryResult().getStatistics();
            double median = s.getPercentile(50);
            if (threads == 1) {
                single = median;
            }
            System.out.printf("| %d | %,.0f | %,.0f – %,.0f | %d | %.2f× |%n", threads, median, s.getMin(), s.getMax(),
                    s.getN(), median / single);
        }
        Statistics s = run("scoreUnderArticle", 1, quick).getPrimaryResult().getStatistics();
        System.out.printf("%nThe same comments under their articles (%s), as a site scores them; one thread:%n%n", ScoringThroughput.ARTICLES);
        System.out.printf("| threads | median comments/s | slowest – fastest iteration | iterations | vs without articles |%n");
        System.out.printf("|---|---|---|---|---|%n");
        System.out.printf("| 1 | %,.0f | %,.0f – %,.0f | %d | %.2f× |%n", s.getPercentile(50), s.getMin(), s.getMax(), s.getN(),
                s.getPercentile(50) / single);
        Statistics bare = run("scoreWithoutReasons", 1, quick).getPrimaryResult().getStatistics();
        System.out.printf("%nThe same comments without articles, scored without reasons (CommentScorer.withoutReasons); one thread:%n%n");
        System.out.printf("| threads | median comments/s | slowest – fastest iteration | iterations | vs with reasons |%n");
        System.out.printf("|---|---|---|---|---|%n");
        System.out.printf("| 1 | %,.0f | %,.0f – %,.0f | %d | %.2f× |%n", bare.getPercentile(50), bare.getMin(), bare.getMax(),
                bare.getN(), bare.getPercentile(50) / single);
    }

    private static RunResult run(String benchmark, int threads, boolean quick) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ScoringThroughput.class.getName() + "\\." + benchmark + "$")
                .threads(threads)
                .forks(quick ? 1 : 3)
                .warmupIterations(quick ? 2 : 3)
                .warmupTime(TimeValue.seconds(quick ? 3 : 5))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(quick ? 3 : 5))
                .jvmArgs("-Xmx2g")
                .output(LOG)
                .build();
        return new Runner(options).runSingle();
    }
}

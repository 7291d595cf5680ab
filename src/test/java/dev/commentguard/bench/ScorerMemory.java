package dev.commentguard.bench;

import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Heap retained by a loaded scorer: heap in use after a full collection with the scorer loaded (and
 * one comment scored), minus the same before loading it. Run it with the serial collector, which
 * compacts, so that "in use" is the live bytes (docs/benchmarks.md, "Memory of a loaded scorer"):
 * <pre>
 *   java -XX:+UseSerialGC -cp target/test-classes:target/commentguard.jar dev.commentguard.bench.ScorerMemory [MODEL]
 * </pre>
 * Without MODEL it measures the default model from the jar.
 */
public final class ScorerMemory {

    private ScorerMemory() {
    }

    public static void main(String[] args) throws Exception {
        long before = usedAfterCollection();
        CommentScorer scorer = args.length == 0 ? CommentScorer.loadDefault() : CommentScorer.load(Path.of(args[0]));
        scorer.score(Comment.of("Call 0300-1234567 for free classified ads"));
        long after = usedAfterCollection();
        System.out.printf(Locale.ROOT, "%s: vocabulary %,d n-grams, retained heap %.1f MB%n",
                args.length == 0 ? "default model" : args[0], scorer.manifest().vocabularySize(), (after - before) / 1e6);
        Reference.reachabilityFence(scorer);
    }

    private static long usedAfterCollection() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

package dev.commentguard.bench.speed;

import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.SignalExtractor;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.model.ModelFile;
import dev.commentguard.model.Model;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.TextNormalizer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where one comment's scoring time goes, stage by stage, on the held-out comments (one thread). A
 * profiling aid for speed work, not a benchmark of record (that is {@link ScoringThroughput}):
 * {@code java -cp target/test-classes:target/commentguard.jar dev.commentguard.bench.speed.StageTimes}.
 */
public final class StageTimes {

    /** Thread CPU time rather than wall time: less disturbed by other processes on a shared machine. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** The same bean, for the bytes a thread allocates (HotSpot's extension). */
    private static final com.sun.management.ThreadMXBean ALLOCATED = (com.sun.management.ThreadMXBean) CPU;

    private StageTimes() {
    }

    public static void main(String[] args) throws Exception {
        Model model = ModelFile.load(Path.of(args.length > 0 ? args[0] : "models/default.model"));
        CommentScorer scorer = CommentScorer.of(model);
        List<Comment> comments = CommentReader.read(ScoringThroughput.COMMENTS, InputOptions.DEFAULT, Map.of(), false)
                .stream().map(InputRow::comment).toList();
        // The same comments under their articles, as a site scores them.
        List<Comment> underArticles = CommentReader.read(ScoringThroughput.COMMENTS, InputOptions.DEFAULT,
                CommentReader.readArticles(Path.of("training-data/articles.csv")), false).stream().map(InputRow::comment).toList();
        FeaturePipeline pipeline = model.pipeline();
        NormalizedText[] texts = new NormalizedText[comments.size()];
        long sink = 0;
        for (int round = 0; round < 12; round++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < texts.length; i++) {
                texts[i] = TextNormalizer.normalize(comments.get(i).text());
            }
            long t1 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < texts.length; i++) {
                sink += SignalExtractor.extract(comments.get(i), texts[i], null, false).values().length;
            }
            long t2 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < texts.length; i++) {
                sink += pipeline.vectorizer().transform(texts[i].canonical(), 0).size();
            }
            long t3 = CPU.getCurrentThreadCpuTime();
            for (Comment c : comments) {
                sink += pipeline.extract(c, ExtractionContext.alone()).vector().size();
            }
            long t4 = CPU.getCurrentThreadCpuTime();
            long a4 = ALLOCATED.getCurrentThreadAllocatedBytes();
            for (Comment c : comments) {
                sink += scorer.score(c).reasons().size();
            }
            long t5 = CPU.getCurrentThreadCpuTime();
            long allocated = (ALLOCATED.getCurrentThreadAllocatedBytes() - a4) / comments.size();
            for (Comment c : underArticles) {
                sink += scorer.score(c).reasons().size();
            }
            long t6 = CPU.getCurrentThreadCpuTime();
            int n = comments.size();
            System.out.printf("round %d  ns/comment: normalize %,d  signals %,d  ngrams %,d  extract %,d  score %,d (%,.0f/s,"
                    + " %,d bytes allocated)  score under its article %,d%n", round, (t1 - t0) / n, (t2 - t1) / n,
                    (t3 - t2) / n, (t4 - t3) / n, (t5 - t4) / n, n * 1e9 / (t5 - t4), allocated, (t6 - t5) / n);
        }
        System.out.println(sink);
    }
}

package dev.commentguard;


import dev.commentguard.concurrent.Tasks;
import dev.commentguard.features.BatchPart;
import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.PreparedArticles;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@link CommentScorer#scoreAll(List, Consumer, int)} of a batch larger than one slice, spread over threads. It keeps
 * the guarantees of the one-thread loop that it stands in for:
 * <ul>
 *   <li>the same verdicts in the same order, for any number of threads: every comment goes through
 *       {@link CommentScorer#score(Comment, ExtractionContext)}, with the batch's repeated keys decided before the
 *       first is scored;</li>
 *   <li>the sink is called from the calling thread only, in input order;</li>
 *   <li>memory stays bounded: the batch is cut into slices of {@value CommentScorer#SLICE} comments, and only
 *       {@value #AHEAD} slices a thread are scored ahead of the one being handed to the sink;</li>
 *   <li>each text is normalised once, by the first pass, and let go once its slice is scored;</li>
 *   <li>its threads are started for the call and stopped before it returns, even when it fails.</li>
 * </ul>
 *
 * <p><b>Thread safety:</b> one instance serves one call, made from one thread.
 */
final class BatchScorer {

    /** Slices a thread has in hand ahead of the sink: enough to keep every thread busy. */
    static final int AHEAD = 2;

    private final CommentScorer scorer;
    private final int threads;

    BatchScorer(CommentScorer scorer, int threads) {
        this.scorer = scorer;
        this.threads = threads;
    }

    void scoreAll(List<Comment> comments, Consumer<? super Verdict> sink) {
        ExecutorService pool = Tasks.daemonPool(threads, "commentguard-score");
        try {
            List<Future<BatchPart>> normalizing = new ArrayList<>();
            for (int from = 0; from < comments.size(); from += CommentScorer.SLICE) {
                List<Comment> slice = comments.subList(from, Math.min(comments.size(), from + CommentScorer.SLICE));
                normalizing.add(pool.submit(() -> BatchPart.of(slice)));
            }
            List<BatchPart> parts = new ArrayList<>(normalizing.size());
            for (Future<BatchPart> part : normalizing) {
                parts.add(Tasks.await(part, "scoring"));
            }
            normalizing.clear();
            Set<String> repeated = BatchPart.repeated(parts);
            PreparedArticles articles = PreparedArticles.forBatch();
            Deque<Future<List<Verdict>>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < parts.size() || !pending.isEmpty()) {
                while (next < parts.size() && pending.size() < AHEAD * threads) {
                    BatchPart part = parts.get(next);
                    parts.set(next++, null); // let the texts go once their slice is scored
                    pending.add(pool.submit(() -> score(part, part.context(articles, repeated))));
                }
                Tasks.await(pending.poll(), "scoring").forEach(sink);
            }
        } finally {
            stop(pool);
        }
    }

    private List<Verdict> score(BatchPart part, ExtractionContext context) {
        List<Verdict> out = new ArrayList<>(part.comments().size());
        for (Comment c : part.comments()) {
            out.add(scorer.score(c, context));
        }
        return out;
    }

    /**
     * Stops the batch's threads and waits for the slices they are scoring: when the batch failed (the sink
     * threw, or the heap ran out), no thread of it goes on holding the model and its slices after the call.
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}

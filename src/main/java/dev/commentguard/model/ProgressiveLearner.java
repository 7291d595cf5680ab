package dev.commentguard.model;

import dev.commentguard.concurrent.Tasks;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.NgramBuckets;
import dev.commentguard.features.Prepared;
import dev.commentguard.features.SparseVector;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The online learner ({@link Learner#ONLINE}) fed comments part by part, for progressive validation (Blum, Kalai and
 * Langford, 1999): where asked, it scores a comment just before learning from it, so that the score is of a comment
 * the model has not learned from. The parts may be the whole data in memory ({@link OnlineFolds#progressive}) or one
 * bucket at a time read back from disk ({@code train --stream}). Each part's comments are vectorised on a pool, a few
 * batches ahead of the learner. Not thread-safe: one thread feeds it.
 */
public final class ProgressiveLearner {

    /** Comments vectorised by one task, ahead of the learner. */
    private static final int BATCH = 1024;

    private final FeaturePipeline pipeline;
    private final OnlineLogistic online;
    private final Manifest manifest;

    /**
     * @param pipeline the fitted features; their n-grams must be hashed
     * @param manifest the model's provenance, whose labels are the classes
     */
    public ProgressiveLearner(FeaturePipeline pipeline, long seed, Manifest manifest) {
        if (!pipeline.settings().ngrams().hashed()) {
            throw new IllegalArgumentException("progressive validation needs hashed n-grams: " + pipeline.settings().ngrams());
        }
        this.pipeline = pipeline;
        this.manifest = manifest;
        this.online = (OnlineLogistic) Learner.ONLINE.create((int) seed, manifest.labels().size());
        online.start(WekaData.header(pipeline.dimension(), manifest.labels()));
    }

    /** Passes over {@code comments} comments that training makes (see {@link OnlineLogistic#epochs}). */
    public int epochs(int comments) {
        return online.epochs(comments);
    }

    /** Fills a new array of {@code n} with a random order of its indices, as the learner's passes take them. */
    public static int[] shuffle(int n, Random random) {
        return OnlineLogistic.shuffle(new int[n], random);
    }

    /**
     * Learns from {@code comments} in {@code order}; the comments from position {@code scoreFrom} of {@code order} on
     * are scored first. A failure cancels the batches ahead.
     *
     * @param scores where each scored comment's class probabilities go, by its index in {@code comments}; may be
     *               {@code null} when none is scored ({@code scoreFrom} at least {@code order.length})
     */
    public void learn(List<Prepared> comments, int[] classes, int[] order, int scoreFrom, double[][] scores,
                      ExecutorService pool, int threads) {
        int n = order.length;
        ArrayDeque<Future<SparseVector[]>> ahead = new ArrayDeque<>();
        try {
            int next = 0;
            for (int from = 0; from < n; from += BATCH) {
                while (next < n && ahead.size() < 2 * Math.max(1, threads)) {
                    int start = next;
                    int end = Math.min(n, start + BATCH);
                    ahead.add(pool.submit(() -> vectorise(comments, order, start, end)));
                    next = end;
                }
                SparseVector[] batch = Tasks.await(ahead.poll(), "training");
                for (int k = 0; k < batch.length; k++) {
                    int i = order[from + k];
                    SparseVector x = batch[k];
                    if (from + k >= scoreFrom) {
                        scores[i] = online.predictThenUpdate(x.indices(), x.values(), x.size(), classes[i], 1);
                    } else {
                        online.update(x.indices(), x.values(), x.size(), classes[i], 1);
                    }
                }
            }
        } finally {
            ahead.forEach(f -> f.cancel(true));
        }
    }

    private SparseVector[] vectorise(List<Prepared> comments, int[] order, int start, int end) {
        SparseVector[] batch = new SparseVector[end - start];
        NgramBuckets buckets = new NgramBuckets(pipeline.settings().ngrams());
        for (int k = start; k < end; k++) {
            Prepared p = comments.get(order[k]);
            batch[k - start] = pipeline.vectorize(p, buckets.scan(pipeline.settings().ngramText(p)));
        }
        return batch;
    }

    /** The model learned so far. */
    public Model model() {
        return Model.of(manifest, pipeline, SafeSerialization.serialize(online), online);
    }
}

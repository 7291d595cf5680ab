package dev.commentguard.model;

import dev.commentguard.concurrent.Tasks;
import dev.commentguard.features.DocumentFrequencies;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.HashedNgrams;
import dev.commentguard.features.NgramBuckets;
import dev.commentguard.features.Prepared;
import dev.commentguard.features.SparseVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Cross-validation and the final fit of the online learner ({@link Learner#ONLINE}) in shared passes over the data,
 * for data too large to train fold by fold. Each fold's vocabulary is what {@link FeaturePipeline#fit} would learn
 * from the fold's training comments: the document frequencies are counted once per fold's comments and each
 * fold's are the sum of the others'. Each comment is hashed once a pass and a thread, and its buckets are
 * vectorised by every model that learns from it ({@link FeaturePipeline#vectorize(Prepared, NgramBuckets)}); the models
 * are spread over the threads, each seeing the comments in the order of one shuffle a pass. The final model
 * learns from every comment in the order {@link ModelTrainer} would give it, and is the same model. Stateless.
 */
public final class OnlineFolds {

    private OnlineFolds() {
    }

    /** The final model, and each comment's class probabilities from the fold model that did not learn from it. */
    public record Result(Model model, double[][] outOfFold) {
    }

    /**
     * Trains the fold models and the final model.
     *
     * @param comments prepared comments
     * @param classes  each comment's class, an index into {@code manifest.labels()}
     * @param weights  each comment's weight, at least 1; {@code null} for 1 each
     * @param fold     each comment's fold in {@code [0, folds)}, or a negative number for a comment every fold learns
     *                 from and none scores; its out-of-fold probabilities are then {@code null}
     * @param settings feature settings; their n-grams must be hashed
     * @param threads  how many tasks of {@code pool} to use
     */
    public static Result train(List<Prepared> comments, int[] classes, int[] weights, int[] fold, int folds,
                               FeatureSettings settings, long seed, Manifest manifest, ExecutorService pool,
                               int threads) {
        if (!settings.ngrams().hashed()) {
            throw new IllegalArgumentException("shared passes need hashed n-grams: " + settings.ngrams());
        }
        int n = comments.size();
        ModelTrainer.requireWeights(weights, n);
        FeaturePipeline[] pipelines = pipelines(comments, fold, folds, settings, pool, threads);
        Learning[] models = new Learning[folds + 1];
        int maxEpochs = 0;
        for (int m = 0; m <= folds; m++) {
            OnlineLogistic online = (OnlineLogistic) Learner.ONLINE.create((int) seed, manifest.labels().size());
            online.start(WekaData.header(pipelines[m].dimension(), manifest.labels()));
            int size = 0;
            for (int f : fold) {
                size += learnsFrom(m, folds, f) ? 1 : 0;
            }
            models[m] = new Learning(m, pipelines[m], online, online.epochs(size));
            maxEpochs = Math.max(maxEpochs, models[m].epochs);
        }
        // The orders ModelTrainer draws for the final model, from one generator: every model takes its own comments
        // in them.
        Random random = new Random(seed);
        int[][] orders = new int[maxEpochs][];
        for (int e = 0; e < maxEpochs; e++) {
            orders[e] = OnlineLogistic.shuffle(new int[n], random);
        }
        double[][] outOfFold = new double[n][];
        int tasks = Math.max(1, Math.min(threads, models.length));
        List<Future<Object>> running = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            List<Learning> mine = new ArrayList<>();
            for (int m = t; m < models.length; m += tasks) {
                mine.add(models[m]);
            }
            running.add(pool.submit(() -> {
                learn(mine, comments, classes, weights, fold, folds, orders, settings);
                score(mine, comments, fold, folds, settings, outOfFold);
                return null;
            }));
        }
        Tasks.awaitAll(running, "training");
        Learning last = models[folds];
        return new Result(Model.of(manifest, last.pipeline, SafeSerialization.serialize(last.online), last.online),
                outOfFold);
    }

    /** Comments from which the online learner makes a single pass: from here on it can validate progressively. */
    public static final int SINGLE_PASS = OnlineLogistic.UPDATES;

    /** Comments a task counts the n-grams of when there are no folds. */
    private static final int BATCH = 1024;

    /**
     * Progressive validation (Blum, Kalai and Langford, 1999), for data large enough for one pass: one model learns
     * from the comments in the orders {@link ModelTrainer} gives them, and in the first pass scores each comment just
     * before learning from it, so that every score is of a comment the model has not learned from. The second half
     * of that pass, scored by a model that has learned from at least half the data, gives the out-of-fold
     * probabilities; the first half's are {@code null}. From {@link #SINGLE_PASS} comments there is one pass; below,
     * the model makes the further passes {@link ModelTrainer} would, unscored, and is the same model. The
     * vocabulary is fitted on all the comments first (their text, not their labels). The comments are vectorised
     * on the pool, a few batches ahead of the learner.
     */
    public static Result progressive(List<Prepared> comments, int[] classes, FeatureSettings settings, long seed,
                                     Manifest manifest, ExecutorService pool, int threads) {
        if (!settings.ngrams().hashed()) {
            throw new IllegalArgumentException("progressive validation needs hashed n-grams: " + settings.ngrams());
        }
        int n = comments.size();
        FeaturePipeline pipeline = pipelines(comments, new int[n], 0, settings, pool, threads)[0];
        ProgressiveLearner learner = new ProgressiveLearner(pipeline, seed, manifest);
        Random random = new Random(seed);
        double[][] outOfFold = new double[n][];
        for (int epoch = 0; epoch < learner.epochs(n); epoch++) {
            learner.learn(comments, classes, ProgressiveLearner.shuffle(n, random), epoch == 0 ? n / 2 : n, outOfFold,
                    pool, threads);
        }
        return new Result(learner.model(), outOfFold);
    }

    /** A model being learned: fold {@code m}'s, or the final one when {@code m} is the number of folds. */
    private record Learning(int m, FeaturePipeline pipeline, OnlineLogistic online, int epochs) {
    }

    /** Whether model {@code m} learns from a comment of fold {@code f}. */
    private static boolean learnsFrom(int m, int folds, int f) {
        return m == folds || f < 0 || f != m;
    }

    private static void learn(List<Learning> models, List<Prepared> comments, int[] classes, int[] weights, int[] fold,
                              int folds, int[][] orders, FeatureSettings settings) {
        NgramBuckets buckets = new NgramBuckets(settings.ngrams());
        for (int e = 0; e < orders.length; e++) {
            for (int i : orders[e]) {
                Tasks.stopWhenCancelled();
                boolean scanned = false;
                for (Learning model : models) {
                    if (e < model.epochs && learnsFrom(model.m, folds, fold[i])) {
                        Prepared p = comments.get(i);
                        if (!scanned) {
                            buckets.scan(settings.ngramText(p));
                            scanned = true;
                        }
                        SparseVector x = model.pipeline.vectorize(p, buckets);
                        model.online.update(x.indices(), x.values(), x.size(), classes[i], weights == null ? 1 : weights[i]);
                    }
                }
            }
        }
    }

    /** Each fold model's probabilities for the comments of its own fold. */
    private static void score(List<Learning> models, List<Prepared> comments, int[] fold, int folds,
                              FeatureSettings settings, double[][] outOfFold) {
        NgramBuckets buckets = new NgramBuckets(settings.ngrams());
        for (Learning model : models) {
            if (model.m == folds) {
                continue;
            }
            LinearPath linear = model.online.linearPath();
            for (int i = 0; i < comments.size(); i++) {
                if (fold[i] == model.m) {
                    Prepared p = comments.get(i);
                    outOfFold[i] = linear.distribution(model.pipeline.vectorize(p, buckets.scan(settings.ngramText(p))));
                }
            }
        }
    }

    /**
     * Each model's pipeline: fold {@code m}'s from the comments of every other fold (and those in every fold), the
     * final one's from all. The document frequencies are counted once for each group's own comments (a fold, or the
     * comments in every fold): a task a group, or, with one group, a task a contiguous part of the comments.
     */
    private static FeaturePipeline[] pipelines(List<Prepared> comments, int[] fold, int folds, FeatureSettings settings,
                                               ExecutorService pool, int threads) {
        int buckets = 2 << settings.ngrams().hashBits();
        int[] texts = new int[folds + 1]; // by group; the last: comments in every fold
        for (int i = 0; i < comments.size(); i++) {
            texts[group(fold[i], folds)]++;
        }
        int parts = folds == 0 ? Math.max(1, Math.min(threads, comments.size() / BATCH + 1)) : 1;
        List<Future<DocumentFrequencies>> running = new ArrayList<>();
        List<Integer> groupOf = new ArrayList<>();
        for (int g = 0; g <= folds; g++) {
            if (texts[g] == 0) {
                continue;
            }
            for (int part = 0; part < parts; part++) {
                int group = g;
                int from = (int) ((long) comments.size() * part / parts);
                int to = (int) ((long) comments.size() * (part + 1) / parts);
                groupOf.add(g);
                running.add(pool.submit(() -> {
                    DocumentFrequencies counted = new DocumentFrequencies(settings.ngrams());
                    NgramBuckets found = new NgramBuckets(settings.ngrams());
                    for (int i = from; i < to; i++) {
                        if (group(fold[i], folds) == group) {
                            Tasks.stopWhenCancelled();
                            counted.add(found.scan(settings.ngramText(comments.get(i))));
                        }
                    }
                    return counted;
                }));
            }
        }
        List<DocumentFrequencies> counted = Tasks.awaitAll(running, "counting n-grams");
        int[][] df = new int[folds + 1][];
        for (int t = 0; t < counted.size(); t++) {
            int g = groupOf.get(t);
            df[g] = df[g] == null ? new int[buckets] : df[g];
            counted.get(t).addTo(df[g]);
        }
        FeaturePipeline[] pipelines = new FeaturePipeline[folds + 1];
        for (int m = 0; m <= folds; m++) {
            int[] sum = new int[buckets];
            int sumTexts = 0;
            for (int g = 0; g <= folds; g++) {
                if ((g != m || m == folds) && df[g] != null) {
                    for (int b = 0; b < buckets; b++) {
                        sum[b] += df[g][b];
                    }
                    sumTexts += texts[g];
                }
            }
            pipelines[m] = new FeaturePipeline(settings, HashedNgrams.fromFrequencies(sum, sumTexts, settings.ngrams()));
        }
        return pipelines;
    }

    /** The group of a comment's document frequencies: its fold, or {@code folds} when it is in every fold. */
    private static int group(int fold, int folds) {
        return fold < 0 ? folds : fold;
    }
}

package dev.commentguard.training;


import dev.commentguard.concurrent.Tasks;
import dev.commentguard.Comment;
import dev.commentguard.Thresholds;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Prediction;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.Features;
import dev.commentguard.features.Prepared;
import dev.commentguard.model.Learner;
import dev.commentguard.model.Manifest;
import dev.commentguard.model.Model;
import dev.commentguard.model.ModelTrainer;
import dev.commentguard.model.OnlineFolds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Trains a model from labelled comments: stratified k-fold cross-validation, whose out-of-fold spam
 * scores measure the model and choose the review and block thresholds, and the final model on all the
 * data, fitted alongside the folds on the same threads. Deterministic for the same data, options and
 * seed. Stateless: thread-safe.
 */
public final class Trainer {

    /** Fewest examples of any class we train on: fewer cannot be cross-validated or learned from. */
    public static final int MIN_PER_CLASS = 10;

    /** Fewest groups (kinds of site) for cross-validation to leave one group out at a time. */
    public static final int MIN_GROUPS = 3;


    private Trainer() {
    }

    /** The outcome of training: the model and its cross-validated predictions and metrics. */
    public record Result(Model model, Metrics crossValidated, List<Prediction> predictions) {
    }

    public static Result train(List<LabelledComment> data, TrainingOptions options, ProgressListener progress) {
        List<String> labels = labelsOf(data, options);
        Folds folds = Folds.of(data, classesOf(data, labels), labels.size(), options);
        return train(data, data.size(), null, labels, folds, options, progress);
    }

    /**
     * Trains on a site's comments and a corpus together ({@code train --with-corpus}): the site's labels mapped onto
     * the corpus's ({@link CorpusMix#mapLabels}), each site comment counted {@link CorpusMix#siteWeight} times. The
     * cross-validation folds are made of the site's comments alone (by group when they all have one, as in
     * {@link #train(List, TrainingOptions, ProgressListener)}); every fold trains on the other folds' site comments
     * and the whole corpus, and only the site's comments are scored, so that the metrics and the thresholds are the
     * site's own. The model's spam label is {@link CorpusMix#SPAM}, whatever {@code options} say.
     *
     * @param site    the site's labelled comments, in the site's labels; {@code options.positiveLabel()} is its spam label
     * @param corpus  the corpus and its weight
     * @throws TrainingException when the labels do not map (see {@link CorpusMix#mapLabels}) or the site has too few
     *                           comments of spam or of the rest to cross-validate
     */
    public static Result train(List<LabelledComment> site, CorpusMix corpus, TrainingOptions options,
                               ProgressListener progress) {
        List<LabelledComment> mapped = corpus.mapLabels(site, options.positiveLabel());
        TrainingOptions spam = options.withPositiveLabel(CorpusMix.SPAM);
        long siteSpam = mapped.stream().filter(c -> c.label().equals(CorpusMix.SPAM)).count();
        int minimum = Math.max(MIN_PER_CLASS, options.folds());
        if (siteSpam < minimum || mapped.size() - siteSpam < minimum) {
            throw new TrainingException("the site's data has " + siteSpam + " spam and " + (mapped.size() - siteSpam)
                    + " other comments; at least " + minimum + " of each are needed to choose the thresholds from them");
        }
        List<LabelledComment> data = new ArrayList<>(mapped);
        data.addAll(corpus.commentsFor(mapped));
        List<String> labels = labelsOf(data, spam);
        Folds siteFolds = Folds.of(mapped, classesOf(mapped, labels), labels.size(), spam);
        int[] fold = java.util.Arrays.copyOf(siteFolds.fold(), data.size());
        java.util.Arrays.fill(fold, mapped.size(), data.size(), IN_EVERY_FOLD);
        int[] weights = new int[data.size()];
        java.util.Arrays.fill(weights, 1);
        java.util.Arrays.fill(weights, 0, mapped.size(), corpus.siteWeight(mapped.size()));
        return train(data, mapped.size(), weights, labels, new Folds(fold, siteFolds.groups(), siteFolds.count()), spam,
                progress);
    }

    /** The fold of a comment that is in the training data of every fold and never scored: the corpus's. */
    static final int IN_EVERY_FOLD = -1;

    /**
     * The training run: the final fit on all of {@code data}, and cross-validation whose out-of-fold scores of the
     * first {@code scored} comments give the metrics and the thresholds.
     *
     * @param weights each comment's weight, or null for 1 each
     */
    private static Result train(List<LabelledComment> data, int scored, int[] weights, List<String> labels, Folds folds,
                                TrainingOptions options, ProgressListener progress) {
        int[] classes = classesOf(data, labels);
        List<Comment> comments = new ArrayList<>(data.size());
        for (LabelledComment c : data) {
            comments.add(c.comment());
        }
        // The final fit needs nothing from cross-validation (its manifest is completed afterwards), so it
        // shares the pool with the folds, started first as the longest: no core idles while the last
        // fold or the final fit runs alone. Preparing the comments goes first, on the same threads.
        int threads = Math.min(folds.count() + 1, options.threads());
        ExecutorService pool = Tasks.daemonPool(threads, "commentguard-fit");
        try {
            progress.progress("preparing", 0, 1);
            List<Prepared> prepared = FeaturePipeline.prepareAll(comments, options.features().version(), pool);
            progress.progress("preparing", 1, 1);
            Future<Model> finalFit;
            double[][] outOfFold;
            boolean progressive = options.validation().progressive(data.size(), !folds.groups().isEmpty(), weights != null,
                    options);
            if (progressive) {
                progress.progress("learning, each comment scored first", 0, 1);
                OnlineFolds.Result single = OnlineFolds.progressive(prepared, classes, options.features(), options.seed(),
                        TrainingManifest.provisional(labels, options), pool, threads);
                progress.progress("learning, each comment scored first", 1, 1);
                finalFit = java.util.concurrent.CompletableFuture.completedFuture(single.model());
                outOfFold = single.outOfFold();
            } else if (options.learner() == Learner.ONLINE && options.features().ngrams().hashed()) {
                progress.progress("cross-validation and final model, in shared passes", 0, 1);
                OnlineFolds.Result shared = OnlineFolds.train(prepared, classes, weights, folds.fold(), folds.count(),
                        options.features(), options.seed(), TrainingManifest.provisional(labels, options), pool, threads);
                progress.progress("cross-validation and final model, in shared passes", 1, 1);
                finalFit = java.util.concurrent.CompletableFuture.completedFuture(shared.model());
                outOfFold = shared.outOfFold();
            } else {
                finalFit = pool.submit(() -> ModelTrainer.train(prepared, classes, weights, options.features(),
                        options.learner(), options.seed(), TrainingManifest.provisional(labels, options)));
                outOfFold = crossValidate(prepared, classes, weights, labels, options, folds, progress, pool);
            }
            int positive = labels.indexOf(options.positiveLabel());
            int[] out = IntStream.range(0, scored).filter(i -> outOfFold[i] != null).toArray(); // progressive: a half
            double[] scores = new double[out.length];
            boolean[] spam = new boolean[out.length];
            List<Prediction> predictions = new ArrayList<>(out.length);
            for (int k = 0; k < out.length; k++) {
                int i = out[k];
                scores[k] = outOfFold[i][positive];
                spam[k] = classes[i] == positive;
                predictions.add(new Prediction(labels.get(classes[i]), labels.get(argMax(outOfFold[i])), scores[k]));
            }
            List<String> groups = null;
            if (!folds.groups().isEmpty()) {
                groups = new ArrayList<>(out.length);
                for (int i : out) {
                    groups.add(data.get(i).group());
                }
            }
            Thresholds thresholds = TrainingThresholds.of(scores, spam, groups, options);
            Metrics metrics = Metrics.of(predictions, labels, options.positiveLabel(), thresholds);

            progress.progress("final model", 0, 1);
            Model model = Tasks.await(finalFit, "training");
            int validated = progressive ? 0 : folds.count();
            model = model.withManifest(TrainingManifest.of(data, labels, options, thresholds, metrics,
                    model.pipeline().vectorizer().dimension(), validated));
            progress.progress("final model", 1, 1);
            return new Result(model, metrics, List.copyOf(predictions));
        } finally {
            pool.shutdownNow();
        }
    }

    private static int[] classesOf(List<LabelledComment> data, List<String> labels) {
        int[] classes = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            classes[i] = labels.indexOf(data.get(i).label());
        }
        return classes;
    }

    /**
     * One model fitted on prepared comments, without cross-validation, with the thresholds at 0 and 1
     * until its user sets them: for experiments that split the data their own way.
     *
     * @param classes the index in {@code labels} of each comment's label
     */
    public static Model fit(List<Prepared> prepared, int[] classes, List<String> labels, TrainingOptions options) {
        return fit(prepared, classes, null, labels, options);
    }

    /**
     * As {@link #fit(List, int[], List, TrainingOptions)}, comment {@code i} counting {@code weights[i]} times: the
     * final fit of {@link #train(List, CorpusMix, TrainingOptions, ProgressListener)} when the site's comments come
     * first, weighted {@link CorpusMix#siteWeight}, and the corpus after them, weighted 1.
     *
     * @param weights each comment's weight, at least 1; null for 1 each
     */
    public static Model fit(List<Prepared> prepared, int[] classes, int[] weights, List<String> labels,
                            TrainingOptions options) {
        return ModelTrainer.train(prepared, classes, weights, options.features(), options.learner(), options.seed(),
                TrainingManifest.provisional(labels, options));
    }

    private static double[][] crossValidate(List<Prepared> prepared, int[] classes, int[] weights, List<String> labels,
                                            TrainingOptions options, Folds folds, ProgressListener progress,
                                            ExecutorService pool) {
        int[] fold = folds.fold();
        double[][] outOfFold = new double[prepared.size()][];
        AtomicInteger done = new AtomicInteger();
        progress.progress("cross-validation", 0, folds.count());
        List<Future<?>> futures = new ArrayList<>();
        for (int f = 0; f < folds.count(); f++) {
            int k = f;
            futures.add(pool.submit(() -> {
                List<Prepared> train = new ArrayList<>();
                List<Integer> trainClasses = new ArrayList<>();
                List<Integer> trainWeights = new ArrayList<>();
                for (int i = 0; i < prepared.size(); i++) {
                    if (fold[i] != k) {
                        train.add(prepared.get(i));
                        trainClasses.add(classes[i]);
                        trainWeights.add(weights == null ? 1 : weights[i]);
                    }
                }
                Manifest provisional = TrainingManifest.provisional(labels, options);
                Model model = ModelTrainer.train(train, trainClasses.stream().mapToInt(Integer::intValue).toArray(),
                        weights == null ? null : trainWeights.stream().mapToInt(Integer::intValue).toArray(),
                        options.features(), options.learner(), options.seed(), provisional);
                for (int i = 0; i < prepared.size(); i++) {
                    if (fold[i] == k) {
                        Features features = model.pipeline().vectorize(prepared.get(i));
                        outOfFold[i] = model.distribution(features);
                    }
                }
                progress.progress("cross-validation", done.incrementAndGet(), folds.count());
                return null;
            }));
        }
        for (Future<?> future : futures) {
            Tasks.await(future, "training");
        }
        return outOfFold;
    }

    private static List<String> labelsOf(List<LabelledComment> data, TrainingOptions options) {
        return TrainingLabels.of(data, options);
    }

    /** See {@link TrainingLabels#of(Map, TrainingOptions, Map)}; for training that counts its rows as it streams them. */
    static List<String> labelsOf(Map<String, Integer> counts, TrainingOptions options) {
        return TrainingLabels.of(counts, options, Map.of());
    }

    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}

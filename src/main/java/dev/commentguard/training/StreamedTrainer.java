package dev.commentguard.training;

import dev.commentguard.Comment;
import dev.commentguard.Thresholds;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Prediction;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.HashedNgrams;
import dev.commentguard.features.Prepared;
import dev.commentguard.model.Learner;
import dev.commentguard.model.Model;
import dev.commentguard.model.ProgressiveLearner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;

/**
 * Trains the online learner on {@link SpilledComments} ({@code train --stream}), holding a few buckets of comments at
 * a time: the vocabulary from the n-grams counted as the comments were spilled, then the learner's passes, each over
 * the buckets in a random order, taken a few at a time ({@link #GROUP}) and prepared as one batch, their comments
 * in a random order.
 * Validation is progressive: in the first pass, the last half of the comments are each scored before the model learns
 * from them, and those scores (a uniform sample of at most {@link #MAX_MEASURED}) measure the model and choose its
 * thresholds, as {@link Trainer} does with the comments in memory. The model differs from one trained in memory only
 * by the order the comments are learned in (random in both, but here a text's copies come close together). Deterministic
 * for the same data, options and seed. Stateless: thread-safe.
 */
public final class StreamedTrainer {

    /**
     * Most scores kept to measure the model, a uniform sample of the second half of the first pass: a bound on memory,
     * and more than enough to measure.
     */
    public static final int MAX_MEASURED = 1_000_000;

    /**
     * Comments prepared and learned from together, at least: whole buckets are taken until there are this many, so that
     * small data, whose buckets are small, is still prepared on every thread.
     */
    static final int GROUP = 32_768;

    private StreamedTrainer() {
    }

    /**
     * Trains on the spilled comments.
     *
     * @param pool    where comments are prepared and vectorised, {@code threads} tasks at a time
     * @throws TrainingException as {@link Trainer#train(List, TrainingOptions, ProgressListener)} does for the labels,
     *                           or when the options are not those of progressive validation of the online learner
     */
    public static Trainer.Result train(SpilledComments data, TrainingOptions options, ProgressListener progress,
                                       ExecutorService pool, int threads) {
        return train(data, options, progress, pool, threads, MAX_MEASURED);
    }

    /**
     * As {@link #train(SpilledComments, TrainingOptions, ProgressListener, ExecutorService, int)}, keeping at most
     * {@code maxMeasured} scores.
     */
    static Trainer.Result train(SpilledComments data, TrainingOptions options, ProgressListener progress,
                                ExecutorService pool, int threads, int maxMeasured) {
        if (options.learner() != Learner.ONLINE || !options.features().ngrams().hashed()) {
            throw new TrainingException("training from disk needs --learner online and hashed n-grams (--hash-bits above 0)");
        }
        if (data.rows() > Integer.MAX_VALUE) {
            throw new TrainingException(String.format(java.util.Locale.ROOT, "%,d comments; at most %,d can be trained on",
                    data.rows(), Integer.MAX_VALUE));
        }
        int n = (int) data.rows();
        List<String> labels = Trainer.labelsOf(data.labels(), options);
        int positive = labels.indexOf(options.positiveLabel());
        FeaturePipeline pipeline = new FeaturePipeline(options.features(),
                HashedNgrams.fromFrequencies(data.documentFrequencies(), data.texts(), options.features().ngrams()));
        ProgressiveLearner learner = new ProgressiveLearner(pipeline, options.seed(), TrainingManifest.provisional(labels, options));
        // The second half of the first pass is scored; at most MAX_MEASURED of its scores are kept, a uniform sample
        // (Algorithm R), since the parts keep each text's copies together and the last parts alone would be a sample of
        // few texts.
        int kept = Math.min(n - n / 2, maxMeasured);
        double[] scores = new double[kept];
        boolean[] spam = new boolean[kept];
        Prediction[] predictions = new Prediction[kept];
        Random sample = new Random(options.seed() + 1);
        long scored = 0;
        Random random = new Random(options.seed());
        int epochs = learner.epochs(n);
        for (int epoch = 0; epoch < epochs; epoch++) {
            String stage = epochs == 1 ? "learning, each comment scored first"
                    : "learning, pass " + (epoch + 1) + " of " + epochs + (epoch == 0 ? ", each comment scored first" : "");
            List<int[]> units = units(data, ProgressiveLearner.shuffle(data.buckets(), random));
            long seen = 0;
            for (int done = 0; done < units.size(); ) {
                progress.progress(stage, done, units.size());
                // Whole buckets (or slices) together, enough comments to prepare on every thread; a text's copies stay
                // together.
                List<SpilledComments.Entry> entries = new ArrayList<>();
                while (done < units.size() && entries.size() < GROUP) {
                    int[] unit = units.get(done++);
                    entries.addAll(read(data, unit[0], unit[1], unit[2]));
                }
                List<Comment> comments = new ArrayList<>(entries.size());
                int[] classes = new int[entries.size()];
                for (int i = 0; i < classes.length; i++) {
                    comments.add(entries.get(i).row().comment());
                    classes[i] = labels.indexOf(entries.get(i).row().label());
                }
                List<Prepared> prepared = FeaturePipeline.prepareAll(comments, options.features().version(), pool);
                int[] order = ProgressiveLearner.shuffle(comments.size(), random);
                int scoreFrom = epoch > 0 ? order.length : (int) Math.max(0, Math.min(order.length, n / 2 - seen));
                double[][] out = new double[comments.size()][];
                learner.learn(prepared, classes, order, scoreFrom, out, pool, threads);
                for (int k = scoreFrom; k < order.length; k++, scored++) {
                    int slot = scored < kept ? (int) scored : (int) sample.nextLong(scored + 1);
                    if (slot < kept) {
                        int i = order[k];
                        scores[slot] = out[i][positive];
                        spam[slot] = classes[i] == positive;
                        predictions[slot] = new Prediction(labels.get(classes[i]), labels.get(Trainer.argMax(out[i])),
                                out[i][positive]);
                    }
                }
                seen += order.length;
            }
            progress.progress(stage, units.size(), units.size());
        }
        Thresholds thresholds = TrainingThresholds.of(scores, spam, null, options);
        Metrics metrics = Metrics.of(List.of(predictions), labels, options.positiveLabel(), thresholds);
        Model model = learner.model();
        model = model.withManifest(TrainingManifest.of(data.labels(), data.sha256(), labels, options, thresholds, metrics,
                model.pipeline().vectorizer().dimension(), 0));
        return new Trainer.Result(model, metrics, List.of(predictions));
    }

    /** What is read back at once, in the order given: each bucket, or each slice of a bucket too large to hold. */
    private static List<int[]> units(SpilledComments data, int[] buckets) {
        List<int[]> units = new ArrayList<>();
        for (int b : buckets) {
            int slices = data.slices(b);
            for (int slice = 0; slice < slices; slice++) {
                units.add(new int[] {b, slices, slice});
            }
        }
        return units;
    }

    private static List<SpilledComments.Entry> read(SpilledComments data, int bucket, int slices, int slice) {
        try {
            return data.read(bucket, slices, slice);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the training data back from disk: " + e.getMessage(), e);
        }
    }
}

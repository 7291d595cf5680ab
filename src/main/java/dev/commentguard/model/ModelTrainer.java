package dev.commentguard.model;

import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.Features;
import dev.commentguard.features.Prepared;
import dev.commentguard.features.SparseVector;
import weka.classifiers.Classifier;
import weka.core.WeightedInstancesHandler;
import weka.core.Instances;

import java.util.List;

/** Fits the vocabulary and the Weka classifier on prepared comments. Stateless: thread-safe. */
public final class ModelTrainer {

    private ModelTrainer() {
    }

    /**
     * Trains a model.
     *
     * @param comments     prepared comments
     * @param classes      the index into {@code manifest.labels()} of each comment's label
     * @param settings     feature settings
     * @param learner      the Weka learner
     * @param seed         random seed
     * @param manifest     provenance to store with the model (may be completed later with {@link Model#withManifest})
     */
    public static Model train(List<Prepared> comments, int[] classes, FeatureSettings settings, Learner learner,
                              long seed, Manifest manifest) {
        return train(comments, classes, null, settings, learner, seed, manifest);
    }

    /**
     * Trains a model in which comment {@code i} counts {@code weights[i]} times in the learner's objective. The
     * vocabulary and its document frequencies are fitted on each comment once, whatever its weight, so that a weight
     * changes how much a comment's words count, not which words the model has.
     *
     * @param weights each comment's weight, at least 1; {@code null} for 1 each
     */
    public static Model train(List<Prepared> comments, int[] classes, int[] weights, FeatureSettings settings,
                              Learner learner, long seed, Manifest manifest) {
        requireWeights(weights, comments.size());
        FeaturePipeline pipeline = FeaturePipeline.fit(comments, settings);
        Classifier created = learner.create((int) seed, manifest.labels().size());
        if (created instanceof OnlineLogistic online) {
            stream(online, comments, classes, weights, pipeline, manifest, seed);
            return Model.of(manifest, pipeline, SafeSerialization.serialize(online), online);
        }
        Instances data = WekaData.header(pipeline.dimension(), manifest.labels());
        data = new Instances(data, comments.size());
        for (int i = 0; i < comments.size(); i++) {
            Features f = pipeline.vectorize(comments.get(i));
            data.add(WekaData.instance(f.vector(), data, classes[i], weights == null ? 1 : weights[i]));
        }
        Classifier classifier = created;
        try {
            // Learners that do not handle weights (LibLINEAR, SGD) fit copies; CalibratedLogistic copies by itself,
            // keeping the copies of a comment in one internal fold.
            boolean handlesWeights = classifier instanceof CalibratedLogistic || classifier instanceof WeightedInstancesHandler;
            classifier.buildClassifier(handlesWeights ? data : WekaData.replicated(data));
        } catch (Exception e) {
            throw new IllegalStateException("Weka could not train " + learner.code() + ": " + e.getMessage(), e);
        }
        byte[] serialized = SafeSerialization.serialize((java.io.Serializable) classifier);
        return Model.of(manifest, pipeline, serialized, classifier);
    }

    /**
     * Streams the comments through an online learner, each vectorised as it is learned from: no data set of
     * vectors is ever held, only the prepared comments and the weights. Each pass takes them in a new order.
     */
    private static void stream(OnlineLogistic online, List<Prepared> comments, int[] classes, int[] weights,
                               FeaturePipeline pipeline, Manifest manifest, long seed) {
        online.start(WekaData.header(pipeline.dimension(), manifest.labels()));
        int[] order = new int[comments.size()];
        java.util.Random random = new java.util.Random(seed);
        for (int epoch = 0; epoch < online.epochs(comments.size()); epoch++) {
            for (int i : OnlineLogistic.shuffle(order, random)) {
                SparseVector x = pipeline.vectorize(comments.get(i)).vector();
                online.update(x.indices(), x.values(), x.size(), classes[i], weights == null ? 1 : weights[i]);
            }
        }
    }

    /** Checks that {@code weights} (null for 1 each) give each of {@code comments} comments a weight of at least 1. */
    static void requireWeights(int[] weights, int comments) {
        if (weights == null) {
            return;
        }
        if (weights.length != comments) {
            throw new IllegalArgumentException(weights.length + " weights for " + comments + " comments");
        }
        for (int i = 0; i < comments; i++) {
            if (weights[i] < 1) {
                throw new IllegalArgumentException("weight of comment " + i + " is " + weights[i] + "; weights are at least 1");
            }
        }
    }
}

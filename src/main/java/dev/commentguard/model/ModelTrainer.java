package dev.commentguard.model;

import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.Features;
import dev.commentguard.features.Prepared;
import weka.classifiers.Classifier;
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
        FeaturePipeline pipeline = FeaturePipeline.fit(comments, settings);
        Instances data = WekaData.header(pipeline.dimension(), manifest.labels());
        data = new Instances(data, comments.size());
        for (int i = 0; i < comments.size(); i++) {
            Features f = pipeline.vectorize(comments.get(i));
            data.add(WekaData.instance(f.vector(), data, classes[i]));
        }
        Classifier classifier = learner.create((int) seed, manifest.labels().size());
        try {
            classifier.buildClassifier(data);
        } catch (Exception e) {
            throw new IllegalStateException("Weka could not train " + learner.code() + ": " + e.getMessage(), e);
        }
        byte[] serialized = SafeSerialization.serialize((java.io.Serializable) classifier);
        return Model.of(manifest, pipeline, serialized, classifier);
    }
}

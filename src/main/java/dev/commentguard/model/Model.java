package dev.commentguard.model;

import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.Features;
import weka.classifiers.Classifier;
import weka.core.Instances;

import java.util.List;
import java.util.Objects;

/**
 * A trained model: the feature pipeline, the Weka classifier behind its pool, and the manifest.
 * Immutable and thread-safe: the pool gives each concurrent caller its own classifier copy, and the
 * Weka header is only read.
 */
public final class Model {

    private final Manifest manifest;
    private final FeaturePipeline pipeline;
    private final ClassifierPool pool;
    /** Weka's description of our features, built only when the Weka path is used (it costs 100k+ objects). */
    private volatile Instances header;
    private final TermWeights termWeights;
    private final LinearPath linear;

    private Model(Manifest manifest, FeaturePipeline pipeline, ClassifierPool pool) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.pool = pool;
        this.termWeights = TermWeights.of(pool.peek(), manifest.labels().size(), pipeline.dimension());
        // The Weka data set has one attribute per feature plus the class.
        this.linear = LinearPath.of(pool.peek(), pipeline.dimension() + 1, manifest.labels().size());
    }

    static Model of(Manifest manifest, FeaturePipeline pipeline, byte[] serializedClassifier, Classifier classifier) {
        return new Model(manifest, pipeline, new ClassifierPool(serializedClassifier, classifier));
    }

    public Manifest manifest() {
        return manifest;
    }

    public FeaturePipeline pipeline() {
        return pipeline;
    }

    public List<String> labels() {
        return manifest.labels();
    }

    /**
     * Probability of each label (in {@link #labels()} order) for a comment's features: through
     * LibLINEAR directly for logistic models, else through the Weka classifier pool.
     */
    public double[] distribution(Features features) {
        return linear != null ? linear.distribution(features.vector()) : wekaDistribution(features);
    }

    /** The same probabilities computed by Weka's own {@code distributionForInstance}, for comparison. */
    double[] wekaDistribution(Features features) {
        return pool.distribution(WekaData.instance(features.vector(), header(), -1));
    }

    private Instances header() {
        Instances h = header;
        if (h == null) {
            synchronized (this) {
                h = header;
                if (h == null) {
                    h = WekaData.header(pipeline.dimension(), manifest.labels());
                    header = h;
                }
            }
        }
        return h;
    }

    /**
     * How much feature {@code feature} pushes towards label {@code label} (positive: towards it), or
     * NaN when the classifier is not linear.
     */
    public double featureWeight(int label, int feature) {
        return termWeights == null ? Double.NaN : termWeights.weight(label, feature);
    }

    /** The same model with another manifest (used to record thresholds and metrics after training). */
    public Model withManifest(Manifest newManifest) {
        return new Model(newManifest, pipeline, pool);
    }

    byte[] serializedClassifier() {
        return pool.serialized();
    }
}

package dev.commentguard.model;

import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.Features;
import weka.classifiers.Classifier;
import weka.classifiers.functions.LibLINEAR;
import weka.core.Instances;

import java.util.List;
import java.util.Objects;

/**
 * A trained model: the feature pipeline, the classifier and the manifest. Logistic models score through
 * {@link LinearPath}, plain arrays read straight from the model file; the Weka classifier stays behind a
 * pool and, for a model read from a file of format 2 or later, is not even deserialised until something
 * asks for Weka's own numbers. Immutable and thread-safe: the pool gives each concurrent caller its own
 * classifier copy, and the Weka header is only read.
 */
public final class Model {

    private final Manifest manifest;
    private final FeaturePipeline pipeline;
    private final ClassifierPool pool;
    /** Weka's description of our features, built only when the Weka path is used (it costs 100k+ objects). */
    private volatile Instances header;
    /** Explanation weights of a linear model that is not scored through {@link #linear}, else null. */
    private final TermWeights termWeights;
    private final LinearPath linear;

    private Model(Manifest manifest, FeaturePipeline pipeline, ClassifierPool pool, LinearPath linear, TermWeights termWeights) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.linear = linear;
        this.termWeights = termWeights;
    }

    /** A model around a classifier already in memory (just trained, or read from a format 1 file). */
    static Model of(Manifest manifest, FeaturePipeline pipeline, byte[] serializedClassifier, Classifier classifier) {
        int numClasses = manifest.labels().size();
        // The Weka data set has one attribute per feature plus the class.
        LinearPath linear = linearPath(classifier, pipeline.dimension() + 1, numClasses);
        return new Model(manifest, pipeline, new ClassifierPool(serializedClassifier, classifier), linear,
                linear != null ? null : TermWeights.of(classifier, numClasses, pipeline.dimension()));
    }

    /** A logistic model scored through {@code linear}, its Weka classifier read only if ever needed. */
    static Model lean(Manifest manifest, FeaturePipeline pipeline, LinearPath linear, ClassifierPool pool) {
        return new Model(manifest, pipeline, pool, Objects.requireNonNull(linear, "linear"), null);
    }

    /**
     * The arrays of a LibLINEAR probability model with the settings we train (no normalisation filter,
     * LibLINEAR's features one to one with the Weka attributes), or {@code null} for any other classifier.
     */
    private static LinearPath linearPath(Classifier classifier, int numAttributes, int numClasses) {
        if (classifier instanceof OnlineLogistic online) {
            return online.linearPath();
        }
        if (!(classifier instanceof LibLINEAR lr) || lr.getModel() == null || !lr.getProbabilityEstimates()
                || lr.getNormalize() || !lr.getModel().isProbabilityModel() || lr.getModel().getNrFeature() != numAttributes) {
            return null;
        }
        de.bwaldvogel.liblinear.Model m = lr.getModel();
        return new LinearPath(m.getLabels(), m.getNrFeature(), lr.getBias(), m.getFeatureWeights(), numClasses);
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

    /** The arrays logistic models score through, or {@code null} when scoring goes through Weka. */
    LinearPath linearPath() {
        return linear;
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
        if (linear != null) {
            return linear.weight(label, feature);
        }
        return termWeights == null ? Double.NaN : termWeights.weight(label, feature);
    }

    /** The same model with another manifest (used to record thresholds and metrics after training). */
    public Model withManifest(Manifest newManifest) {
        return new Model(newManifest, pipeline, pool, linear, termWeights);
    }

    byte[] serializedClassifier() {
        return pool.serialized();
    }
}

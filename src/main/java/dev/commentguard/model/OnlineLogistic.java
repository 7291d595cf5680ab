package dev.commentguard.model;

import weka.classifiers.AbstractClassifier;
import weka.classifiers.UpdateableClassifier;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;

import java.util.Random;

/**
 * Logistic regression learned one comment at a time, for data too large to hold: one sigmoid per class against
 * the rest (a single one for two classes), each weight by FTRL-Proximal (McMahan et al., "Ad click prediction: a
 * view from the trenches", 2013) with L2 regularisation. A comment touches only its own features' state, so an
 * update costs its non-zeros, whatever the dimension, and the regularisation of the others is never applied
 * eagerly. Probabilities are formed as LibLINEAR forms them (each class's sigmoid, divided by their sum), so a
 * trained model scores through {@link LinearPath} like a LibLINEAR one.
 *
 * <p>Memory: two doubles per feature and weight vector, whatever the number of comments. A Weka classifier
 * ({@link UpdateableClassifier}, serialisable, usable by Weka's {@code Evaluation}); like any, not thread-safe
 * while it learns.
 */
public final class OnlineLogistic extends AbstractClassifier implements UpdateableClassifier {

    private static final long serialVersionUID = 1L;

    /** The constant feature that plays the bias, as LibLINEAR's bias node of value 1. */
    static final double BIAS = 1.0;

    private final double alpha;
    private final double beta;
    private final double l2;
    private final int epochs;
    private final long seed;

    private int numClasses;
    private int classIndex;
    /** Features: the data's attributes but the class, then the bias; each weight vector's entries per feature. */
    private int numFeatures;
    private int vectors;
    private double[] z;
    private double[] n;

    /**
     * @param alpha  learning-rate scale
     * @param beta   learning-rate smoothing
     * @param l2     L2 regularisation strength
     * @param epochs the most passes over the data {@link #buildClassifier} makes, in a new random order each (see
     *               {@link #epochs(int)})
     * @param seed   the seed of those orders
     */
    public OnlineLogistic(double alpha, double beta, double l2, int epochs, long seed) {
        if (!(alpha > 0) || !(beta >= 0) || !(l2 >= 0) || epochs < 1) {
            throw new IllegalArgumentException("alpha > 0, beta >= 0, l2 >= 0 and epochs >= 1: " + alpha + ", " + beta
                    + ", " + l2 + ", " + epochs);
        }
        this.alpha = alpha;
        this.beta = beta;
        this.l2 = l2;
        this.epochs = epochs;
        this.seed = seed;
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities c = super.getCapabilities();
        c.disableAll();
        c.enable(Capabilities.Capability.NUMERIC_ATTRIBUTES);
        c.enable(Capabilities.Capability.NOMINAL_CLASS);
        return c;
    }

    @Override
    public String[] getOptions() {
        return new String[] {"-alpha", Double.toString(alpha), "-beta", Double.toString(beta), "-l2", Double.toString(l2),
                "-epochs", Integer.toString(epochs), "-S", Long.toString(seed)};
    }

    /**
     * Updates a model is trained with, at most {@link #epochs} passes: small data sets are passed over several
     * times, and from this many comments on, once.
     */
    static final int UPDATES = 180_000;

    /** Passes over {@code comments} comments that training makes: enough for {@link #UPDATES}, at least one. */
    public int epochs(int comments) {
        return Math.max(1, Math.min(epochs, (int) Math.ceil(UPDATES / (double) Math.max(1, comments))));
    }

    /** Starts afresh for data shaped as {@code header} (numeric attributes and a nominal class), learning nothing. */
    public void start(Instances header) {
        numClasses = header.numClasses();
        if (numClasses < 2) {
            throw new IllegalArgumentException("online logistic regression needs two classes or more: " + numClasses);
        }
        classIndex = header.classIndex();
        numFeatures = header.numAttributes(); // the attributes but the class, plus the bias
        vectors = numClasses == 2 ? 1 : numClasses;
        z = new double[numFeatures * vectors];
        n = new double[numFeatures * vectors];
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        start(data);
        int[] order = new int[data.numInstances()];
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs(order.length); epoch++) {
            for (int i : shuffle(order, random)) {
                updateClassifier(data.instance(i));
            }
        }
    }

    /** Fills {@code order} with a fresh random order of its indices (Fisher-Yates) and returns it. */
    static int[] shuffle(int[] order, Random random) {
        for (int i = 0; i < order.length; i++) {
            int j = random.nextInt(i + 1);
            order[i] = order[j];
            order[j] = i;
        }
        return order;
    }

    @Override
    public void updateClassifier(Instance x) {
        if (!x.classIsMissing()) {
            Sparse s = new Sparse(x);
            update(s.indices, s.values, s.count, (int) x.classValue(), x.weight());
        }
    }

    /** An instance's features (0-based, the class left out) and values. */
    private final class Sparse {
        final int[] indices;
        final double[] values;
        int count;

        Sparse(Instance x) {
            indices = new int[x.numValues()];
            values = new double[x.numValues()];
            for (int k = 0; k < x.numValues(); k++) {
                int a = x.index(k);
                if (a != classIndex) {
                    indices[count] = a < classIndex ? a : a - 1; // attributes after the class move down one
                    values[count++] = x.valueSparse(k);
                }
            }
        }
    }

    /**
     * Learns from one comment: features {@code indices[0, count)} (0-based, the bias left out, in any order) with
     * their values, its class, and how many comments it counts as.
     */
    void update(int[] indices, double[] values, int count, int label, double weight) {
        for (int v = 0; v < vectors; v++) {
            double y = (vectors == 1 ? label == 0 : label == v) ? 1 : 0;
            double p = sigmoid(decision(indices, values, count, v));
            double g = weight * (p - y);
            for (int k = 0; k < count; k++) {
                learn(indices[k] * vectors + v, g * values[k]);
            }
            learn((numFeatures - 1) * vectors + v, g * BIAS);
        }
    }

    private void learn(int i, double g) {
        double w = weight(i);
        double sigma = (Math.sqrt(n[i] + g * g) - Math.sqrt(n[i])) / alpha;
        z[i] += g - sigma * w;
        n[i] += g * g;
    }

    private double weight(int i) {
        return -z[i] / ((beta + Math.sqrt(n[i])) / alpha + l2);
    }

    private double decision(int[] indices, double[] values, int count, int v) {
        double d = weight((numFeatures - 1) * vectors + v) * BIAS;
        for (int k = 0; k < count; k++) {
            d += weight(indices[k] * vectors + v) * values[k];
        }
        return d;
    }

    private static double sigmoid(double d) {
        return 1 / (1 + Math.exp(-d));
    }

    @Override
    public double[] distributionForInstance(Instance x) {
        Sparse s = new Sparse(x);
        return linearPath().distribution(s.indices, s.values, s.count);
    }

    /**
     * The weights as LibLINEAR's arrays: feature rows (the bias last) of one weight per vector, the vectors in class
     * order (the single vector of two classes is the first class's).
     */
    LinearPath linearPath() {
        if (z == null) {
            throw new IllegalStateException("the model has not been trained");
        }
        double[] w = new double[z.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(i);
        }
        int[] labels = new int[numClasses];
        for (int c = 0; c < numClasses; c++) {
            labels[c] = c;
        }
        return new LinearPath(labels, numFeatures - 1, BIAS, w, numClasses);
    }

    @Override
    public String toString() {
        return "OnlineLogistic " + String.join(" ", getOptions())
                + (z == null ? " (not trained)" : ", " + (numFeatures - 1) + " features, " + numClasses + " classes");
    }
}

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
 * <p>Memory: two doubles per feature and weight vector in the file, six while it learns (the packed state beside
 * them), whatever the number of comments. A Weka classifier
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
     * The learning state, packed: entry {@code i} at {@code 4i} holds {@code z}, {@code n}, {@code sqrt(n)} and the
     * weight, so that an update reads one place an entry (one cache line, where separate arrays took four) and takes
     * one square root and one division instead of four and three, with the same numbers: each is computed by the
     * same expression from the same values. The file stores {@link #z} and {@link #n} alone, written from here
     * ({@link #settle}).
     */
    private transient double[] state;

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
        state = new double[4 * z.length];
    }

    /** The packed state of a model read from a file, which stores only {@code z} and {@code n}. */
    private void unpack() {
        if (state == null) {
            state = new double[4 * z.length];
            for (int i = 0; i < z.length; i++) {
                state[4 * i] = z[i];
                state[4 * i + 1] = n[i];
                state[4 * i + 2] = Math.sqrt(n[i]);
                state[4 * i + 3] = weight(i);
            }
        }
    }

    /** Copies what has been learned to the stored arrays. */
    private void settle() {
        if (state != null) {
            for (int i = 0; i < z.length; i++) {
                z[i] = state[4 * i];
                n[i] = state[4 * i + 1];
            }
        }
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        settle();
        out.defaultWriteObject();
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
     * their values, its class, and how many comments it counts as. Each vector's sigmoid is taken first, then each
     * vector's weights learned (a vector's entries are its own, so the order changes nothing); returns the sigmoids.
     */
    double[] update(int[] indices, double[] values, int count, int label, double weight) {
        unpack();
        double[] sigmoids = new double[vectors];
        for (int v = 0; v < vectors; v++) {
            sigmoids[v] = sigmoid(decision(indices, values, count, v));
        }
        for (int v = 0; v < vectors; v++) {
            double y = (vectors == 1 ? label == 0 : label == v) ? 1 : 0;
            double g = weight * (sigmoids[v] - y);
            for (int k = 0; k < count; k++) {
                learn(indices[k] * vectors + v, g * values[k]);
            }
            learn((numFeatures - 1) * vectors + v, g * BIAS);
        }
        return sigmoids;
    }

    /**
     * As {@link #update}, returning the comment's class probabilities before it learned from it, formed as
     * {@link LinearPath} forms them: progressive validation's score, for the work of the update alone.
     */
    double[] predictThenUpdate(int[] indices, double[] values, int count, int label, double weight) {
        return probabilities(update(indices, values, count, label, weight));
    }

    private void learn(int i, double g) {
        int at = 4 * i;
        double root = Math.sqrt(state[at + 1] + g * g);
        double sigma = (root - state[at + 2]) / alpha;
        double zi = state[at] + (g - sigma * state[at + 3]);
        state[at] = zi;
        state[at + 1] += g * g;
        state[at + 2] = root;
        state[at + 3] = -zi / ((beta + root) / alpha + l2);
    }

    /** The weight of entry {@code i}, from the stored arrays. */
    private double weight(int i) {
        return -z[i] / ((beta + Math.sqrt(n[i])) / alpha + l2);
    }

    private double decision(int[] indices, double[] values, int count, int v) {
        double d = state[4 * ((numFeatures - 1) * vectors + v) + 3] * BIAS;
        for (int k = 0; k < count; k++) {
            d += state[4 * (indices[k] * vectors + v) + 3] * values[k];
        }
        return d;
    }

    /** Class probabilities from each vector's sigmoid, as LibLINEAR forms them. */
    private double[] probabilities(double[] sigmoids) {
        double[] p = new double[numClasses];
        if (vectors == 1) {
            p[0] = sigmoids[0];
            p[1] = 1 - sigmoids[0];
            return p;
        }
        double sum = 0;
        for (int v = 0; v < vectors; v++) {
            sum += sigmoids[v];
        }
        for (int v = 0; v < vectors; v++) {
            p[v] = sigmoids[v] / sum;
        }
        return p;
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
        settle();
        double[] weights = new double[z.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight(i);
        }
        int[] labels = new int[numClasses];
        for (int c = 0; c < numClasses; c++) {
            labels[c] = c;
        }
        return new LinearPath(labels, numFeatures - 1, BIAS, weights, numClasses);
    }

    @Override
    public String toString() {
        return "OnlineLogistic " + String.join(" ", getOptions())
                + (z == null ? " (not trained)" : ", " + (numFeatures - 1) + " features, " + numClasses + " classes");
    }
}

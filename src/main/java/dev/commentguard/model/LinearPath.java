package dev.commentguard.model;

import dev.commentguard.features.SparseVector;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A LibLINEAR logistic regression model as plain arrays, scored without Weka or LibLINEAR objects: the
 * model file stores these arrays beside the serialised Weka classifier, so that scoring needs neither
 * Java deserialisation nor Weka's classes. The arithmetic repeats LibLINEAR 2.44's
 * {@code Linear.predictValues} and {@code predictProbability} step for step ({@code Math.exp}, the bias node
 * after the last attribute, zeros left out), and maps LibLINEAR's labels back to class indices as Weka does.
 * The features are added in the vector's order: for a vector in index order (a model with an exact vocabulary)
 * that is the order of Weka's {@code LibLINEAR.instanceToArray}, and the probabilities are Weka's own numbers;
 * hashed n-grams come unordered, and the same sums in another order agree with Weka's to 1e-12
 * ({@code LinearPathTest}).
 * Immutable and thread-safe.
 */
final class LinearPath {

    private final int[] labels;
    private final int numFeatures;
    private final double bias;
    /** Row-major: the weights of feature {@code f} (1-based) for each weight vector are at {@code (f - 1) * perFeature}. */
    private final double[] w;
    private final int perFeature;
    private final int numClasses;

    /**
     * @param labels      LibLINEAR's label order: the class index behind each of its weight vectors
     * @param numFeatures LibLINEAR's {@code nr_feature}; the bias node has index {@code numFeatures + 1}
     * @param bias        value of the bias node, or negative for none
     * @param w           LibLINEAR's weights, {@code numFeatures (+1 with a bias)} rows of one weight per
     *                    vector (one vector in all for two classes)
     * @param numClasses  the model's number of labels
     */
    LinearPath(int[] labels, int numFeatures, double bias, double[] w, int numClasses) {
        this.labels = labels.clone();
        this.numFeatures = numFeatures;
        this.bias = bias;
        this.w = w;
        this.perFeature = labels.length == 2 ? 1 : labels.length;
        this.numClasses = numClasses;
        if (labels.length < 2 || numFeatures < 0 || w.length != (long) (numFeatures + (bias >= 0 ? 1 : 0)) * perFeature) {
            throw new IllegalArgumentException("inconsistent linear model: " + labels.length + " labels, "
                    + numFeatures + " features, " + w.length + " weights");
        }
        for (int label : labels) {
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("linear model label " + label + " is not a class index below " + numClasses);
            }
        }
    }

    /** Probability of each class for a feature vector (0-based indices, sorted). */
    double[] distribution(SparseVector vector) {
        return distribution(vector.indices(), vector.values(), vector.size());
    }

    /** Probability of each class for the features {@code indices[0, count)} (0-based) with their values. */
    double[] distribution(int[] indices, double[] values, int count) {
        int n = bias >= 0 ? numFeatures + 1 : numFeatures;
        double[] dec = perFeature == 3 ? threeClasses(indices, values, count, n) : new double[perFeature];
        if (perFeature != 3) {
            for (int k = 0; k < count; k++) {
                if (values[k] != 0) {
                    add(dec, indices[k] + 1, values[k], n);
                }
            }
        }
        if (bias >= 0) {
            add(dec, numFeatures + 1, bias, n);
        }
        int nrClass = labels.length;
        double[] p = new double[nrClass];
        for (int i = 0; i < perFeature; i++) {
            p[i] = 1 / (1 + Math.exp(-dec[i]));
        }
        if (nrClass == 2) {
            p[1] = 1. - p[0];
        } else {
            double sum = 0;
            for (int i = 0; i < nrClass; i++) {
                sum += p[i];
            }
            for (int i = 0; i < nrClass; i++) {
                p[i] = p[i] / sum;
            }
        }
        double[] result = new double[numClasses];
        for (int i = 0; i < nrClass; i++) {
            result[labels[i]] = p[i];
        }
        return result;
    }

    /**
     * The sums of {@link #distribution} for the usual three classes, in registers rather than an array: the same
     * additions in the same order, so the same bits, without a store and reload per feature.
     */
    private double[] threeClasses(int[] indices, double[] values, int count, int n) {
        double d0 = 0;
        double d1 = 0;
        double d2 = 0;
        for (int k = 0; k < count; k++) {
            double value = values[k];
            int index = indices[k] + 1;
            if (value != 0 && index <= n) {
                int row = (index - 1) * 3;
                d0 += w[row] * value;
                d1 += w[row + 1] * value;
                d2 += w[row + 2] * value;
            }
        }
        return new double[] {d0, d1, d2};
    }

    private void add(double[] dec, int index, double value, int n) {
        if (index <= n) {
            int row = (index - 1) * perFeature;
            for (int i = 0; i < perFeature; i++) {
                dec[i] += w[row + i] * value;
            }
        }
    }

    /**
     * How strongly feature {@code feature} (0-based) pushes towards class {@code label}: LibLINEAR's
     * {@code getDecfunCoef}, which negates the single weight vector of a two-class model for its second label.
     */
    double weight(int label, int feature) {
        if (feature + 1 > numFeatures) {
            return 0;
        }
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] == label) {
                return perFeature == 1 ? (k == 0 ? w[feature] : -w[feature]) : w[feature * perFeature + k];
            }
        }
        return 0;
    }

    /** Writes the arrays: label count, labels, features, bias, weight count, weights. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(labels.length);
        for (int label : labels) {
            out.writeInt(label);
        }
        out.writeInt(numFeatures);
        out.writeDouble(bias);
        out.writeInt(w.length);
        ByteBuffer weights = ByteBuffer.allocate(w.length * Double.BYTES);
        weights.asDoubleBuffer().put(w);
        out.write(weights.array());
    }

    /** Reads what {@link #write} wrote; throws {@link IllegalArgumentException} on inconsistent sizes. */
    static LinearPath read(ByteBuffer in, int numClasses) {
        int nrClass = in.getInt();
        if (nrClass < 2 || nrClass > numClasses) {
            throw new IllegalArgumentException("linear model with " + nrClass + " labels for " + numClasses + " classes");
        }
        int[] labels = new int[nrClass];
        in.asIntBuffer().get(labels);
        in.position(in.position() + nrClass * Integer.BYTES);
        int numFeatures = in.getInt();
        double bias = in.getDouble();
        int count = in.getInt();
        if (count < 0 || (long) count * Double.BYTES > in.remaining()) {
            throw new IllegalArgumentException("linear model of " + count + " weights in " + in.remaining() + " bytes");
        }
        double[] w = new double[count];
        in.asDoubleBuffer().get(w);
        in.position(in.position() + count * Double.BYTES);
        return new LinearPath(labels, numFeatures, bias, w, numClasses);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearPath p && Arrays.equals(labels, p.labels) && numFeatures == p.numFeatures
                && Double.compare(bias, p.bias) == 0 && Arrays.equals(w, p.w) && numClasses == p.numClasses;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w);
    }
}

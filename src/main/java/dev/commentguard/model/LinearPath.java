package dev.commentguard.model;

import de.bwaldvogel.liblinear.Linear;
import dev.commentguard.features.SparseVector;
import weka.classifiers.Classifier;
import weka.classifiers.functions.LibLINEAR;

/**
 * Scores straight through LibLINEAR's own prediction code, skipping Weka's per-instance machinery
 * (instance objects, missing-value and nominal filters, the classifier pool). It builds exactly the
 * feature array Weka's {@code LibLINEAR.instanceToArray} builds (1-based indices, zeros left out, the
 * bias node after the class attribute) and maps LibLINEAR's labels back to class indices as Weka does,
 * so the probabilities are the same numbers; {@code LinearPathTest} checks that on our corpus.
 * Immutable; {@link Linear#predictProbability} only reads the model, so this is thread-safe.
 */
final class LinearPath {

    private final double[] w;
    /** Weight columns: one for two classes, else one per class. */
    private final int nrW;
    private final int nrClass;
    /** Highest feature index LibLINEAR reads: its features, plus the bias feature when there is one. */
    private final int limit;
    private final double bias;
    private final int biasIndex;
    private final int[] labels;
    private final int numClasses;

    private LinearPath(de.bwaldvogel.liblinear.Model model, double bias, int numAttributes, int numClasses) {
        this.w = model.getFeatureWeights();
        this.nrClass = model.getNrClass();
        this.nrW = nrClass == 2 ? 1 : nrClass;
        this.limit = model.getBias() >= 0 ? model.getNrFeature() + 1 : model.getNrFeature();
        this.bias = bias;
        this.biasIndex = numAttributes + 1;
        this.labels = model.getLabels();
        this.numClasses = numClasses;
    }

    /**
     * The fast path for {@code classifier}, or {@code null} when it is not a LibLINEAR probability model
     * with the settings we train (no normalisation filter).
     *
     * @param numAttributes attributes of the Weka data set, class included
     */
    static LinearPath of(Classifier classifier, int numAttributes, int numClasses) {
        if (!(classifier instanceof LibLINEAR lr) || lr.getModel() == null || !lr.getProbabilityEstimates()
                || lr.getNormalize() || !lr.getModel().isProbabilityModel()) {
            return null;
        }
        return new LinearPath(lr.getModel(), lr.getBias(), numAttributes, numClasses);
    }

    /**
     * The class probabilities, computed as {@code Linear.predictProbability} computes them — the same
     * products summed in the same order, the same logistic and normalisation — but straight from the
     * weight array, without building a feature node object per feature.
     */
    double[] distribution(SparseVector vector) {
        double[] p = new double[nrClass];
        int[] indices = vector.indices();
        double[] values = vector.values();
        for (int i = 0; i < indices.length; i++) {
            if (values[i] != 0) {
                add(p, indices[i] + 1, values[i]);
            }
        }
        if (bias >= 0) {
            add(p, biasIndex, bias);
        }
        for (int c = 0; c < nrW; c++) {
            p[c] = 1 / (1 + Math.exp(-p[c]));
        }
        if (nrClass == 2) {
            p[1] = 1. - p[0];
        } else {
            double sum = 0;
            for (int c = 0; c < nrClass; c++) {
                sum += p[c];
            }
            for (int c = 0; c < nrClass; c++) {
                p[c] = p[c] / sum;
            }
        }
        double[] result = new double[numClasses];
        for (int i = 0; i < labels.length; i++) {
            result[labels[i]] = p[i];
        }
        return result;
    }

    /** Adds feature {@code index} (1-based) with {@code value} to the decision values, as {@code Linear.predictValues} does. */
    private void add(double[] decision, int index, double value) {
        if (index <= limit) { // LibLINEAR ignores features beyond those it was trained on
            int base = (index - 1) * nrW;
            for (int c = 0; c < nrW; c++) {
                decision[c] += w[base + c] * value;
            }
        }
    }
}

package dev.commentguard.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
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

    private final de.bwaldvogel.liblinear.Model model;
    private final double bias;
    private final int biasIndex;
    private final int[] labels;
    private final int numClasses;

    private LinearPath(de.bwaldvogel.liblinear.Model model, double bias, int numAttributes, int numClasses) {
        this.model = model;
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

    double[] distribution(SparseVector vector) {
        int n = 0;
        for (double v : vector.values()) {
            if (v != 0) {
                n++;
            }
        }
        Feature[] nodes = new Feature[n + (bias >= 0 ? 1 : 0)];
        int k = 0;
        int[] indices = vector.indices();
        double[] values = vector.values();
        for (int i = 0; i < indices.length; i++) {
            if (values[i] != 0) {
                nodes[k++] = new FeatureNode(indices[i] + 1, values[i]);
            }
        }
        if (bias >= 0) {
            nodes[k] = new FeatureNode(biasIndex, bias);
        }
        double[] probabilities = new double[model.getNrClass()];
        Linear.predictProbability(model, nodes, probabilities);
        double[] result = new double[numClasses];
        for (int i = 0; i < labels.length; i++) {
            result[labels[i]] = probabilities[i];
        }
        return result;
    }
}

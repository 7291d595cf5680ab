package dev.commentguard.model;

import weka.classifiers.Classifier;
import weka.classifiers.functions.LibLINEAR;
import weka.classifiers.functions.SMO;

/**
 * How strongly each feature pushes towards each class, read from a linear classifier, so that a verdict
 * can name the terms that weighed most. For logistic regression these are the model's own weights.
 * For a linear SMO the weight of feature f for class c sums, over
 * the pairwise machines that involve c, the machine's weight of f, signed towards c. Immutable.
 */
final class TermWeights {

    private final double[][] weights;

    private TermWeights(double[][] weights) {
        this.weights = weights;
    }

    /** The weights of {@code classifier}, or {@code null} when it is not a linear model we can read. */
    static TermWeights of(Classifier classifier, int numClasses, int dimension) {
        if (classifier instanceof LibLINEAR lr && lr.getModel() != null) {
            return ofLinear(lr.getModel(), numClasses, dimension);
        }
        if (!(classifier instanceof SMO smo) || smo.sparseWeights() == null) {
            return null;
        }
        double[][][] w = smo.sparseWeights();
        int[][][] idx = smo.sparseIndices();
        double[][] out = new double[numClasses][dimension];
        for (int i = 0; i < numClasses; i++) {
            for (int j = i + 1; j < numClasses; j++) {
                if (w[i] == null || w[i][j] == null) {
                    continue;
                }
                // A positive output of machine (i, j) votes for class j.
                for (int k = 0; k < w[i][j].length; k++) {
                    int f = idx[i][j][k];
                    if (f < dimension) {
                        out[j][f] += w[i][j][k];
                        out[i][f] -= w[i][j][k];
                    }
                }
            }
        }
        return new TermWeights(out);
    }

    /**
     * LibLINEAR keeps one weight vector per class (one for both when there are two), indexed from 1 by
     * feature and by its own label order; Weka passes each class's index as its label.
     */
    private static TermWeights ofLinear(de.bwaldvogel.liblinear.Model model, int numClasses, int dimension) {
        int[] labels = model.getLabels();
        double[][] out = new double[numClasses][dimension];
        for (int k = 0; k < labels.length; k++) {
            int c = labels[k];
            if (c < 0 || c >= numClasses) {
                continue;
            }
            for (int f = 0; f < Math.min(dimension, model.getNrFeature()); f++) {
                out[c][f] = model.getDecfunCoef(f + 1, k);
            }
        }
        return new TermWeights(out);
    }

    double weight(int label, int feature) {
        return weights[label][feature];
    }
}

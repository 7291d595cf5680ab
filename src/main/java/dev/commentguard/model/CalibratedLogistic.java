package dev.commentguard.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import weka.classifiers.functions.LibLINEAR;
import weka.core.Instance;
import weka.core.Instances;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * LibLINEAR logistic regression whose per-class sigmoids are refitted to held-out decision values
 * (Platt scaling): internal stratified cross-validation on the training data gives every training
 * comment a decision value from a model that did not see it; a sigmoid {@code 1 / (1 + exp(-(a d + b)))}
 * fitted to those values per class is then folded into the final model's weights ({@code a w}, bias
 * {@code a w0 + b}). The result is an ordinary LibLINEAR logistic model, so it is scored, explained and
 * saved like one; only its probabilities, and so the label with the highest one, change.
 *
 * <p>Why: L2 regularisation shrinks the decision values, most for the rarer classes, and the shrunken
 * sigmoid under-predicts them (on the SMS collection 64 of 68 errors were missed spam).
 *
 * <p>Honours integer instance weights, which LibLINEAR itself ignores: a comment of weight {@code k} is fitted as
 * {@code k} copies, all in the same internal fold (the folds are dealt before copying), so that no copy is scored
 * by a model that saw another. Like any Weka
 * classifier, not thread-safe while training; {@link Model} only reads it afterwards.
 */
final class CalibratedLogistic extends LibLINEAR {

    private static final long serialVersionUID = 1L;

    /** Folds of the internal cross-validation. */
    static final int FOLDS = 5;

    private final int seed;

    CalibratedLogistic(int seed) {
        this.seed = seed;
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        Instances shuffled = new Instances(data);
        shuffled.deleteWithMissingClass();
        shuffled.randomize(new Random(seed));
        shuffled.stratify(FOLDS);
        int numClasses = shuffled.numClasses();
        List<double[]> decisions = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            LibLINEAR inner = plainCopy();
            inner.buildClassifier(WekaData.replicated(shuffled.trainCV(FOLDS, f)));
            for (Instance x : shuffled.testCV(FOLDS, f)) {
                double[] values = decisionValues(inner.getModel(), x, numClasses);
                for (long k = Math.round(x.weight()); k > 0; k--) {
                    decisions.add(values);
                    classes.add((int) x.classValue());
                }
            }
        }
        super.buildClassifier(WekaData.replicated(data));
        double[][] sigmoids = new double[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            double[] d = new double[decisions.size()];
            boolean[] positive = new boolean[d.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = decisions.get(i)[c];
                positive[i] = classes.get(i) == c;
            }
            sigmoids[c] = Platt.fit(d, positive);
        }
        m_Model = rescaled(m_Model, sigmoids, getBias());
    }

    /** A LibLINEAR with this one's settings and no calibration, for the internal folds. */
    private LibLINEAR plainCopy() {
        LibLINEAR copy = new LibLINEAR();
        copy.setSVMType(getSVMType());
        copy.setCost(getCost());
        copy.setBias(getBias());
        copy.setEps(getEps());
        return copy;
    }

    /**
     * The decision value of every class (indexed by Weka class index) for one instance. With two classes
     * LibLINEAR keeps one weight vector, for its first label; the other class gets its negation.
     */
    private double[] decisionValues(de.bwaldvogel.liblinear.Model model, Instance x, int numClasses) {
        int[] labels = model.getLabels();
        double[] dec = new double[model.getNrClass() == 2 ? 1 : model.getNrClass()];
        Linear.predictValues(model, nodes(x), dec);
        double[] out = new double[numClasses];
        if (labels.length == 2) {
            out[labels[0]] = dec[0];
            out[labels[1]] = -dec[0];
        } else {
            for (int k = 0; k < labels.length; k++) {
                out[labels[k]] = dec[k];
            }
        }
        return out;
    }

    /** The feature array Weka's LibLINEAR builds: 1-based attribute indices, no zeros, no class, then the bias. */
    private Feature[] nodes(Instance x) {
        List<Feature> nodes = new ArrayList<>(x.numValues() + 1);
        for (int j = 0; j < x.numValues(); j++) {
            int index = x.index(j);
            double value = x.valueSparse(j);
            if (index != x.classIndex() && value != 0) {
                nodes.add(new FeatureNode(index + 1, value));
            }
        }
        if (getBias() >= 0) {
            nodes.add(new FeatureNode(x.numAttributes() + 1, getBias()));
        }
        return nodes.toArray(Feature[]::new);
    }

    /**
     * The model with each class's weight vector {@code w} replaced by {@code a w} and its bias weight
     * by {@code a w0 + b / bias}, through LibLINEAR's own text format (its fields are not public).
     */
    static de.bwaldvogel.liblinear.Model rescaled(de.bwaldvogel.liblinear.Model model, double[][] sigmoids, double bias)
            throws IOException {
        int[] labels = model.getLabels();
        int nrW = model.getNrClass() == 2 ? 1 : model.getNrClass();
        StringWriter text = new StringWriter();
        model.save(text);
        String[] lines = text.toString().split("\n");
        StringBuilder out = new StringBuilder();
        int row = -1;
        int rows = model.getNrFeature() + (bias >= 0 ? 1 : 0);
        for (String line : lines) {
            if (row < 0) {
                out.append(line).append('\n');
                if (line.equals("w")) {
                    row = 0;
                }
                continue;
            }
            String[] values = line.trim().split(" ");
            boolean biasRow = bias >= 0 && row == rows - 1;
            for (int k = 0; k < nrW; k++) {
                double[] ab = sigmoids[labels[k]];
                double w = ab[0] * Double.parseDouble(values[k]) + (biasRow ? ab[1] / bias : 0);
                out.append(w).append(' ');
            }
            out.append('\n');
            row++;
        }
        return de.bwaldvogel.liblinear.Model.load(new StringReader(out.toString()));
    }
}

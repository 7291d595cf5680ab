package dev.commentguard.training;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.commentguard.SharedDatasets;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.NgramSettings;
import dev.commentguard.features.Prepared;
import dev.commentguard.features.SparseVector;
import dev.commentguard.model.Platt;
import dev.commentguard.text.NormalizedText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A measuring bench, not a test: 10-fold cross-validated MCC on the SMS Spam Collection (or the merged
 * YouTube set) for learner and feature variants, with the quality benchmark's fold assignment
 * ({@link Folds#stratified}, seed 1). Each fold's vocabulary is fitted on its training part only.
 * Learners run through LibLINEAR directly, which is what Weka's LibLINEAR wraps.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:<deps> dev.commentguard.training.SmsExperiment [sms|youtube|youtubeN]
 * [VARIANT;VARIANT...|trainer]}; {@code trainer} runs the training tool itself instead. Every variant takes
 * minutes on two cores (the Platt and threshold learners fit six models a fold). Figures: docs/benchmarks.md.
 */
public final class SmsExperiment {

    private static final int FOLDS = 10;

    /** A learner: trains on the fold's training vectors and returns a spam/ham decision per test vector. */
    interface Learner {
        boolean[] fitPredict(Feature[][] train, double[] y, int dim, Feature[][] test);
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Linear.disableDebugOutput();
        String set = args.length > 0 ? args[0] : "sms";
        List<LabelledComment> data = new ArrayList<>();
        String spam;
        if (set.startsWith("youtube")) {
            // "youtube": all five videos merged; "youtube3": the third video alone
            List<java.nio.file.Path> files = SharedDatasets.youtubeFiles();
            if (set.length() > "youtube".length()) {
                files = List.of(files.get(Integer.parseInt(set.substring("youtube".length())) - 1));
            }
            for (var f : files) {
                data.addAll(SharedDatasets.readYoutube(f));
            }
            spam = "1";
        } else {
            data = SharedDatasets.readSms();
            spam = "spam";
        }
        if (args.length > 1 && args[1].equals("trainer")) {
            // The training tool itself, as the quality benchmark runs it.
            long start = System.nanoTime();
            var m = Trainer.train(data, TrainingOptions.defaults().withPositiveLabel(spam).withFolds(FOLDS), ProgressListener.NONE)
                    .crossValidated();
            System.out.printf("Trainer, %s: accuracy %.4f MCC %.4f ROC AUC %.4f (%.0f s)%n", set, m.accuracy(), m.mcc(), m.rocAuc(),
                    (System.nanoTime() - start) / 1e9);
            return;
        }
        List<Prepared> prepared = FeaturePipeline.prepareAll(data.stream().map(LabelledComment::comment).toList(),
                FeatureSettings.CURRENT_VERSION);
        boolean[] isSpam = new boolean[data.size()];
        int[] classes = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            isSpam[i] = data.get(i).label().equals(spam);
            // labels in sorted order, as Trainer assigns them: "0" < "1", "ham" < "spam"
            classes[i] = isSpam[i] ? 1 : 0;
        }
        int[] fold = Folds.stratified(classes, 2, FOLDS, 1);

        Map<String, Learner> learners = new LinkedHashMap<>();
        for (double c : new double[] {10, 30}) {
            learners.put("LR C=" + c, plain(SolverType.L2R_LR, c, false));
            learners.put("LR C=" + c + " balanced", plain(SolverType.L2R_LR, c, true));
            learners.put("LR C=" + c + " Platt", tuned(SolverType.L2R_LR, c, false));
            learners.put("LR C=" + c + " inner-MCC threshold", tuned(SolverType.L2R_LR, c, true));
        }
        for (double c : new double[] {0.3, 1}) {
            learners.put("SVM-L2 C=" + c, plain(SolverType.L2R_L2LOSS_SVC, c, false));
            learners.put("SVM-L2 C=" + c + " balanced", plain(SolverType.L2R_L2LOSS_SVC, c, true));
            learners.put("SVM-L2 C=" + c + " Platt", tuned(SolverType.L2R_L2LOSS_SVC, c, false));
        }
        Map<String, FeatureVariant> variants = new LinkedHashMap<>();
        // "tokens": n-grams from the canonical text (contact details as placeholders), the default before contactTokens.
        FeatureSettings tokens = new FeatureSettings(NgramSettings.DEFAULT, true, FeatureSettings.DEFAULT_SIGNAL_WEIGHT,
                FeatureSettings.NgramText.PLACEHOLDERS);
        FeatureSettings noSignals = tokens.withSignals(false);
        variants.put("default", new FeatureVariant(FeatureSettings.DEFAULT, UnaryOperator.identity()));
        variants.put("tokens", new FeatureVariant(tokens, UnaryOperator.identity()));
        variants.put("tokens, no signals", new FeatureVariant(noSignals, UnaryOperator.identity()));
        variants.put("raw lower-case text", new FeatureVariant(tokens, SmsExperiment::rawLower));
        variants.put("raw lower-case text, no signals", new FeatureVariant(noSignals, SmsExperiment::rawLower));
        variants.put("clean text (digits, no tokens)", new FeatureVariant(tokens, SmsExperiment::clean));
        List<String> only = args.length > 1 ? List.of(args[1].split(";")) : List.of();
        variants.keySet().removeIf(k -> !only.isEmpty() && !only.contains(k));

        for (var variant : variants.entrySet()) {
            Map<String, boolean[]> predictions = new LinkedHashMap<>();
            for (String name : learners.keySet()) {
                predictions.put(name, new boolean[data.size()]);
            }
            long start = System.nanoTime();
            for (int k = 0; k < FOLDS; k++) {
                runFold(k, fold, prepared, isSpam, variant.getValue(), learners, predictions);
            }
            System.out.printf("%n%s (%s, %.0f s)%n", variant.getKey(), set, (System.nanoTime() - start) / 1e9);
            for (var e : predictions.entrySet()) {
                System.out.printf("  %-40s MCC %.4f  acc %.4f  FP %d  FN %d%n", e.getKey(), mcc(isSpam, e.getValue()),
                        accuracy(isSpam, e.getValue()), count(isSpam, e.getValue(), false), count(isSpam, e.getValue(), true));
            }
        }
    }

    record FeatureVariant(FeatureSettings settings, UnaryOperator<Prepared> text) {
    }

    static Prepared withCanonical(Prepared p, String canonical) {
        NormalizedText t = p.text();
        return new Prepared(new NormalizedText(t.raw(), t.clean(), canonical, t.urls(), t.emails(), t.phones()), p.signals());
    }

    static Prepared rawLower(Prepared p) {
        return withCanonical(p, p.text().raw().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip());
    }

    static Prepared clean(Prepared p) {
        return withCanonical(p, p.text().clean());
    }

    private static void runFold(int k, int[] fold, List<Prepared> all, boolean[] isSpam, FeatureVariant variant,
                                Map<String, Learner> learners, Map<String, boolean[]> predictions) {
        List<Prepared> train = new ArrayList<>();
        List<Integer> trainIndex = new ArrayList<>();
        List<Integer> testIndex = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (fold[i] == k) {
                testIndex.add(i);
            } else {
                trainIndex.add(i);
                train.add(variant.text().apply(all.get(i)));
            }
        }
        FeaturePipeline pipeline = FeaturePipeline.fit(train, variant.settings());
        int dim = pipeline.dimension();
        Feature[][] xTrain = new Feature[trainIndex.size()][];
        double[] y = new double[trainIndex.size()];
        for (int j = 0; j < xTrain.length; j++) {
            xTrain[j] = nodes(pipeline.vectorize(train.get(j)).vector(), dim);
            y[j] = isSpam[trainIndex.get(j)] ? 1 : 0;
        }
        Feature[][] xTest = new Feature[testIndex.size()][];
        for (int j = 0; j < xTest.length; j++) {
            xTest[j] = nodes(pipeline.vectorize(variant.text().apply(all.get(testIndex.get(j)))).vector(), dim);
        }
        for (var e : learners.entrySet()) {
            boolean[] p = e.getValue().fitPredict(xTrain, y, dim, xTest);
            for (int j = 0; j < p.length; j++) {
                predictions.get(e.getKey())[testIndex.get(j)] = p[j];
            }
        }
    }

    /** LibLINEAR nodes with the bias feature (value 1) at index {@code dim + 1}, as Weka's wrapper builds them. */
    static Feature[] nodes(SparseVector v, int dim) {
        Feature[] out = new Feature[v.size() + 1];
        for (int i = 0; i < v.size(); i++) {
            out[i] = new FeatureNode(v.indices()[i] + 1, v.values()[i]);
        }
        out[v.size()] = new FeatureNode(dim + 1, 1.0);
        return out;
    }

    static Problem problem(Feature[][] x, double[] y, int dim) {
        Problem p = new Problem();
        p.l = x.length;
        p.n = dim + 1;
        p.x = x;
        p.y = y;
        p.bias = 1.0;
        return p;
    }

    /** Decision value for the spam class (label 1). */
    static double decision(de.bwaldvogel.liblinear.Model m, Feature[] x) {
        double[] dec = new double[1];
        Linear.predictValues(m, x, dec);
        return m.getLabels()[0] == 1 ? dec[0] : -dec[0];
    }

    /** Trains on all of {@code train} and decides by the sign of the decision value; balanced: class weights n / (2 n_class). */
    static Learner plain(SolverType type, double c, boolean balanced) {
        return (train, y, dim, test) -> {
            Parameter p = new Parameter(type, c, 0.001);
            if (balanced) {
                double pos = 0;
                for (double v : y) pos += v;
                p.setWeights(new double[] {y.length / (2 * (y.length - pos)), y.length / (2 * pos)}, new int[] {0, 1});
            }
            return above(Linear.train(problem(train, y, dim), p), test, 0);
        };
    }

    static boolean[] above(de.bwaldvogel.liblinear.Model m, Feature[][] test, double threshold) {
        boolean[] out = new boolean[test.length];
        for (int i = 0; i < test.length; i++) {
            out[i] = decision(m, test[i]) > threshold;
        }
        return out;
    }

    /**
     * Trains on all of {@code train}; the decision threshold comes from 5-fold cross-validated decision
     * values on {@code train} alone: either the Platt sigmoid's 0.5 point or the MCC-best threshold.
     */
    static Learner tuned(SolverType type, double c, boolean mccThreshold) {
        return (train, y, dim, test) -> {
            int inner = 5;
            double[] dec = new double[train.length];
            for (int f = 0; f < inner; f++) {
                List<Feature[]> xs = new ArrayList<>();
                List<Double> ys = new ArrayList<>();
                for (int i = 0; i < train.length; i++) {
                    if (i % inner != f) {
                        xs.add(train[i]);
                        ys.add(y[i]);
                    }
                }
                var m = Linear.train(problem(xs.toArray(Feature[][]::new), ys.stream().mapToDouble(Double::doubleValue).toArray(), dim),
                        new Parameter(type, c, 0.001));
                for (int i = f; i < train.length; i += inner) {
                    dec[i] = decision(m, train[i]);
                }
            }
            double threshold;
            if (mccThreshold) {
                threshold = bestMccThreshold(dec, y);
            } else {
                boolean[] positive = new boolean[y.length];
                for (int i = 0; i < y.length; i++) {
                    positive[i] = y[i] == 1;
                }
                double[] ab = Platt.fit(dec, positive);
                threshold = -ab[1] / ab[0];
            }
            return above(Linear.train(problem(train, y, dim), new Parameter(type, c, 0.001)), test, threshold);
        };
    }

    static double bestMccThreshold(double[] dec, double[] y) {
        Integer[] order = new Integer[dec.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(dec[b], dec[a]));
        double pos = 0;
        for (double v : y) pos += v;
        double neg = y.length - pos;
        double tp = 0, fp = 0, best = -2, threshold = 0;
        for (int k = 0; k < order.length; k++) {
            if (y[order[k]] == 1) tp++; else fp++;
            if (k + 1 < order.length && dec[order[k + 1]] == dec[order[k]]) continue;
            double fn = pos - tp, tn = neg - fp;
            double d = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
            double m = d == 0 ? 0 : (tp * tn - fp * fn) / d;
            if (m > best) {
                best = m;
                threshold = k + 1 < order.length ? (dec[order[k]] + dec[order[k + 1]]) / 2 : dec[order[k]] - 1;
            }
        }
        return threshold;
    }

    static double mcc(boolean[] truth, boolean[] predicted) {
        double tp = 0, tn = 0, fp = 0, fn = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] && predicted[i]) tp++;
            else if (truth[i]) fn++;
            else if (predicted[i]) fp++;
            else tn++;
        }
        double d = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        return d == 0 ? 0 : (tp * tn - fp * fn) / d;
    }

    /** False negatives ({@code spam} true) or false positives. */
    static int count(boolean[] truth, boolean[] predicted, boolean spam) {
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == spam && predicted[i] != spam) n++;
        }
        return n;
    }

    static double accuracy(boolean[] truth, boolean[] predicted) {
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) ok++;
        }
        return ok / (double) truth.length;
    }
}

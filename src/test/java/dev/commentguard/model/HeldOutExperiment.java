package dev.commentguard.model;

import dev.commentguard.Thresholds;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Prediction;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.NgramSettings;
import dev.commentguard.features.Prepared;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import weka.classifiers.functions.LibLINEAR;
import weka.core.Instances;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A measuring bench, not a test: trains on training-data/train.csv and prints accuracy and MCC on
 * training-data/heldout.csv for each n-gram text, by plain and by Platt-calibrated
 * logistic regression (the final model only: no cross-validation, so no thresholds). Figures: docs/benchmarks.md.
 */
public final class HeldOutExperiment {

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        var articles = CommentReader.readArticles(Path.of("training-data/articles.csv"));
        List<InputRow> train = CommentReader.read(Path.of("training-data/train.csv"), InputOptions.DEFAULT, articles, true);
        List<InputRow> test = CommentReader.read(Path.of("training-data/heldout.csv"), InputOptions.DEFAULT, articles, true);
        List<String> labels = List.copyOf(new TreeSet<>(train.stream().map(InputRow::label).toList()));
        List<Prepared> trainPrepared = FeaturePipeline.prepareAll(train.stream().map(InputRow::comment).toList(),
                FeatureSettings.CURRENT_VERSION);
        List<Prepared> testPrepared = FeaturePipeline.prepareAll(test.stream().map(InputRow::comment).toList(),
                FeatureSettings.CURRENT_VERSION);
        for (FeatureSettings.NgramText text : FeatureSettings.NgramText.values()) {
            FeatureSettings settings = new FeatureSettings(NgramSettings.DEFAULT, true, FeatureSettings.DEFAULT_SIGNAL_WEIGHT, text);
            FeaturePipeline pipeline = FeaturePipeline.fit(trainPrepared, settings);
            Instances data = new Instances(WekaData.header(pipeline.dimension(), labels), train.size());
            for (int i = 0; i < train.size(); i++) {
                data.add(WekaData.instance(pipeline.vectorize(trainPrepared.get(i)).vector(), data, labels.indexOf(train.get(i).label())));
            }
            for (boolean calibrated : new boolean[] {false, true}) {
                LibLINEAR lr = (LibLINEAR) Learner.LOGISTIC.create(1, labels.size());
                if (calibrated) {
                    // what the logistic learner does with two classes, applied to our three
                    LibLINEAR plain = lr;
                    lr = new CalibratedLogistic(1);
                    lr.setOptions(plain.getOptions());
                }
                lr.buildClassifier(data);
                List<Prediction> p = new ArrayList<>();
                for (int i = 0; i < test.size(); i++) {
                    double[] d = lr.distributionForInstance(WekaData.instance(pipeline.vectorize(testPrepared.get(i)).vector(), data, -1));
                    int best = 0;
                    for (int k = 1; k < d.length; k++) {
                        best = d[k] > d[best] ? k : best;
                    }
                    p.add(new Prediction(test.get(i).label(), labels.get(best), d[labels.indexOf("spam")]));
                }
                Metrics m = Metrics.of(p, labels, "spam", new Thresholds(0.5, 0.5));
                System.out.printf("n-gram text %-12s calibrated %-5s  held-out accuracy %.4f  MCC %.4f  spam ROC AUC %.4f%n",
                        text.code(), calibrated, m.accuracy(), m.mcc(), m.rocAuc());
            }
        }
    }
}

package dev.commentguard.bench;

import dev.commentguard.CommentScorer;
import dev.commentguard.SharedDatasets;
import dev.commentguard.Verdict;
import dev.commentguard.evaluation.ClassMetrics;
import dev.commentguard.evaluation.Curves;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Prediction;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.model.Learner;
import dev.commentguard.model.Model;
import dev.commentguard.training.LabelledComment;
import dev.commentguard.training.ProgressListener;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quality benchmark: prints Markdown tables of
 * <ol>
 *   <li>10-fold cross-validation of the training tool on each YouTube video, on all five merged, and on SMS;</li>
 *   <li>the default model on our held-out articles (per class, and the false-positive rate at block);</li>
 *   <li>the default model, never trained on them, on the YouTube and SMS sets (ROC AUC, recall at 1% and 5% FPR);</li>
 *   <li>the same default training without the comment signals, as the "before" of the signals.</li>
 * </ol>
 * Run with {@code mvn -Pquality-benchmark verify}. Rows that need {@code ../shared} are listed as skipped when it is absent.
 */
public final class QualityBenchmark {

    private static final Path MODEL = Path.of("models/default.model");

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        System.out.printf("# Quality benchmark, %s, %s, %d cores, Java %s%n%n", LocalDate.now(), System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        boolean shared = Files.isDirectory(SharedDatasets.youtube()) && Files.exists(SharedDatasets.sms());
        crossValidation(shared);
        CommentScorer scorer = CommentScorer.load(MODEL);
        Model noSignals = trainDefault(false);
        heldOut(scorer, CommentScorer.of(noSignals));
        outOfDomain(shared, scorer, CommentScorer.of(noSignals));
    }

    private static void crossValidation(boolean shared) throws Exception {
        System.out.println("## Training tool, 10-fold cross-validation (default settings)\n");
        System.out.println("| data | comments | accuracy | MCC | ROC AUC | spam F1 | seconds |");
        System.out.println("|---|---|---|---|---|---|---|");
        if (!shared) {
            System.out.println("| skipped: " + SharedDatasets.ROOT.resolve("datasets").toAbsolutePath().normalize()
                    + " is absent (YouTube per video, YouTube merged, SMS) | | | | | | |\n");
            return;
        }
        List<LabelledComment> merged = new ArrayList<>();
        for (Path f : SharedDatasets.youtubeFiles()) {
            List<LabelledComment> video = SharedDatasets.readYoutube(f);
            merged.addAll(video);
            cvRow(f.getFileName().toString(), video, "1", Learner.LOGISTIC);
        }
        // The online learner beside LibLINEAR where both fit (issue 19: within 0.005 ROC AUC and 0.01 MCC).
        for (Learner learner : List.of(Learner.LOGISTIC, Learner.ONLINE)) {
            cvRow("YouTube, all five merged", merged, "1", learner);
            cvRow("SMS Spam Collection", SharedDatasets.readSms(), "spam", learner);
        }
        System.out.println();
        int seeds = Integer.getInteger("quality.cvSeeds", 1);
        if (seeds > 1) {
            seedSpread("YouTube, all five merged", merged, "1", seeds);
            seedSpread("SMS Spam Collection", SharedDatasets.readSms(), "spam", seeds);
            System.out.println();
        }
    }

    /**
     * The spread of the cross-validated MCC over how the comments are dealt to the ten folds (seeds 1 to
     * {@code seeds}; the rows above use seed 1): how far one seed's figure is from the middle.
     */
    private static void seedSpread(String name, List<LabelledComment> data, String spam, int seeds) {
        double[] mcc = new double[seeds];
        for (int seed = 1; seed <= seeds; seed++) {
            mcc[seed - 1] = Trainer.train(data, cvOptions(spam, Learner.LOGISTIC).withSeed(seed), ProgressListener.NONE)
                    .crossValidated().mcc();
        }
        Arrays.sort(mcc);
        double median = seeds % 2 == 1 ? mcc[seeds / 2] : (mcc[seeds / 2 - 1] + mcc[seeds / 2]) / 2;
        System.out.printf("%s: MCC over fold seeds 1 to %d: median %.4f, from %.4f to %.4f%n", name, seeds, median,
                mcc[0], mcc[seeds - 1]);
    }

    /** As `train --data site.csv` runs: n-grams from the text as written (--ngram-text auto for a site's own data). */
    private static TrainingOptions cvOptions(String spam, Learner learner) {
        return TrainingOptions.defaults().withPositiveLabel(spam).withFolds(10).withLearner(learner)
                .withFeatures(FeatureSettings.DEFAULT.withText(FeatureSettings.NgramText.WRITTEN));
    }

    private static void cvRow(String name, List<LabelledComment> data, String spam, Learner learner) {
        long start = System.nanoTime();
        Metrics m = Trainer.train(data, cvOptions(spam, learner), ProgressListener.NONE).crossValidated();
        ClassMetrics s = m.perClass().get(m.labels().indexOf(spam));
        System.out.printf("| %s%s | %,d | %.4f | %.4f | %.4f | %.4f | %.1f |%n", name,
                learner == Learner.LOGISTIC ? "" : ", " + learner.code() + " learner", m.count(), m.accuracy(), m.mcc(), m.rocAuc(),
                s.f1(), (System.nanoTime() - start) / 1e9);
    }

    private static Model trainDefault(boolean signals) throws Exception {
        return trainOnCorpus(FeatureSettings.DEFAULT.withSignals(signals));
    }

    /** A model trained as the default model is, on our corpus, with these feature settings. */
    static Model trainOnCorpus(FeatureSettings features) throws Exception {
        var articles = CommentReader.readArticles(Path.of("training-data/articles.csv"));
        List<LabelledComment> data = new ArrayList<>();
        for (InputRow r : CommentReader.read(Path.of("training-data/train.csv"), InputOptions.DEFAULT, articles, true)) {
            data.add(new LabelledComment(r.comment(), r.label(), ""));
        }
        return Trainer.train(data, TrainingOptions.defaults().withFeatures(features), ProgressListener.NONE).model();
    }

    /** The held-out comments, under their articles. */
    static List<InputRow> heldOutRows() throws Exception {
        var articles = CommentReader.readArticles(Path.of("training-data/articles.csv"));
        return CommentReader.read(Path.of("training-data/heldout.csv"), InputOptions.DEFAULT, articles, true);
    }

    /** A scorer's figures on labelled rows, at its own thresholds. */
    static Metrics metrics(CommentScorer s, List<InputRow> rows) {
        List<Verdict> verdicts = s.scoreAll(rows.stream().map(InputRow::comment).toList());
        List<Prediction> p = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            p.add(new Prediction(rows.get(i).label(), verdicts.get(i).label(), verdicts.get(i).spamScore()));
        }
        return Metrics.of(p, s.labels(), s.positiveLabel(), s.thresholds());
    }

    private static void heldOut(CommentScorer scorer, CommentScorer noSignals) throws Exception {
        List<InputRow> rows = heldOutRows();
        System.out.printf("## Default model on the held-out articles (%,d comments under 12 articles never trained on)%n%n", rows.size());
        System.out.println("| model | accuracy | MCC | ROC AUC spam | low_quality P / R / F1 | ok P / R / F1 | spam P / R / F1 "
                + "| FPR at block | spam recall at block | FPR at review | spam recall at review |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (var entry : List.of(Map.entry("default (with signals)", scorer), Map.entry("n-grams only (no signals)", noSignals))) {
            Metrics m = metrics(entry.getValue(), rows);
            StringBuilder classes = new StringBuilder();
            for (ClassMetrics c : m.perClass()) {
                classes.append(String.format(" %.3f / %.3f / %.3f |", c.precision(), c.recall(), c.f1()));
            }
            System.out.printf("| %s | %.4f | %.4f | %.4f |%s %.4f | %.4f | %.4f | %.4f |%n", entry.getKey(), m.accuracy(), m.mcc(),
                    m.rocAuc(), classes, m.fprAtBlock(), m.recallAtBlock(), m.fprAtReview(), m.recallAtReview());
        }
        System.out.println();
    }

    private static void outOfDomain(boolean shared, CommentScorer scorer, CommentScorer noSignals) throws Exception {
        System.out.println("## Default model out of domain (never trained on these sets)\n");
        System.out.println("| data | model | comments | ROC AUC | recall at 1% FPR | recall at 5% FPR |");
        System.out.println("|---|---|---|---|---|---|");
        if (!shared) {
            System.out.println("| skipped: ../shared/datasets is absent (YouTube, SMS) | | | | | |\n");
            return;
        }
        List<LabelledComment> youtube = new ArrayList<>();
        for (Path f : SharedDatasets.youtubeFiles()) {
            youtube.addAll(SharedDatasets.readYoutube(f));
        }
        List<LabelledComment> sms = SharedDatasets.readSms();
        for (var entry : List.of(Map.entry("default (with signals)", scorer), Map.entry("n-grams only (no signals)", noSignals))) {
            oodRow("YouTube, all five", entry.getKey(), entry.getValue(), youtube, "1");
            oodRow("SMS Spam Collection", entry.getKey(), entry.getValue(), sms, "spam");
        }
        System.out.println();
    }

    /** Scores each comment on its own, as a site would score it at submission. */
    private static void oodRow(String name, String model, CommentScorer scorer, List<LabelledComment> data, String spam) {
        double[] r = outOfDomain(scorer, data, spam);
        System.out.printf("| %s | %s | %,d | %.4f | %.4f | %.4f |%n", name, model, data.size(), r[0], r[1], r[2]);
    }

    /** ROC AUC, and recall at 1% and 5% false positives, of the spam score on data the model never saw. */
    static double[] outOfDomain(CommentScorer scorer, List<LabelledComment> data, String spam) {
        double[] scores = new double[data.size()];
        boolean[] positive = new boolean[data.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scorer.score(data.get(i).comment()).spamScore();
            positive[i] = data.get(i).label().equals(spam);
        }
        return new double[] {Curves.rocAuc(scores, positive), Curves.recallAtFpr(scores, positive, 0.01),
                Curves.recallAtFpr(scores, positive, 0.05)};
    }
}

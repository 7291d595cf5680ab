package dev.commentguard.bench;

import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.SharedDatasets;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.NgramSettings;
import dev.commentguard.io.InputRow;
import dev.commentguard.model.Model;
import dev.commentguard.training.LabelledComment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the n-gram lengths ({@code train --char-ngrams}, {@code --word-ngrams}) trade: for each setting, a model
 * trained on our corpus as the default model is, with its held-out figures, the share of disguised held-out spam
 * it flags, its out-of-domain ROC AUC, and its scoring cost on one thread.
 * {@code java -cp target/test-classes:target/commentguard.jar dev.commentguard.bench.NgramTradeOff} (about five
 * minutes; the out-of-domain columns need ../shared).
 */
public final class NgramTradeOff {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** Rounds of scoring every held-out comment once per model, taking turns; the first ones warm the JIT up. */
    private static final int ROUNDS = 12;
    private static final int WARM_UP = 4;

    private NgramTradeOff() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int[][] settings = {{2, 5, 2}, {2, 4, 2}, {3, 5, 2}, {3, 4, 2}, {2, 3, 2}, {2, 5, 1}};
        List<Model> models = new ArrayList<>();
        List<CommentScorer> scorers = new ArrayList<>();
        for (int[] s : settings) {
            NgramSettings ngrams = new NgramSettings(s[0], s[1], s[2], NgramSettings.DEFAULT.minDocFreq(),
                    NgramSettings.DEFAULT.maxFeatures());
            FeatureSettings d = FeatureSettings.DEFAULT;
            models.add(QualityBenchmark.trainOnCorpus(new FeatureSettings(ngrams, d.signals(), d.signalWeight(), d.text())));
            scorers.add(CommentScorer.of(models.get(models.size() - 1)));
        }

        List<InputRow> heldOut = QualityBenchmark.heldOutRows();
        List<Comment> plain = heldOut.stream().map(r -> r.comment().withArticle(null)).toList();
        long[][] nanos = new long[scorers.size()][ROUNDS];
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int m = 0; m < scorers.size(); m++) {
                long t0 = CPU.getCurrentThreadCpuTime();
                for (Comment c : plain) {
                    sink += scorers.get(m).score(c).reasons().size();
                }
                nanos[m][round] = CPU.getCurrentThreadCpuTime() - t0;
            }
        }

        List<Comment> spam = ObfuscationBenchmark.heldOutSpam();
        List<Obfuscator.Variant> variants = ObfuscationBenchmark.variants(spam);
        boolean shared = Files.isDirectory(SharedDatasets.youtube()) && Files.exists(SharedDatasets.sms());
        List<LabelledComment> youtube = new ArrayList<>();
        if (shared) {
            for (Path f : SharedDatasets.youtubeFiles()) {
                youtube.addAll(SharedDatasets.readYoutube(f));
            }
        }
        List<LabelledComment> sms = shared ? SharedDatasets.readSms() : List.of();

        System.out.printf("## N-gram lengths against quality and speed (our corpus; %,d held-out comments, %,d disguised spam)%n%n",
                heldOut.size(), variants.size());
        System.out.println("| char n-grams | word n-grams | vocabulary | accuracy | MCC | spam ROC AUC | FPR at block "
                + "| spam recall at block | disguised spam flagged | YouTube ROC AUC | SMS ROC AUC | µs a comment (CPU, median) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int m = 0; m < scorers.size(); m++) {
            CommentScorer s = scorers.get(m);
            Metrics metrics = QualityBenchmark.metrics(s, heldOut);
            int flagged = 0;
            for (Obfuscator.Variant v : variants) {
                flagged += ObfuscationBenchmark.flagged(s, ObfuscationBenchmark.disguised(spam, v)) ? 1 : 0;
            }
            String ood = shared ? String.format("%.4f | %.4f", QualityBenchmark.outOfDomain(s, youtube, "1")[0],
                    QualityBenchmark.outOfDomain(s, sms, "spam")[0]) : "skipped: ../shared is absent | skipped";
            long[] warm = Arrays.copyOfRange(nanos[m], WARM_UP, ROUNDS);
            Arrays.sort(warm);
            double micros = (warm[warm.length / 2] + warm[(warm.length - 1) / 2]) / 2.0 / plain.size() / 1e3;
            System.out.printf("| %d–%d | %d | %,d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %s | %.1f |%n",
                    settings[m][0], settings[m][1], settings[m][2], models.get(m).pipeline().vectorizer().dimension(),
                    metrics.accuracy(), metrics.mcc(), metrics.rocAuc(), metrics.fprAtBlock(), metrics.recallAtBlock(),
                    flagged / (double) variants.size(), ood, micros);
        }
        System.out.println();
        System.out.println("(" + sink + " reasons given while timing)");
    }
}

package dev.commentguard.bench;

import dev.commentguard.SharedDatasets;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.FeatureSettings.NgramText;
import dev.commentguard.training.LabelledComment;
import dev.commentguard.training.ProgressListener;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training tool's 10-fold cross-validation on the public sets (YouTube's five files merged, SMS) with the n-grams
 * taken from the marked text and from the text as written, for three fold assignments (docs/benchmarks.md, "The
 * training tool's cross-validation on the public sets"). Run: {@code java -cp target/classes:target/test-classes:<deps>
 * dev.commentguard.bench.NgramTextComparison}.
 */
public final class NgramTextComparison {

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        SharedDatasets.require(SharedDatasets.youtube());
        List<LabelledComment> youtube = new ArrayList<>();
        for (Path f : SharedDatasets.youtubeFiles()) {
            youtube.addAll(SharedDatasets.readYoutube(f));
        }
        List<LabelledComment> sms = SharedDatasets.readSms();
        FeatureSettings marked = FeatureSettings.DEFAULT;
        FeatureSettings written = marked.withText(NgramText.WRITTEN);
        FeatureSettings version1 = new FeatureSettings(marked.ngrams(), true, marked.signalWeight(), NgramText.WRITTEN, 1);
        System.out.println("| n-gram text, signals | YouTube merged MCC, seeds 1 / 2 / 3 | SMS MCC, seeds 1 / 2 / 3 |");
        System.out.println("|---|---|---|");
        for (var row : List.of(java.util.Map.entry("marked, version " + marked.version(), marked),
                java.util.Map.entry("as written, version " + written.version(), written), java.util.Map.entry("as written, version 1", version1))) {
            System.out.printf("| %s | %s | %s |%n", row.getKey(), mccs(youtube, "1", row.getValue()), mccs(sms, "spam", row.getValue()));
        }
    }

    private static String mccs(List<LabelledComment> data, String spam, FeatureSettings features) {
        List<String> out = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            TrainingOptions options = TrainingOptions.defaults().withPositiveLabel(spam).withFolds(10).withSeed(seed).withFeatures(features);
            out.add(String.format("%.4f", Trainer.train(data, options, ProgressListener.NONE).crossValidated().mcc()));
        }
        return String.join(" / ", out);
    }

    private NgramTextComparison() {
    }
}

package dev.commentguard.cli;

import dev.commentguard.model.Manifest;
import dev.commentguard.model.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code info}: what a model file holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show what a model file holds: versions, labels, thresholds, features, training data and metrics.",
        footer = {"", "Example:", "  java -jar target/commentguard.jar info models/default.model"})
final class InfoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ExitCodes exitCodes;

    @Parameters(paramLabel = "MODEL", description = "The model file.")
    Path model;

    @Option(names = "--json", description = "Print the manifest as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Manifest m = ModelFile.readManifest(model);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ModelFile.toJson(m));
            out.flush();
            return 0;
        }
        out.printf("Model file:       %s (format %d, checksum OK)%n", model, m.formatVersion());
        out.printf("Created:          %s by CommentGuard %s, Weka %s, Java %s%n", m.createdAt(), m.commentguardVersion(),
                m.wekaVersion(), m.javaVersion());
        out.printf("Learner:          %s (%s)%n", m.learner(), m.learnerOptions());
        out.printf("Labels:           %s (spam label: %s)%n", String.join(", ", m.labels()), m.positiveLabel());
        out.printf(Locale.ROOT, "Thresholds:       review %.4f, block %.4f%n", m.reviewThreshold(), m.blockThreshold());
        out.printf("Features:         %s; vocabulary %,d n-grams%n", m.features(), m.vocabularySize());
        out.printf("Training data:    %s; SHA-256 %s%n", String.join("; ", m.trainingFiles()), m.trainingSha256());
        out.printf("Rows per label:   %s%n", m.rowsPerClass());
        out.printf("Seed:             %d%n", m.seed());
        out.println(m.cvFolds() == 0 ? "Validated progressively (second half of one pass):"
                : String.format("Cross-validated (%d folds):", m.cvFolds()));
        for (Map.Entry<String, Double> e : m.cvMetrics().entrySet()) {
            out.printf(Locale.ROOT, "  %-18s %.4f%n", e.getKey(), e.getValue());
        }
        out.flush();
        return 0;
    }
}

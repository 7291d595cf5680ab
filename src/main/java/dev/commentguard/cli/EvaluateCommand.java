package dev.commentguard.cli;

import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.Verdict;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Moderation;
import dev.commentguard.evaluation.Prediction;
import dev.commentguard.io.InputFormatException;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.OutputException;
import dev.commentguard.report.EvaluationReport;
import dev.commentguard.report.ScoredExample;
import dev.commentguard.report.TextSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code evaluate}: measures a model on labelled comments it was not trained on. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure a model on labelled comments. First what its actions do to genuine comments (every "
                + "label but spam) and to spam: genuine comments blocked, genuine comments sent to review, spam blocked, "
                + "spam caught (blocked or sent to review); the actions per true label; and, when the data has a "
                + "site_kind or kind column, these figures and ROC AUC per kind.",
                "Then accuracy, per-class precision, recall and F1, MCC, ROC AUC, PR AUC, the confusion matrix, and spam "
                + "recall and false-positive rate at the thresholds."},
        footer = {"", "Example:",
                "  java -jar target/commentguard.jar evaluate --model models/default.model --data training-data/heldout.csv \\",
                "      --articles training-data/articles.csv"})
final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ExitCodes exitCodes;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled data: CSV, JSON Lines, or a comment"
            + " system's export labelled by its moderation (see --label-map); repeat for several files.")
    List<Path> data;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write an HTML report into this folder: the genuine "
            + "comments blocked or sent to review first, with their reasons; the ROC curve (false-positive rate on a log "
            + "scale), the spam scores of each true class against the thresholds, the precision-recall curve; the figures "
            + "per kind, the threshold table and the misclassified comments.")
    Path report;

    @Option(names = "--group-column", paramLabel = "NAME", description = "Column grouping the comments, such as the kind "
            + "of site: the figures are also given per value. Default: site_kind, else kind, when present. "
            + "A 1-based number with --no-header.")
    String groupColumn;

    @Option(names = "--spam-label", paramLabel = "LABEL", description = "The data's label for spam when it is not one of"
            + " the model's (1 in the YouTube and SMS sets): rows labelled LABEL count as the model's spam label, every"
            + " other row as genuine (ok), so that a model of our labels can be measured on a set of two.")
    String spamLabel;

    @Mixin
    ModelMixin modelOptions;

    @Mixin
    InputMixin input;

    @Override
    public Integer call() throws Exception {
        Map<String, List<Path>> inputs = input.inputs("--data", data);
        inputs.put("--model", java.util.Collections.singletonList(modelOptions.model));
        input.refuseRejectsOver(inputs);
        if (report != null && report.toString().equals("-")) {
            throw new Main.UsageException("--report names a folder for index.html and the charts; '-' is not one");
        }
        if (report != null && Files.exists(report) && !Files.isDirectory(report)) {
            throw new OutputException(report.toString(), new FileSystemException(report.toString(), null,
                    "is a file; --report names a folder to write index.html and the charts into"));
        }
        CommentScorer scorer = modelOptions.load();
        List<InputRow> rows = new ArrayList<>();
        String genuine = scorer.labels().contains("ok") ? "ok"
                : scorer.labels().stream().filter(l -> !l.equals(scorer.positiveLabel())).findFirst().orElse("ok");
        List<InputRow> read = input.readAll(data, true, input.options().withGroupColumn(groupColumn));
        if (spamLabel != null) {
            java.util.Set<String> found = new java.util.TreeSet<>();
            read.forEach(r -> found.add(r.label()));
            if (!found.contains(spamLabel.strip()) || found.size() > 2) {
                throw new Main.UsageException("--spam-label " + spamLabel.strip() + " reads a set of two labels, one of them "
                        + spamLabel.strip() + "; the data's labels are " + found);
            }
        }
        for (InputRow one : read) {
            InputRow r = spamLabel == null ? one : new InputRow(one.source(), one.line(), one.comment(),
                    one.label().equals(spamLabel.strip()) ? scorer.positiveLabel() : genuine, one.group());
            if (scorer.labels().contains(r.label())) {
                rows.add(r);
            } else {
                input.rejects().reject(new InputFormatException(r.source(), r.line(),
                        "label '" + r.label() + "' is not one of the model's labels " + scorer.labels()), r.comment().text());
            }
        }
        input.reportRejects(data.get(0).toString(), spec.commandLine().getErr());
        if (rows.isEmpty()) { // metrics of nothing would print NaN and succeed
            int setAside = input.rejects().count();
            throw new InputFormatException(String.join(", ", data.stream().map(Path::toString).toList()), 0,
                    "no comments to evaluate" + (setAside > 0 ? " (all " + setAside + " were set aside as invalid)" : ""));
        }
        List<Comment> comments = new ArrayList<>(rows.size());
        for (InputRow r : rows) {
            comments.add(r.comment());
        }
        List<Verdict> verdicts = scorer.scoreAll(comments);
        List<Prediction> predictions = new ArrayList<>(rows.size());
        List<String> groups = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Verdict v = verdicts.get(i);
            predictions.add(new Prediction(rows.get(i).label(), v.label(), v.spamScore(), v.action()));
            groups.add(rows.get(i).group());
        }
        Metrics m = Metrics.of(predictions, scorer.labels(), scorer.positiveLabel(), scorer.thresholds());
        Moderation moderation = Moderation.of(predictions, groups, scorer.labels(), scorer.positiveLabel());
        String groupName = groupColumn != null ? groupColumn : "kind";
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Evaluated on %,d comments from %d file(s)%s:%n", rows.size(), data.size(), spamLabel == null ? ""
                : " (label " + spamLabel.strip() + " read as " + scorer.positiveLabel() + ", every other as " + genuine + ")");
        TextSummary.printEvaluation(out, m, moderation, groupName);
        if (report != null) {
            List<ScoredExample> examples = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                InputRow r = rows.get(i);
                examples.add(new ScoredExample(r.comment(), r.label(), verdicts.get(i), r.source() + ":" + r.line()));
            }
            String model = modelOptions.model == null ? "the default model" : modelOptions.model.toString();
            try {
                EvaluationReport.write(report, "Evaluation of " + model + " on " + String.join(", ",
                        data.stream().map(Path::toString).toList()), m, moderation, groupName, examples);
            } catch (IOException e) {
                throw OutputException.of(report.toString(), e); // a report that cannot be written is not bad input
            }
            out.printf("Report written to %s%n", report.resolve("index.html"));
        }
        out.flush();
        return 0;
    }
}

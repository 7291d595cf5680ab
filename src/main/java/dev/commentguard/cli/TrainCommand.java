package dev.commentguard.cli;

import dev.commentguard.evaluation.Metrics;
import dev.commentguard.io.AtomicFile;
import dev.commentguard.io.InputRow;
import dev.commentguard.model.Learner;
import dev.commentguard.model.ModelFile;
import dev.commentguard.report.TextSummary;
import dev.commentguard.training.CorpusMix;
import dev.commentguard.training.LabelledComment;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.Validation;
import dev.commentguard.model.OnlineFolds;
import dev.commentguard.training.TrainingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code train}: builds a model from labelled comments. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model from labelled comments: CSV, JSON Lines, a comment system's export (WordPress, Disqus)"
                        + " or the moderators' decisions in the feedback store.",
                "Runs stratified cross-validation to measure the model and choose its review and block thresholds,",
                "then trains on all the data and writes the model file atomically."},
        footer = {"", "Example:",
                "  java -jar target/commentguard.jar train --data comments.csv --out my.model",
                "  java -jar target/commentguard.jar train --data Youtube01-Psy.csv --text-column CONTENT \\",
                "      --label-column CLASS --spam-label 1 --out psy.model",
                "  java -jar target/commentguard.jar train --data site.xml --data spam.csv --articles site.xml --out site.model",
                "      (a WordPress export, and its spam from wp comment list --status=spam --format=csv)",
                "  java -jar target/commentguard.jar train --data site.xml --feedback ~/.commentguard --out site.model",
                "  java -jar target/commentguard.jar train --data site.xml --data spam.csv --articles site.xml --with-corpus \\",
                "      --out site.model     (the site's comments and the corpus that ships with CommentGuard)"})
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ExitCodes exitCodes;

    @Option(names = "--data", paramLabel = "FILE", description = "Labelled training data: CSV, JSON Lines, or a comment"
            + " system's export (WordPress WXR, wp comment list CSV or JSON, Disqus XML; see --input-format and --label-map);"
            + " repeat for several files.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--feedback", paramLabel = "DIR", description = "Also train on the moderators' decisions recorded in the"
            + " feedback store in DIR (see the feedback command), with or without --data.")
    Path feedback;

    @Option(names = "--with-corpus", description = "Also train on the corpus that ships with CommentGuard (the default"
            + " model's training data), with the site's own comments deciding where the two disagree: the site's labels are"
            + " mapped onto the corpus's (a two-label site's --spam-label becomes spam, its other label ok), each site comment"
            + " counts several times (see --corpus-weight), and the thresholds are chosen from the site's comments alone,"
            + " cross-validated with the whole corpus in every fold's training data.")
    boolean withCorpus;

    @Option(names = "--corpus-weight", paramLabel = "W", description = "With --with-corpus: the corpus's weight in total as a"
            + " multiple of the site's comments; each site comment counts (corpus rows) / (W x site rows) times, rounded, at"
            + " least once. Smaller lets the site decide more. Default: " + CorpusMix.DEFAULT_CORPUS_WEIGHT
            + " (the corpus weighs as much as the site).")
    Double corpusWeight;

    /** Where --with-corpus finds the corpus: the jar's; tests give a small one. */
    Callable<CorpusMix> corpus = ShippedCorpus::load;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model.")
    Path out;

    @Option(names = "--spam-label", defaultValue = "spam", paramLabel = "LABEL",
            description = "The positive (spam) label for the spam score and thresholds. Default: ${DEFAULT-VALUE}.")
    String spamLabel;

    @Option(names = "--group-column", paramLabel = "NAME", description = "Column naming each comment's kind of site (such"
            + " as site_kind): cross-validation then leaves whole kinds out, so that its scores, and the review and block"
            + " thresholds chosen from them, are those of a kind of site the model never saw; and the review threshold"
            + " holds at most 5%% of the genuine comments of each kind with 200 or more, not only of all together. Every"
            + " row needs a value, and there must be at least " + Trainer.MIN_GROUPS + " values.")
    String groupColumn;

    @Option(names = "--folds", defaultValue = "" + TrainingOptions.DEFAULT_FOLDS, paramLabel = "K",
            description = "Cross-validation folds for the printed metrics and the thresholds (with --group-column, whole"
                    + " groups per fold: one group a fold when K is at least the number of groups). Training fits K models besides the"
                    + " final one, --threads at a time: on large data 2 folds take under half the time of 5, and the"
                    + " final model is the same. Default: ${DEFAULT-VALUE}.")
    int folds;

    @Option(names = "--validation", defaultValue = "auto", paramLabel = "HOW",
            description = "How the printed metrics and the thresholds are measured: folds (cross-validation, --folds),"
                    + " progressive (--learner online only: the model scores each comment before it learns from it, in"
                    + " its single pass, and the second half of the pass is measured; no extra models, for data too large"
                    + " to cross-validate), or auto: progressive for --learner online on " + OnlineFolds.SINGLE_PASS
                    + " comments or more without --group-column or --with-corpus, else folds. Default: ${DEFAULT-VALUE}.")
    String validation;

    @Option(names = "--threads", paramLabel = "N",
            description = "Models fitted at once (the final one and the folds'). Each holds its own copy of the data: fewer"
                    + " threads need less memory and take longer; the model is the same. Default: one per processor (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--learner", defaultValue = "logistic", paramLabel = "NAME",
            description = "Weka learner: logistic (LibLINEAR logistic regression), smo (linear SVM with calibrated probabilities; slow), naive-bayes, sgd, online (logistic regression learned one comment at a time, for data too large for LibLINEAR). Default: ${DEFAULT-VALUE}.")
    String learner;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Mixin
    FeatureOptions features;

    @Mixin
    InputMixin input;

    @Mixin
    StreamedTraining streamed;

    /** The training options the command line gives, training from {@code sources} with the learner named {@code learnerCode}. */
    TrainingOptions options(List<String> sources, String learnerCode) {
        try {
            return TrainingOptions.defaults().withPositiveLabel(spamLabel.strip()).withFolds(folds).withSeed(seed).withThreads(threads)
                    .withLearner(Learner.fromCode(learnerCode)).withFeatures(features.settings(groupColumn != null || withCorpus))
                    .withTrainingFiles(sources).withValidation(Validation.fromCode(validation.strip()));
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (data.isEmpty() && feedback == null) {
            throw new Main.UsageException("give the training data with --data, --feedback or both"
                    + (withCorpus ? " (--with-corpus adds the corpus to the site's own data)" : ""));
        }
        if (corpusWeight != null && !withCorpus) {
            throw new Main.UsageException("--corpus-weight weighs the corpus of --with-corpus; add --with-corpus");
        }
        options(List.of(), learner); // refuse a mistyped option now, not after the data are read
        Map<String, List<Path>> inputs = input.inputs("--data", data);
        SameFile.refuse("--out", this.out, inputs);
        input.refuseRejectsOver(inputs);
        AtomicFile.checkWritable(this.out); // before minutes of training, not after
        if (streamed.stream) {
            return streamed.train(this, out, err);
        }
        if (streamed.tempDir != null) {
            throw new Main.UsageException("--temp-dir is where --stream puts its files; add --stream");
        }
        List<InputRow> rows = groupColumn == null ? input.readAll(data, true)
                : input.readAll(data, true, input.options().withGroupColumn(groupColumn));
        input.reportRejects(data.isEmpty() ? feedback.resolve("feedback").toString() : data.get(0).toString(), err);
        List<LabelledComment> examples = new ArrayList<>(rows.size());
        for (InputRow r : rows) {
            examples.add(new LabelledComment(r.comment(), r.label(), r.source() + ":" + r.line(), groupColumn == null ? "" : r.group()));
        }
        List<String> sources = new ArrayList<>();
        for (Path file : data) {
            sources.add(withCorpus ? CorpusSources.describe(file, input.formatOf(file), rows) : file.getFileName().toString());
        }
        if (feedback != null) {
            FeedbackExamples fromStore = FeedbackExamples.read(feedback);
            List<LabelledComment> undecided = fromStore.notDecided(examples);
            err.println(fromStore.summary(examples.size() - undecided.size()));
            examples = undecided;
            long lowQuality = examples.stream().filter(e -> e.label().equals("low_quality")).count();
            examples.addAll(fromStore.asGenuineWhenTooFew(lowQuality, "low_quality", "ok", Math.max(Trainer.MIN_PER_CLASS, folds), err));
            sources.add(fromStore.source());
        }
        CorpusMix mix = null;
        if (withCorpus) {
            CorpusMix shipped = corpus.call();
            try {
                mix = new CorpusMix(shipped.comments(), shipped.version(),
                        corpusWeight == null ? CorpusMix.DEFAULT_CORPUS_WEIGHT : corpusWeight);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException("--corpus-weight: " + e.getMessage());
            }
            int siteWeight = mix.siteWeight(examples.size());
            // The corpus as trained on beside this site: two labels for a two-label site.
            Map<String, Integer> corpusRows = new TreeMap<>();
            mix.commentsFor(mix.mapLabels(examples, spamLabel.strip())).forEach(c -> corpusRows.merge(c.label(), 1, Integer::sum));
            sources.add(String.format(java.util.Locale.ROOT, "%s: %s, each site comment counted %d time(s)", mix.version(),
                    CorpusSources.counts(corpusRows), siteWeight));
            err.printf("With the corpus (%s): %s; each of the site's %,d comment(s) counts %d time(s)%n",
                    mix.version(), CorpusSources.counts(corpusRows), examples.size(), siteWeight);
        }
        TrainingOptions options = options(sources, learner);
        long groups = examples.stream().map(LabelledComment::group).filter(g -> !g.isEmpty()).distinct().count();
        boolean byGroup = groups >= Trainer.MIN_GROUPS && examples.stream().noneMatch(e -> e.group().isEmpty());
        if (groupColumn != null && !byGroup) {
            long missing = examples.stream().filter(e -> e.group().isEmpty()).count();
            throw new dev.commentguard.training.TrainingException("--group-column " + groupColumn + ": every row needs a value and"
                    + " there must be at least " + Trainer.MIN_GROUPS + " values; found " + groups + " value(s) and " + missing
                    + " row(s) without one");
        }
        String described = !byGroup ? folds + "-fold cross-validation" : folds >= groups
                ? "cross-validation leaving out one of " + groups + " groups (" + groupColumn + ") at a time"
                : "cross-validation leaving out whole groups (" + groups + " " + groupColumn + " values in " + folds + " folds)";
        if (mix != null) {
            described = described + " of the site's comments, the corpus in every fold's training";
        }
        boolean progressive;
        try {
            progressive = options.validation().progressive(examples.size(), byGroup, mix != null, options);
        } catch (dev.commentguard.training.TrainingException e) {
            throw new Main.UsageException("--validation progressive: " + e.getMessage());
        }
        if (progressive) {
            described = "progressive validation (each comment scored before it is learned from; the second half measured)";
        }
        if (examples.isEmpty()) { // not "Training on 0 comments...", then an error about labels
            throw new dev.commentguard.training.TrainingException("no comments to train on: " + (input.rejects().count() > 0
                    ? "every row was set aside as invalid" : "the files hold none with a label (see the counts above)"));
        }
        err.printf("Training on %,d comments from %d file(s)%s with %s, %s...%n",
                examples.size() + (mix == null ? 0 : mix.comments().size()), sources.size(),
                input.repeats() == 0 ? "" : String.format(" (%,d exact repeat(s) dropped)", input.repeats()),
                options.learner().code(), described);
        err.flush();
        long start = System.nanoTime();
        Trainer.Result result;
        try (Progress progress = Progress.onTerminal()) {
            result = mix == null ? Trainer.train(examples, options, progress) : Trainer.train(examples, mix, options, progress);
        }
        ModelFile.save(result.model(), this.out);
        Metrics m = result.crossValidated();
        report(out, result, start, progressive ? String.format("Validated progressively on the second half of one pass,"
                + " %,d of %,d comments:", m.count(), examples.size()) : String.format("Cross-validated (%s) on %,d %scomments:",
                byGroup ? "whole " + groupColumn + " groups left out, " + Math.min(folds, groups) + " folds" : folds + " folds",
                examples.size(), mix == null ? "" : "of the site's "));
        return 0;
    }

    /** Prints how the model measured, after {@code heading}, and where it was written. */
    void report(PrintWriter out, Trainer.Result result, long start, String heading) {
        out.println(heading);
        TextSummary.print(out, result.crossValidated());
        var cv = result.crossValidated();
        long genuine = cv.perClass().stream().filter(c -> !c.label().equals(cv.positiveLabel()))
                .mapToLong(dev.commentguard.evaluation.ClassMetrics::support).sum();
        double blockFpr = dev.commentguard.training.TrainingOptions.defaults().blockFpr();
        if (genuine > 0 && genuine * blockFpr < 1) { // a small site: the rule cannot block a single genuine comment
            PrintWriter err = spec.commandLine().getErr();
            err.printf(java.util.Locale.ROOT, "warning: the thresholds come from %,d genuine comment(s): %.1f%% of them is less"
                    + " than one, so the block threshold sits above every one of them and most spam goes to review;"
                    + " more of the site's labelled comments give it more to go on%n", genuine, 100 * blockFpr);
            err.flush();
        }
        out.printf("Vocabulary: %,d n-grams. Trained in %.1f s.%n", result.model().pipeline().vectorizer().dimension(),
                (System.nanoTime() - start) / 1e9);
        out.printf("Model written to %s%n", this.out);
        out.flush();
    }
}

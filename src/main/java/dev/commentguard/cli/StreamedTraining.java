package dev.commentguard.cli;

import dev.commentguard.Comment;
import dev.commentguard.concurrent.Tasks;
import dev.commentguard.io.InputRow;
import dev.commentguard.model.Learner;
import dev.commentguard.model.ModelFile;
import dev.commentguard.training.LabelledComment;
import dev.commentguard.training.SpillWriter;
import dev.commentguard.training.SpilledComments;
import dev.commentguard.training.StreamedTrainer;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;
import dev.commentguard.training.Validation;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * {@code train --stream}: training on more comments than memory holds. The input is read once, into temporary files
 * ({@link SpilledComments}), and the online learner makes its passes over them one part at a time
 * ({@link StreamedTrainer}).
 */
final class StreamedTraining {

    @Option(names = "--stream", description = "Hold the training data on disk, not in memory, for more comments than memory"
            + " holds: the input is read once into temporary files (about twice its size; deleted afterwards) and the online"
            + " learner makes its passes over them in a random order, a part at a time, so that memory does not grow with"
            + " the data (ten million comments train in 512 MB of heap; docs/benchmarks.md). Implies --learner online"
            + " and progressive validation (on the"
            + " last half of the first pass, a sample of at most " + StreamedTrainer.MAX_MEASURED + " of its scores); not with"
            + " --group-column or --with-corpus.")
    boolean stream;

    @Option(names = "--temp-dir", paramLabel = "DIR", description = "With --stream: where the temporary files go. Default:"
            + " the system's temporary directory (${sys:java.io.tmpdir}).")
    Path tempDir;

    /** Trains as {@code train} asks, from disk, once {@code train} has checked the inputs and the output. */
    int train(TrainCommand train, PrintWriter out, PrintWriter err) throws Exception {
        refuseOptions(train);
        List<String> sources = new ArrayList<>();
        for (Path file : train.data) {
            sources.add(file.getFileName().toString());
        }
        FeedbackExamples fromStore = train.feedback == null ? null : FeedbackExamples.read(train.feedback);
        if (fromStore != null) {
            sources.add(fromStore.source());
        }
        TrainingOptions options = train.options(sources, Learner.ONLINE.code());
        int threads = Math.max(1, train.threads);
        ExecutorService pool = Tasks.daemonPool(threads, "commentguard-stream");
        Path parent = tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));
        long start = System.nanoTime();
        try (SpillWriter writer = SpilledComments.writer(parent, options.seed(), options.features(), pool, threads)) {
            err.printf("Reading the training data into %s...%n", parent);
            err.flush();
            // As in memory, a decision on a comment of the files replaces its row, and rare low_quality decisions train as ok.
            java.util.function.Predicate<Comment> decided = fromStore == null ? c -> false : fromStore.decides();
            long[] replaced = {0};
            long[] lowQuality = {0};
            train.input.readEach(train.data, true, train.input.options(), row -> {
                if (decided.test(row.comment())) {
                    replaced[0]++;
                } else {
                    lowQuality[0] += "low_quality".equals(row.label()) ? 1 : 0;
                    writer.accept(row);
                }
            });
            if (fromStore != null) {
                err.println(fromStore.summary(replaced[0]));
                // As in memory, the moderators' decisions are added after the check of the files' ids, not to it: a
                // decision on a comment of the files is the point of them. Features never read a comment's id.
                List<LabelledComment> examples = fromStore.asGenuineWhenTooFew(lowQuality[0], "low_quality", "ok",
                        Math.max(Trainer.MIN_PER_CLASS, train.folds), err);
                for (int i = 0; i < examples.size(); i++) {
                    Comment c = examples.get(i).comment();
                    writer.accept(new InputRow(fromStore.source(), i + 1, new Comment("", c.text(), c.author(), c.authorUrl(),
                            c.authorEmail(), c.article(), c.site(), c.permalink()), examples.get(i).label()));
                }
            }
            try (SpilledComments spilled = writer.finish(train.input.rejects(), train.input::noteRepeats)) {
                train.input.reportRejects(train.data.isEmpty() ? train.feedback.resolve("feedback").toString()
                        : train.data.get(0).toString(), err);
                err.printf("Read into %d parts in %.1f s.%n", spilled.buckets(), (System.nanoTime() - start) / 1e9);
                err.printf("Training on %,d comments from %d file(s)%s with online, from disk, progressive validation (each"
                                + " comment scored before it is learned from; the last half of the first pass measured)...%n",
                        spilled.rows(), sources.size(), train.input.repeats() == 0 ? ""
                                : String.format(" (%,d exact repeat(s) dropped)", train.input.repeats()));
                err.flush();
                Trainer.Result result;
                try (Progress progress = Progress.onTerminal()) {
                    result = StreamedTrainer.train(spilled, options, progress, pool, threads);
                }
                ModelFile.save(result.model(), train.out);
                long half = spilled.rows() - spilled.rows() / 2;
                int measured = result.crossValidated().count();
                train.report(out, result, start, measured < half
                        ? String.format("Validated progressively on a sample of %,d of the %,d comments of the last half of"
                                + " the first pass (%,d comments):", measured, half, spilled.rows())
                        : String.format("Validated progressively on the last half of the first pass, %,d of %,d comments:",
                                measured, spilled.rows()));
            }
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    private static Learner learner(String code) {
        try {
            return Learner.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    private static void refuseOptions(TrainCommand train) {
        if (train.withCorpus) {
            throw new Main.UsageException("--stream trains on the given data alone; --with-corpus mixes in the corpus in memory");
        }
        if (train.groupColumn != null) {
            throw new Main.UsageException("--stream validates progressively; --group-column asks for folds by group");
        }
        if (train.spec.commandLine().getParseResult().hasMatchedOption("--learner") && learner(train.learner) != Learner.ONLINE) {
            throw new Main.UsageException("--stream trains the online learner; not --learner " + train.learner);
        }
        if (train.validation.strip().equals(Validation.FOLDS.code())) {
            throw new Main.UsageException("--stream validates progressively; not --validation folds");
        }
        if (train.features.hashBits == 0) {
            throw new Main.UsageException("--stream needs hashed n-grams; not --hash-bits 0");
        }
    }
}

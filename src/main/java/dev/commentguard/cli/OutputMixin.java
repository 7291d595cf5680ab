package dev.commentguard.cli;

import dev.commentguard.CommentScorer;
import dev.commentguard.io.OutputFormat;
import dev.commentguard.io.VerdictWriter;
import picocli.CommandLine.Option;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/** Where and how {@code score} writes its verdicts. */
final class OutputMixin {

    @Option(names = "--format", defaultValue = "table", paramLabel = "FMT",
            description = "Output: table, csv or jsonl. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file (atomically) instead of standard output ('-' for standard"
            + " output).")
    Path output;

    @Option(names = "--explain", description = "Show every reason under each comment in the table.")
    boolean explain;

    @Option(names = "--no-reasons", description = "Leave the reasons out (an empty list, or only why a comment at the block"
            + " threshold was held for review): for jobs that act on the verdicts and show no one why; a third less output.")
    boolean noReasons;

    /** The output format, checked, and the options checked against each other. */
    OutputFormat checkedFormat() {
        if (explain && noReasons) {
            throw new Main.UsageException("--explain shows the reasons that --no-reasons leaves out: give one of them");
        }
        try {
            return OutputFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    /** The scorer as these options want it: without reasons for --no-reasons. */
    CommentScorer apply(CommentScorer scorer) {
        return noReasons ? scorer.withoutReasons() : scorer;
    }

    VerdictWriter writer(OutputFormat fmt, Writer out, List<String> labels) {
        return new VerdictWriter(fmt, out, labels, explain);
    }
}

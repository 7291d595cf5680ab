package dev.commentguard.spark;

import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Moderation;
import dev.commentguard.report.TextSummary;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * The figures of {@link CommentGuardEvaluator#evaluate}. Immutable.
 *
 * @param comments   how many comments were evaluated
 * @param metrics    the classification metrics
 * @param moderation what the actions did, overall, per true label and per group
 * @param groupName  what the groups are, for the heading of their table
 */
public record Evaluation(long comments, Metrics metrics, Moderation moderation, String groupName) {

    public Evaluation {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(moderation, "moderation");
        Objects.requireNonNull(groupName, "groupName");
    }

    /** Prints the figures as the command line's {@code evaluate} prints them, after a first line of its own. */
    public void print(PrintWriter out) {
        out.printf("Evaluated on %,d comments:%n", comments);
        TextSummary.printEvaluation(out, metrics, moderation, groupName);
        out.flush();
    }

    /** What {@link #print} prints. */
    @Override
    public String toString() {
        StringWriter text = new StringWriter();
        print(new PrintWriter(text));
        return text.toString();
    }
}

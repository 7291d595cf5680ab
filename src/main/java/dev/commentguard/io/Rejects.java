package dev.commentguard.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to do with an input row that cannot be used: fail on the first ({@link #strict()}), or set it
 * aside with its reason ({@link #skipping()}) so that it can be written to a rejects file and counted;
 * nothing is dropped silently. Not thread-safe: one per read.
 */
public final class Rejects {

    /** A row set aside, with where it was and why. */
    public record Rejected(String file, long line, String problem, String text) {
    }

    private final boolean skip;
    private final List<Rejected> rejected = new ArrayList<>();

    private Rejects(boolean skip) {
        this.skip = skip;
    }

    /** Every bad row is an error. */
    public static Rejects strict() {
        return new Rejects(false);
    }

    /** Bad rows are collected instead. */
    public static Rejects skipping() {
        return new Rejects(true);
    }

    /** Throws {@code problem} when strict; otherwise records it with the row's text. */
    public void reject(InputFormatException problem, String text) throws InputFormatException {
        if (!skip) {
            throw problem;
        }
        rejected.add(new Rejected(problem.file(), problem.line(), problem.problem(), text == null ? "" : text));
    }

    public int count() {
        return rejected.size();
    }

    /** The rows set aside, in the order they were. */
    public List<Rejected> rejected() {
        return List.copyOf(rejected);
    }

    /** Writes the rejected rows as CSV ({@code file,line,problem,text}), atomically. */
    public void write(Path target) throws IOException {
        try (AtomicFile file = AtomicFile.create(target)) {
            CSVPrinter csv = new CSVPrinter(file.writer(), CSVFormat.RFC4180.builder().setRecordSeparator('\n').build());
            csv.printRecord("file", "line", "problem", "text");
            for (Rejected r : rejected) {
                csv.printRecord(r.file(), r.line(), r.problem(), VerdictWriter.neutralize(r.text()));
            }
            csv.flush();
            file.commit();
        }
    }
}

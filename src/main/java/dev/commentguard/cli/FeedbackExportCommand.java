package dev.commentguard.cli;

import dev.commentguard.Comment;
import dev.commentguard.feedback.Decision;
import dev.commentguard.feedback.FeedbackStore;
import dev.commentguard.io.AtomicFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code feedback export}: the recorded decisions as CSV that {@code train --data} reads. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the feedback store's decisions as CSV, one row per comment (the latest decision on it), with"
                + " the columns id, text, label, author, author_url, author_email, site, permalink, article_id, article_title,"
                + " article_text, decided_by, decided_at: a file train --data reads as it is. Texts are written as given"
                + " (not neutralised for spreadsheets), since the file is training data."},
        footer = {"", "Example:", "  java -jar target/commentguard.jar feedback export --out decisions.csv"})
final class FeedbackExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ExitCodes exitCodes;

    @CommandLine.Mixin
    FeedbackCommand.DataDir dataDir;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the CSV (atomically); '-' or none: standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<Decision> decisions;
        FeedbackExamples.existingStore(dataDir.path()); // a mistyped folder is an error, not an empty export
        try (FeedbackStore store = FeedbackStore.open(dataDir.path())) {
            decisions = store.all();
        }
        if (out == null || out.toString().equals("-")) {
            write(StandardOutput.checked(spec.commandLine().getOut()), decisions);
        } else {
            try (AtomicFile file = AtomicFile.create(out)) {
                write(file.writer(), decisions);
                file.commit();
            }
            spec.commandLine().getErr().printf("%,d decision(s) written to %s%n", decisions.size(), out);
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    private static void write(Writer w, List<Decision> decisions) throws IOException {
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').build());
        csv.printRecord("id", "text", "label", "author", "author_url", "author_email", "site", "permalink", "article_id",
                "article_title", "article_text", "decided_by", "decided_at");
        for (Decision d : decisions) {
            Comment c = d.comment();
            boolean article = c.article() != null;
            csv.printRecord(c.id(), c.text(), d.label(), c.author(), c.authorUrl(), c.authorEmail(), c.site(), c.permalink(),
                    article ? c.article().id() : "", article ? c.article().title() : "", article ? c.article().text() : "",
                    d.by(), d.at());
        }
        csv.flush();
    }
}

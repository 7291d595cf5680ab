package dev.commentguard.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commentguard.Article;
import dev.commentguard.Comment;
import dev.commentguard.feedback.Decision;
import dev.commentguard.feedback.FeedbackStore;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.FileProblems;
import dev.commentguard.io.InputFormatException;
import dev.commentguard.io.InputLines;
import dev.commentguard.io.InputOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code feedback}: records moderators' decisions in the feedback store, for {@code train --feedback}. */
@Command(name = "feedback", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = FeedbackExportCommand.class,
        description = {"Record a moderator's decision on a comment (spam, ok or low_quality) in the feedback store, an"
                + " SQLite database under --data-dir, created on first use. A later decision on the same comment (the same"
                + " id, or the same text and author when there is no id) replaces the earlier one.",
                "One decision from the options, or one per line of --input (JSON Lines). Each decision is committed on its"
                + " own, and only then acknowledged on standard output with a line 'recorded<TAB>ID<TAB>DECISION'"
                + " (ID: the comment's id, else its line number in --input, or for one decision the key of its text and author),"
                + " so that a decision acknowledged is never lost.",
                "train --feedback DIR trains on the decisions; feedback export writes them as CSV."},
        footer = {"", "Examples:",
                "  java -jar target/commentguard.jar feedback --by alice --decision spam --id 4711 \"Cheap bags at ...\"",
                "  some-moderation-log | java -jar target/commentguard.jar feedback --by queue --input -",
                "      (lines such as {\"id\":\"4711\",\"text\":\"...\",\"author\":\"...\",\"decision\":\"spam\",\"by\":\"alice\"})",
                "  java -jar target/commentguard.jar feedback export --out decisions.csv"})
final class FeedbackCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ExitCodes exitCodes;

    @CommandLine.Mixin
    DataDir dataDir;

    @Option(names = "--by", paramLabel = "NAME", description = "Who made the decisions (required; with --input, a line's"
            + " own \"by\" field wins).")
    String by;

    @Option(names = "--decision", paramLabel = "LABEL", description = "The decision on the comment given by the options:"
            + " spam, ok or low_quality.")
    String decision;

    @Parameters(paramLabel = "TEXT", arity = "0..1", description = "The comment's text.")
    String text;

    @Option(names = "--id", paramLabel = "ID", description = "The comment's id in the comment system.")
    String id = "";

    @Option(names = "--author", paramLabel = "NAME", description = "The commenter's name.")
    String author = "";

    @Option(names = "--author-url", paramLabel = "URL", description = "The commenter's web site.")
    String authorUrl = "";

    @Option(names = "--author-email", paramLabel = "EMAIL", description = "The commenter's e-mail address.")
    String authorEmail = "";

    @Option(names = "--site", paramLabel = "URL", description = "The site the comment is posted on.")
    String site = "";

    @Option(names = "--permalink", paramLabel = "URL", description = "The URL of the article the comment is under.")
    String permalink = "";

    @Option(names = "--article-title", paramLabel = "TITLE", description = "The title of the article the comment is under.")
    String articleTitle;

    @Option(names = "--article-text", paramLabel = "TEXT", description = "The text of the article the comment is under.")
    String articleText;

    @Option(names = "--input", paramLabel = "FILE", description = "Decisions in JSON Lines ('-' for standard input, read a line"
            + " at a time as it arrives): the fields of a comment (text, id, author, author_url, author_email, site, permalink,"
            + " article_id, article_title, article_text), \"decision\" (or \"label\") and optionally \"by\".")
    Path input;

    @Override
    public Integer call() throws IOException {
        if (input != null && (text != null || decision != null)) {
            throw new Main.UsageException("give one decision with --decision and TEXT, or many with --input, not both");
        }
        if (input == null && (text == null || decision == null)) {
            throw new Main.UsageException("give the decision with --decision and the comment's TEXT, or decisions with --input");
        }
        if (by == null || by.isBlank()) {
            throw new Main.UsageException("say who made the decisions with --by");
        }
        Writer out = StandardOutput.checked(spec.commandLine().getOut());
        try (FeedbackStore store = FeedbackStore.open(dataDir.path())) {
            if (input == null) {
                Article article = articleTitle == null && articleText == null ? null : Article.of(articleTitle, articleText);
                Comment c = new Comment(id, text, author, authorUrl, authorEmail, article, site, permalink);
                Decision d = decision(c, decision, by, null, 0);
                record(store, d, out, c.id().isEmpty() ? d.key() : c.id());
            } else {
                recordAll(store, out);
            }
        }
        return 0;
    }

    private void recordAll(FeedbackStore store, Writer out) throws IOException {
        String name = input.toString().equals("-") ? ScoreCommand.STDIN : input.toString();
        InputOptions options = InputOptions.DEFAULT;
        ObjectMapper json = new ObjectMapper(); // not a static field: picocli builds every command, even to score one comment
        try (InputStream in = input.toString().equals("-") ? System.in : FileProblems.open(input)) {
            InputLines lines = new InputLines(in, StandardCharsets.UTF_8, name);
            for (String line; (line = lines.next()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                long n = lines.number();
                Comment c = CommentReader.jsonLine(line, name, n, options, Map.of()).comment();
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new InputFormatException(name, n, "invalid JSON: " + e.getOriginalMessage());
                }
                String label = node.hasNonNull("decision") ? node.get("decision").asText()
                        : node.hasNonNull("label") ? node.get("label").asText() : null;
                if (label == null) {
                    throw new InputFormatException(name, n, "no \"decision\" field (spam, ok or low_quality)");
                }
                String who = node.hasNonNull("by") ? node.get("by").asText() : by;
                record(store, decision(c, label, who, name, n), out, c.id().isEmpty() ? Long.toString(n) : c.id());
            }
        }
    }

    private static Decision decision(Comment c, String label, String who, String name, long line) throws InputFormatException {
        try {
            return new Decision(c, label, who, Instant.now());
        } catch (IllegalArgumentException e) {
            if (name == null) {
                throw new Main.UsageException(e.getMessage());
            }
            throw new InputFormatException(name, line, e.getMessage());
        }
    }

    /** Records one decision and acknowledges it, only once it is committed. */
    private static void record(FeedbackStore store, Decision d, Writer out, String shownId) throws IOException {
        store.record(d);
        out.write("recorded\t" + shownId + "\t" + d.label() + "\n");
        out.flush();
    }

    /** The {@code --data-dir} option of the feedback commands. */
    static final class DataDir {

        /** The default data directory: {@code .commentguard} in the user's home. */
        static final Path DEFAULT = Path.of(System.getProperty("user.home"), ".commentguard");

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the feedback store lives (the file "
                + FeedbackStore.FILE_NAME + " in it). Default: ~/.commentguard.")
        Path dir;

        Path path() {
            return dir != null ? dir : DEFAULT;
        }
    }
}

package dev.commentguard.cli;

import dev.commentguard.Article;
import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.CommentStream;
import dev.commentguard.io.AtomicFile;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputFormatException;
import dev.commentguard.io.InputLines;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.OutputFormat;
import dev.commentguard.io.Rejects;
import dev.commentguard.io.VerdictWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code score}: verdicts for comments given as arguments, in a file, or on standard input. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score comments: label, spam score, action (allow, demote, review, block) and reasons.",
                "Comments come as arguments, from --input (CSV or JSON Lines), or one per line on standard input."},
        footer = {"", "Examples:",
                "  java -jar target/commentguard.jar score \"Call 0300-1234567 for free classified ads\"",
                "  java -jar target/commentguard.jar score --input comments.csv --format jsonl",
                "  java -jar target/commentguard.jar score --explain --article-title \"...\" --article-text-file article.txt \"...\""})
final class ScoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ExitCodes exitCodes;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Comments to score.")
    List<String> texts = new ArrayList<>();

    @Option(names = "--input", paramLabel = "FILE", description = "CSV or JSON Lines file of comments ('-' for standard input),"
            + " or a comment system's export (WordPress WXR, wp comment list CSV or JSON, Disqus XML): every comment in it is"
            + " scored, pending ones too. In a file without ids, each comment's id is its line number.")
    Path inputFile;

    @Mixin
    OutputMixin out;

    @Option(names = "--site", paramLabel = "URL", description = "The site the comments are posted on (Akismet's blog), for"
            + " comments that name none in a site or blog column or field: links and e-mail addresses on its domain are not"
            + " evidence of spam.")
    String site = "";

    @Option(names = "--permalink", paramLabel = "URL", description = "The URL of the article the comments sit under, for"
            + " comments that name none in a permalink column or field; its host counts as the site's.")
    String permalink = "";

    @Option(names = "--article-title", paramLabel = "TITLE", description = "Title of the article the comments sit under.")
    String articleTitle;

    @Option(names = "--article-text-file", paramLabel = "FILE", description = "File holding the text of the article the comments sit under.")
    Path articleTextFile;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for scoring a large input (over 4,096 comments). Default: one per processor (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--stream",
            description = "Score standard input line by line as it arrives, writing each verdict at once: for a pipe that"
                    + " stays open, such as a site's moderation queue. A line is a comment's text, or with --input-format"
                    + " jsonl a JSON object (text, id, author, author_url, article_title, ...). A text seen earlier in the"
                    + " stream is flagged as posted more than once.")
    boolean stream;

    @Mixin
    ModelMixin modelOptions;

    @Mixin
    InputMixin input;

    @Override
    public Integer call() throws Exception {
        OutputFormat fmt = out.checkedFormat();
        Path output = out.output == null || out.output.toString().equals("-") ? null : out.output; // '-': standard output
        if (threads < 1) {
            throw new Main.UsageException("--threads must be at least 1: " + threads);
        }
        if (inputFile != null && !texts.isEmpty()) {
            throw new Main.UsageException("give comments as arguments or with --input, not both");
        }
        Map<String, List<Path>> inputs = input.inputs("--input", java.util.Collections.singletonList(inputFile));
        inputs.put("--article-text-file", java.util.Collections.singletonList(articleTextFile));
        inputs.put("--model", java.util.Collections.singletonList(modelOptions.model));
        SameFile.refuse("--output", output, inputs);
        input.refuseRejectsOver(inputs);
        if (stream) {
            if (inputFile != null || output != null || !texts.isEmpty()) {
                throw new Main.UsageException("--stream reads standard input and writes standard output:"
                        + " give no comments as arguments and no --input or --output");
            }
            return stream(fmt, out.apply(modelOptions.load()));
        }
        List<Comment> comments = comments();
        CommentScorer scorer = out.apply(modelOptions.load());
        if (output == null) {
            write(StandardOutput.checked(spec.commandLine().getOut()), fmt, scorer, comments, Progress.none());
        } else {
            // A bar only when the verdicts go to a file: on a terminal it would mix with them.
            try (AtomicFile file = AtomicFile.create(output);
                 Progress progress = inputFile != null ? Progress.onTerminal() : Progress.none()) {
                write(file.writer(), fmt, scorer, comments, progress);
                file.commit();
            }
        }
        return 0;
    }

    /** Writes each verdict as soon as it is ready, so that memory does not grow with the input. */
    private void write(Writer to, OutputFormat fmt, CommentScorer scorer, List<Comment> comments, Progress progress)
            throws IOException {
        VerdictWriter writer = out.writer(fmt, to, scorer.labels());
        int[] next = {0};
        if (!comments.isEmpty()) {
            progress.progress("scoring", 0, comments.size());
        }
        try {
            scorer.scoreAll(comments, verdict -> {
                try {
                    writer.write(comments.get(next[0]++), verdict);
                    if ((next[0] & 4095) == 0 || next[0] == comments.size()) {
                        progress.progress("scoring", next[0], comments.size());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, threads);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    /** How standard input is named in messages. */
    static final String STDIN = "<stdin>";

    /**
     * Scores standard input a line at a time, each verdict written out before the next line is read: a line is
     * a comment's text, or with --input-format jsonl a JSON object with the fields of a JSON Lines file. Every
     * line gets exactly one reply, in order: a line that cannot be scored (blank, invalid JSON or text, no text
     * field) gets an error in place of its verdict, and the stream goes on.
     */
    private int stream(OutputFormat fmt, CommentScorer scorer) throws IOException {
        InputOptions options = input.options();
        if (dev.commentguard.io.ExportFormat.named(input.inputFormat) != null) {
            throw new Main.UsageException("--stream reads a comment a line, not an export: score an export with --input");
        }
        boolean json = options.format().equals("jsonl");
        if (!json && !options.format().equals("auto")) {
            throw new Main.UsageException("--stream reads a comment a line: its text, or a JSON object with --input-format jsonl");
        }
        Map<String, Article> articles = json ? input.articleMap() : Map.of();
        Article article = article();
        Rejects rejects = input.rejects();
        CommentStream comments = scorer.stream();
        PrintWriter err = spec.commandLine().getErr();
        VerdictWriter writer = out.writer(fmt, StandardOutput.checked(spec.commandLine().getOut()), scorer.labels());
        InputLines lines = lines(options);
        int unanswered = 0;
        while (true) {
            String line = null;
            Comment c;
            try {
                line = lines.next();
                if (line == null) {
                    break;
                }
                c = inContext(json ? request(line, lines.number(), options, articles, article) : text(line, lines.number(), article));
            } catch (InputFormatException e) {
                String id = json && line != null ? CommentReader.idOf(line, options) : null;
                writer.writeError(id != null ? id : Long.toString(e.line()), e.line(), e.problem());
                writer.flush();
                // Said at once too: the rejects file is written when the stream ends, which a service may never see.
                err.println("warning: " + e.getMessage() + (input.skipInvalid ? " (set aside)" : " (answered with an error)"));
                err.flush();
                if (input.skipInvalid) {
                    rejects.reject(e, line);
                } else {
                    unanswered++;
                }
                continue;
            }
            writer.write(c, comments.score(c));
            writer.flush();
        }
        writer.flush();
        input.reportRejects("-", err);
        if (unanswered > 0) {
            throw new InputFormatException(STDIN, 0, unanswered + " line(s) could not be scored; each was answered with an error object");
        }
        return 0;
    }

    /** A JSON Lines request of the stream; one without an id takes its line number. */
    private static Comment request(String line, long n, InputOptions options, Map<String, Article> articles, Article article)
            throws InputFormatException {
        if (line.isBlank()) {
            throw new InputFormatException(STDIN, n, "the line is blank; expected a JSON object");
        }
        Comment c = numbered(CommentReader.jsonLine(line, STDIN, n, options, articles).comment(), n);
        return article != null && c.article() == null ? c.withArticle(article) : c;
    }

    /** {@code c}, or when it has no id, the same comment with its line number for one. */
    private static Comment numbered(Comment c, long line) {
        return !c.id().isEmpty() ? c : new Comment(Long.toString(line), c.text(), c.author(), c.authorUrl(), c.authorEmail(),
                c.article(), c.site(), c.permalink());
    }

    /** A line of text as a comment whose id is its line number. */
    private static Comment text(String line, long n, Article article) throws InputFormatException {
        if (line.isBlank()) {
            throw new InputFormatException(STDIN, n, "the comment text is empty");
        }
        return new Comment(Long.toString(n), line, "", "", "", article);
    }

    private InputLines lines(InputOptions options) {
        if (!"\n".equals(new String(new byte[] {'\n'}, options.encoding()))) {
            throw new Main.UsageException("standard input is read a line at a time, which --encoding " + options.encoding().name()
                    + " cannot do: give the comments with --input, or in UTF-8");
        }
        return new InputLines(System.in, options.encoding(), STDIN);
    }

    /** The article given by --article-title and --article-text-file, or null. */
    private Article article() throws IOException {
        if (articleTitle == null && articleTextFile == null) {
            return null;
        }
        String body = articleTextFile == null ? "" : CommentReader.readText(articleTextFile, input.options().encoding());
        return Article.of(articleTitle == null ? "" : articleTitle, body);
    }

    /** The comment on the site and under the article of --site and --permalink, unless it names its own. */
    private Comment inContext(Comment c) {
        if (site.isBlank() && permalink.isBlank() || !c.site().isEmpty() || !c.permalink().isEmpty()) {
            return c;
        }
        return c.withSite(site, permalink);
    }

    private List<Comment> comments() throws IOException {
        Article article = article();
        List<Comment> comments = new ArrayList<>();
        if (inputFile != null) {
            List<InputRow> rows = input.readAll(List.of(inputFile), false);
            input.reportRejects(inputFile.toString(), spec.commandLine().getErr());
            // A file without ids has its rows named by their lines, so that verdicts can be joined back; not a file with
            // some ids, where a line number could be another row's id.
            boolean noIds = rows.stream().allMatch(r -> r.comment().id().isEmpty());
            for (InputRow r : rows) {
                Comment c = noIds ? numbered(r.comment(), r.line()) : r.comment();
                comments.add(inContext(article != null && c.article() == null ? c.withArticle(article) : c));
            }
        } else if (!texts.isEmpty()) {
            int n = 0;
            for (String t : texts) {
                n++;
                if (t.isBlank()) {
                    throw new Main.UsageException("comment " + n + " is empty");
                }
                comments.add(inContext(new Comment(Integer.toString(n), t, "", "", "", article)));
            }
        } else {
            // The same strict reading as --input -: invalid bytes stop the run at their line, not replaced and scored.
            InputLines lines = lines(input.options());
            for (String line; (line = lines.next()) != null; ) {
                if (!line.isBlank()) {
                    comments.add(inContext(new Comment(Long.toString(lines.number()), line, "", "", "", article)));
                }
            }
        }
        return comments;
    }
}

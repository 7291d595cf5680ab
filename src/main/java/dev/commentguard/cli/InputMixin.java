package dev.commentguard.cli;

import dev.commentguard.Article;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputFormatException;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.Rejects;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The options that say how to read comment files, shared by train, score and evaluate. */
final class InputMixin {

    @Option(names = "--text-column", paramLabel = "NAME", description = "Column (or JSON field) holding the comment. "
            + "Default: text, content, comment, body or message. A 1-based number with --no-header.")
    String textColumn;

    @Option(names = "--label-column", paramLabel = "NAME", description = "Column holding the label. Default: label, class or tag. "
            + "A 1-based number with --no-header (default 1).")
    String labelColumn;

    @Option(names = "--id-column", paramLabel = "NAME", description = "Column holding the comment id. Default: id or comment_id.")
    String idColumn;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV field delimiter: a character, or 'tab'. "
            + "Default: tab for .tsv/.tab files, else comma.")
    String delimiter;

    @Option(names = "--no-header", description = "The CSV file has no header row; columns are then named by number.")
    boolean noHeader;

    @Option(names = "--quote", paramLabel = "CHAR", description = "CSV quote character, or 'none'. Default: \" (none for tab-separated files).")
    String quote;

    @Option(names = "--input-format", paramLabel = "FMT", defaultValue = "auto",
            description = "auto, csv or jsonl. Default: by file name (.jsonl and .ndjson are JSON Lines).")
    String inputFormat;

    @Option(names = "--articles", paramLabel = "FILE", description = "Articles file (id,title,text) joined to comments by their article_id column.")
    Path articles;

    @Option(names = "--skip-invalid", description = "Set aside rows that cannot be used (empty text, missing fields, "
            + "duplicate id, unknown label, ...) instead of stopping; they are written with their reasons to the rejects file.")
    boolean skipInvalid;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Where --skip-invalid writes rejected rows "
            + "(CSV: file,line,problem,text). Default: <first input>.rejects.csv (stdin.rejects.csv for standard input).")
    Path rejectsFile;

    private Rejects rejects;

    /** The rejects of this run: strict unless --skip-invalid. */
    Rejects rejects() {
        if (rejects == null) {
            rejects = skipInvalid ? Rejects.skipping() : Rejects.strict();
        }
        return rejects;
    }

    /**
     * Writes the rejects file and says so on {@code err} when rows were set aside.
     *
     * @param firstInput names the default rejects file
     */
    void reportRejects(String firstInput, java.io.PrintWriter err) throws IOException {
        if (rejects == null || rejects.count() == 0) {
            return;
        }
        Path target = rejectsFile != null ? rejectsFile : Path.of((firstInput.equals("-") ? "stdin" : firstInput) + ".rejects.csv");
        rejects.write(target);
        err.printf("warning: skipped %,d invalid row(s); they are listed with their reasons in %s%n", rejects.count(), target);
        err.flush();
    }

    InputOptions options() {
        Character delim = null;
        if (delimiter != null) {
            if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
                delim = '\t';
            } else if (delimiter.length() == 1) {
                delim = delimiter.charAt(0);
            } else {
                throw new Main.UsageException("--delimiter takes one character or 'tab': '" + delimiter + "'");
            }
        }
        Optional<Character> q = null;
        if (quote != null) {
            if (quote.equalsIgnoreCase("none")) {
                q = Optional.empty();
            } else if (quote.length() == 1) {
                q = Optional.of(quote.charAt(0));
            } else {
                throw new Main.UsageException("--quote takes one character or 'none': '" + quote + "'");
            }
        }
        try {
            return new InputOptions(inputFormat, textColumn, labelColumn, idColumn, delim, !noHeader, q);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    Map<String, Article> articleMap() throws IOException {
        return articles == null ? Map.of() : CommentReader.readArticles(articles);
    }

    /** Reads every file ('-' is standard input), then rejects duplicate ids across them. */
    List<InputRow> readAll(List<Path> files, boolean requireLabel) throws IOException {
        return readAll(files, requireLabel, options());
    }

    /** Reads every file with these options (this mixin's, adjusted by the command). */
    List<InputRow> readAll(List<Path> files, boolean requireLabel, InputOptions options) throws IOException {
        Map<String, Article> articleMap = articleMap();
        List<InputRow> rows = new ArrayList<>();
        for (Path f : files) {
            if (f.toString().equals("-")) {
                boolean jsonl = "jsonl".equals(options.format());
                rows.addAll(CommentReader.read(System.in, "<stdin>", jsonl, options,
                        options.delimiter() == null ? ',' : options.delimiter(), articleMap, requireLabel, rejects()));
            } else {
                rows.addAll(CommentReader.read(f, options, articleMap, requireLabel, rejects()));
            }
        }
        return withoutDuplicateIds(rows);
    }

    private List<InputRow> withoutDuplicateIds(List<InputRow> rows) throws IOException {
        Map<String, InputRow> seen = new java.util.HashMap<>();
        List<InputRow> kept = new ArrayList<>(rows.size());
        for (InputRow r : rows) {
            String id = r.comment().id();
            InputRow first = id.isEmpty() ? null : seen.putIfAbsent(id, r);
            if (first != null) {
                rejects().reject(new InputFormatException(r.source(), r.line(), "duplicate id '" + id + "' (first at "
                        + first.source() + ":" + first.line() + ")"), r.comment().text());
            } else {
                kept.add(r);
            }
        }
        return kept;
    }
}

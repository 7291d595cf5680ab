package dev.commentguard.cli;

import dev.commentguard.Article;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.ExportFormat;
import dev.commentguard.io.LabelMap;
import dev.commentguard.io.SiteExports;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputFormatException;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.Rejects;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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
            description = "auto, csv, jsonl, or a comment system's export: wxr (WordPress Tools > Export), wp-comments"
                    + " (wp comment list --format=csv|json) or disqus (Disqus XML export). Default: exports are recognised by"
                    + " their first bytes, other files by name (.jsonl and .ndjson are JSON Lines, else CSV).")
    String inputFormat;

    @Option(names = "--label-map", paramLabel = "STATUS=LABEL", split = ",",
            description = "For exports: the label of comments with a moderation status, or none to leave them out."
                    + " Statuses: approved, spam, pending, trash, deleted (Disqus), unknown. Default: approved=ok, spam=spam;"
                    + " pending, trash, deleted and unknown are not used to train or evaluate. E.g. --label-map trash=spam.")
    List<String> labelMap = new ArrayList<>();

    @Option(names = "--include-pingbacks", description = "For exports: read pingbacks and trackbacks too (notices of links"
            + " from other sites, skipped by default).")
    boolean includePingbacks;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Character encoding of the input files and standard input, e.g. windows-1252, ISO-8859-1,"
                    + " UTF-16LE. Default: ${DEFAULT-VALUE}.")
    Charset encoding;

    @Option(names = "--articles", paramLabel = "FILE", description = "Articles file (id,title,text) joined to comments by their"
            + " article_id column; for a wp-comments export, the posts joined by comment_post_ID: a WXR file or"
            + " wp post list --format=csv output (ID, post_title, post_content, guid or url).")
    Path articles;

    @Option(names = "--skip-invalid", description = "Set aside rows that cannot be used (empty text, missing fields, "
            + "duplicate id, unknown label, ...) instead of stopping; they are written with their reasons to the rejects file.")
    boolean skipInvalid;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Where --skip-invalid writes rejected rows "
            + "(CSV: file,line,problem,text). Default: <first input>.rejects.csv (stdin.rejects.csv for standard input).")
    Path rejectsFile;

    private Rejects rejects;
    private final List<String> importSummaries = new ArrayList<>();
    private int repeats;
    private String firstRepeat;

    /** How many rows were dropped as exact repeats of an earlier row. */
    int repeats() {
        return repeats;
    }

    /** The rejects of this run: strict unless --skip-invalid. */
    Rejects rejects() {
        if (rejects == null) {
            rejects = skipInvalid ? Rejects.skipping() : Rejects.strict();
        }
        return rejects;
    }

    /**
     * Writes the rejects file and says so on {@code err} when rows were set aside; says how many exact repeats were
     * dropped.
     *
     * @param firstInput names the default rejects file
     */
    void reportRejects(String firstInput, java.io.PrintWriter err) throws IOException {
        for (String summary : importSummaries) {
            err.println(summary);
        }
        err.flush();
        if (repeats > 0) {
            err.printf("note: dropped %,d exact repeat(s) of an earlier row (same id, text and label; %s)%n", repeats,
                    firstRepeat);
            err.flush();
        }
        if (rejects == null || rejects.count() == 0) {
            return;
        }
        Path target = rejectsFile != null ? rejectsFile : Path.of((firstInput.equals("-") ? "stdin" : firstInput) + ".rejects.csv");
        rejects.write(target);
        err.printf("warning: skipped %,d invalid row(s); they are listed with their reasons in %s%n", rejects.count(), target);
        err.flush();
    }

    /** The files this command reads by their option: {@code files} under {@code option}, and the articles file. */
    Map<String, List<Path>> inputs(String option, List<Path> files) {
        Map<String, List<Path>> inputs = new java.util.LinkedHashMap<>();
        inputs.put(option, files);
        inputs.put("--articles", java.util.Collections.singletonList(articles));
        return inputs;
    }

    /** Refuses a --rejects file that is one of {@code inputs}. */
    void refuseRejectsOver(Map<String, List<Path>> inputs) {
        SameFile.refuse("--rejects", rejectsFile, inputs);
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
            String format = ExportFormat.named(inputFormat) != null ? "auto" : inputFormat;
            return new InputOptions(format, textColumn, labelColumn, idColumn, delim, !noHeader, q, encoding, null);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    Map<String, Article> articleMap() throws IOException {
        return articles == null ? Map.of() : SiteExports.readArticles(articles, encoding);
    }

    /** Reads every file ('-' is standard input), then rejects duplicate ids across them. */
    List<InputRow> readAll(List<Path> files, boolean requireLabel) throws IOException {
        return readAll(files, requireLabel, options());
    }

    /** Reads every file with these options (this mixin's, adjusted by the command). */
    List<InputRow> readAll(List<Path> files, boolean requireLabel, InputOptions options) throws IOException {
        List<InputRow> rows = new ArrayList<>();
        readEach(files, requireLabel, options, rows::add);
        return withoutDuplicateIds(rows);
    }

    /**
     * Hands the rows of every file ('-' is standard input) to {@code rows} as they are read, in order: the rows of a CSV
     * or JSON Lines file are never held together. Duplicate ids are the caller's to find.
     */
    /** What each stream read by {@link #readEach} was read as, for {@link #formatOf}. */
    private final Map<Path, String> streamFormats = new java.util.HashMap<>();

    void readEach(List<Path> files, boolean requireLabel, InputOptions options, Consumer<InputRow> rows)
            throws IOException {
        Map<String, Article> articleMap = articleMap();
        for (Path f : files) {
            boolean stdin = f.toString().equals("-");
            if (stdin || !java.nio.file.Files.isRegularFile(f)) {
                streamFormats.put(f, ReadOnce.read(f, inputFormat, options, exportOptions(), articleMap, requireLabel,
                        rejects(), result -> exported(result, rows), rows));
            } else {
                ExportFormat export = exportFormat(f);
                if (export != null) {
                    ReadOnce.refuseGroupColumn(options, f.toString(), export);
                    exported(SiteExports.read(f, export, exportOptions(), articleMap, options.encoding(), requireLabel,
                            rejects()), rows);
                } else {
                    CommentReader.forEach(f, options, articleMap, requireLabel, rejects(), rows);
                }
            }
        }
    }

    private void exported(SiteExports.Result result, Consumer<InputRow> rows) {
        importSummaries.add(result.summary());
        result.rows().forEach(r -> {
            exportSources.add(r.source());
            rows.accept(r);
        });
    }

    /**
     * The files read as exports: their comment ids are the site's own numbering, which starts at 1 on every site, so
     * they are unique within their file, not across files.
     */
    private final java.util.Set<String> exportSources = new java.util.HashSet<>();

    /**
     * Records exact repeats that a caller reading with {@link #readEach} dropped, for {@link #reportRejects} to tell.
     *
     * @param first where the first of them is and what it repeats
     */
    void noteRepeats(int count, String first) {
        if (count > 0 && repeats == 0) {
            firstRepeat = first;
        }
        repeats += count;
    }

    /** The format {@code file} is read in, as a manifest names it: an export's option name, jsonl or csv. */
    String formatOf(Path file) throws IOException {
        String streamed = streamFormats.get(file);
        if (streamed != null) {
            return streamed; // a stream can be read only once: what it was read as
        }
        if (file.toString().equals("-")) {
            return "jsonl".equals(options().format()) ? "jsonl" : "csv";
        }
        ExportFormat export = exportFormat(file);
        return export != null ? export.option()
                : CommentReader.isJsonLines(file.getFileName().toString(), options()) ? "jsonl" : "csv";
    }

    /** The export {@code file} is read as: named by --input-format, else recognised by its first bytes; null for neither. */
    private ExportFormat exportFormat(Path file) throws IOException {
        ExportFormat named = ExportFormat.named(inputFormat);
        return named != null ? named : inputFormat.equalsIgnoreCase("auto") ? ExportFormat.detect(file) : null;
    }

    /** How exports are read: --label-map over the default, and --include-pingbacks. */
    SiteExports.Options exportOptions() {
        LabelMap map = LabelMap.DEFAULT;
        try {
            for (String pairs : labelMap) {
                map = map.with(pairs);
            }
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        return new SiteExports.Options(map, includePingbacks);
    }

    /**
     * Drops exact repeats of an earlier row (same id, text and label: public sets such as the YouTube comments hold
     * a few, a row exported twice) and rejects an id used again for another comment.
     */
    private List<InputRow> withoutDuplicateIds(List<InputRow> rows) throws IOException {
        Map<String, InputRow> seen = new java.util.HashMap<>();
        List<InputRow> kept = new ArrayList<>(rows.size());
        for (InputRow r : rows) {
            String id = r.comment().id();
            String key = exportSources.contains(r.source()) ? r.source() + '\u0000' + id : id;
            InputRow first = id.isEmpty() ? null : seen.putIfAbsent(key, r);
            if (first != null && first.comment().equals(r.comment()) && java.util.Objects.equals(first.label(), r.label())) {
                if (repeats++ == 0) {
                    firstRepeat = r.source() + ":" + r.line() + " repeats " + (first.source().equals(r.source())
                            ? "line " + first.line() : first.source() + ":" + first.line());
                }
            } else if (first != null) {
                rejects().reject(new InputFormatException(r.source(), r.line(), "duplicate id '" + id + "' (first at "
                        + first.source() + ":" + first.line() + ")"), r.comment().text());
            } else {
                kept.add(r);
            }
        }
        return kept;
    }
}

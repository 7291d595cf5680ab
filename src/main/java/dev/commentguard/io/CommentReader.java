package dev.commentguard.io;

import dev.commentguard.Article;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads comments from CSV (RFC 4180, UTF-8, BOM tolerated, quoted fields may span lines) or JSON Lines, and the
 * articles they are joined to. Columns are found by name with common aliases, or named by options; headerless
 * files take column numbers. This is the entry point: it opens and decodes the input and picks the format; the
 * formats themselves are read by {@link CsvCommentReader}, {@link JsonLinesCommentReader} and
 * {@link ArticleReader}. Stateless: thread-safe.
 */
public final class CommentReader {

    /**
     * Longest comment accepted from a file (1 MiB of characters). Longer rows are rejected; accepted
     * comments are scored on their first {@link dev.commentguard.text.TextNormalizer#MAX_CHARS} characters.
     */
    public static final int MAX_TEXT_CHARS = 1 << 20;

    private CommentReader() {
    }

    /**
     * Reads every comment of a file.
     *
     * @param file         the file
     * @param options      format and column options
     * @param articles     articles by id, joined through the {@code article_id} column (may be empty)
     * @param requireLabel whether every row must carry a label
     */
    public static List<InputRow> read(Path file, InputOptions options, Map<String, Article> articles,
                                      boolean requireLabel) throws IOException {
        return read(file, options, articles, requireLabel, Rejects.strict());
    }

    /** Reads every comment of a file, handing rows that cannot be used to {@code rejects}. */
    public static List<InputRow> read(Path file, InputOptions options, Map<String, Article> articles,
                                      boolean requireLabel, Rejects rejects) throws IOException {
        List<InputRow> rows = new ArrayList<>();
        forEach(file, options, articles, requireLabel, rejects, rows::add);
        return rows;
    }

    /**
     * Hands every comment of a file to {@code rows} as it is read, in order, holding none: for files too large to hold.
     * Rows that cannot be used go to {@code rejects}.
     */
    public static void forEach(Path file, InputOptions options, Map<String, Article> articles, boolean requireLabel,
                               Rejects rejects, Consumer<InputRow> rows) throws IOException {
        try (InputStream in = FileProblems.open(file)) {
            forEach(in, file.toString(), isJsonLines(file.getFileName().toString(), options), options,
                    defaultDelimiter(file, options), articles, requireLabel, rejects, rows);
        }
    }

    /** Reads comments from a stream, such as standard input. */
    public static List<InputRow> read(InputStream in, String name, boolean jsonLines, InputOptions options,
                                      char delimiter, Map<String, Article> articles, boolean requireLabel,
                                      Rejects rejects) throws IOException {
        List<InputRow> rows = new ArrayList<>();
        forEach(in, name, jsonLines, options, delimiter, articles, requireLabel, rejects, rows::add);
        return rows;
    }

    /** Hands the comments of a stream, such as standard input, to {@code rows} as they are read. */
    public static void forEach(InputStream in, String name, boolean jsonLines, InputOptions options, char delimiter,
                               Map<String, Article> articles, boolean requireLabel, Rejects rejects,
                               Consumer<InputRow> rows) throws IOException {
        Reader reader = new DecodingReader(in, options.encoding(), name);
        if (jsonLines) {
            JsonLinesCommentReader.read(reader, name, options, articles, requireLabel, rejects, rows);
        } else {
            CsvCommentReader.read(reader, name, options, delimiter, articles, requireLabel, rejects, rows);
        }
    }

    /** The whole text of a file (an article's), decoded strictly: bad bytes are an error with their line. */
    public static String readText(Path file, Charset encoding) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Reader in = new DecodingReader(FileProblems.open(file), encoding, file.toString())) {
            char[] buf = new char[8192];
            for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) {
                text.append(buf, 0, n);
            }
        }
        return text.toString();
    }

    /** Reads a UTF-8 articles file with columns {@code id,title,text} (CSV or JSON Lines), keyed by id. */
    public static Map<String, Article> readArticles(Path file) throws IOException {
        return readArticles(file, StandardCharsets.UTF_8);
    }

    /** Reads an articles file with columns {@code id,title,text} (CSV or JSON Lines) in {@code encoding}, keyed by id. */
    public static Map<String, Article> readArticles(Path file, Charset encoding) throws IOException {
        Map<String, Article> articles = new LinkedHashMap<>();
        try (InputStream in = FileProblems.open(file)) {
            ArticleReader.read(new DecodingReader(in, encoding, file.toString()), file, articles);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return articles;
    }

    /** Reads a UTF-8 articles CSV with columns {@code id,title,text} from a stream (a resource), keyed by id. */
    public static Map<String, Article> readArticles(InputStream in, String name) throws IOException {
        Map<String, Article> articles = new LinkedHashMap<>();
        try {
            ArticleReader.read(new DecodingReader(in, StandardCharsets.UTF_8, name), Path.of(name), articles);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return articles;
    }

    /** Whether a file is read as JSON Lines: by --input-format, else by its name. */
    public static boolean isJsonLines(String fileName, InputOptions options) {
        if (!options.format().equals("auto")) {
            return options.format().equals("jsonl");
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json");
    }

    /** The delimiter for a file: the option, else tab for .tsv and .tab files, else comma. */
    public static char defaultDelimiter(Path file, InputOptions options) {
        if (options.delimiter() != null) {
            return options.delimiter();
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".tsv") || lower.endsWith(".tab") ? '\t' : ',';
    }

    /**
     * One line of JSON Lines as a comment, for input read a line at a time ({@code score --stream}); labels are
     * read but not required.
     *
     * @throws InputFormatException naming {@code name} and {@code line} when the line cannot be used
     */
    public static InputRow jsonLine(String lineText, String name, long line, InputOptions options, Map<String, Article> articles)
            throws InputFormatException {
        return JsonLinesCommentReader.line(lineText, name, line, options, articles);
    }

    /**
     * A JSON object already parsed (an element of a request's array) as a comment, read as {@link #jsonLine} reads a
     * line: read from the parsed object, not from its JSON written again, which would turn a number too large for a
     * double into the string "Infinity".
     *
     * @throws InputFormatException naming {@code name} and {@code line} when the object cannot be used
     */
    public static InputRow jsonObject(com.fasterxml.jackson.databind.JsonNode object, String name, long line,
                                      InputOptions options, Map<String, Article> articles) throws InputFormatException {
        return JsonLinesCommentReader.object(object, name, line, options, articles);
    }

    /**
     * The id of a JSON Lines request that could not be used, when one can be read from it, else null: so that the
     * error answering it can carry the id the client sent.
     */
    public static String idOf(String lineText, InputOptions options) {
        return JsonLinesCommentReader.idOf(lineText, options);
    }
}

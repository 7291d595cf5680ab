package dev.commentguard.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commentguard.Article;
import dev.commentguard.Comment;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads comments from CSV (RFC 4180, UTF-8, BOM tolerated, quoted fields may span lines) or JSON Lines.
 * Columns are found by name with common aliases, or named by options; headerless files take column
 * numbers. Stateless: thread-safe.
 */
public final class CommentReader {

    /**
     * Longest comment accepted from a file (1 MiB of characters). Longer rows are rejected; accepted
     * comments are scored on their first {@link dev.commentguard.text.TextNormalizer#MAX_CHARS} characters.
     */
    public static final int MAX_TEXT_CHARS = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper();

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
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), isJsonLines(file.getFileName().toString(), options), options,
                    defaultDelimiter(file, options), articles, requireLabel, rejects);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file.toString(), 0, "no such file");
        }
    }

    /** Reads comments from a stream, such as standard input. */
    public static List<InputRow> read(InputStream in, String name, boolean jsonLines, InputOptions options,
                                      char delimiter, Map<String, Article> articles, boolean requireLabel,
                                      Rejects rejects) throws IOException {
        Reader reader;
        try {
            reader = utf8(in);
        } catch (CharacterCodingException e) {
            throw new InputFormatException(name, 1, "invalid UTF-8 (the file must be UTF-8 encoded)", e);
        }
        return jsonLines ? readJsonLines(reader, name, options, articles, requireLabel, rejects)
                : readCsv(reader, name, options, delimiter, articles, requireLabel, rejects);
    }

    /** Reads an articles file with columns {@code id,title,text} (CSV or JSON Lines), keyed by id. */
    public static Map<String, Article> readArticles(Path file) throws IOException {
        Map<String, Article> articles = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            readArticles(in, file, articles);
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file.toString(), 0, "no such file");
        } catch (CharacterCodingException e) {
            throw new InputFormatException(file.toString(), 0, "invalid UTF-8 (the file must be UTF-8 encoded)", e);
        }
        return articles;
    }

    private static void readArticles(InputStream in, Path file, Map<String, Article> articles) throws IOException {
        String name = file.toString();
        if (isJsonLines(file.getFileName().toString(), InputOptions.DEFAULT)) {
            BufferedReader reader = new BufferedReader(utf8(in));
            String line;
            long n = 0;
            while ((line = readLine(reader, name, n)) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parseJson(line, name, n);
                addArticle(articles, name, n, text(node, "id"), text(node, "title"), text(node, "text"));
            }
        } else {
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(defaultDelimiter(file, InputOptions.DEFAULT))
                    .setHeader().setSkipHeaderRecord(true).build();
            try (CSVParser parser = parse(utf8(in), format, name)) {
                List<String> columns = parser.getHeaderNames();
                String id = require(columns, "id", name);
                String title = require(columns, "title", name);
                String text = require(columns, "text", name);
                for (CSVRecord r : records(parser, name)) {
                    long line = lineOf(r, parser);
                    if (!r.isConsistent()) {
                        throw new InputFormatException(name, line, "expected " + columns.size() + " fields, found " + r.size());
                    }
                    addArticle(articles, name, line, r.get(id), r.get(title), r.get(text));
                }
            }
        }
    }

    private static void addArticle(Map<String, Article> articles, String name, long line, String id, String title, String text)
            throws InputFormatException {
        if (id == null || id.isBlank()) {
            throw new InputFormatException(name, line, "article without an id");
        }
        if (articles.put(id.strip(), new Article(id.strip(), title, text)) != null) {
            throw new InputFormatException(name, line, "duplicate article id '" + id.strip() + "'");
        }
    }

    private static String require(List<String> columns, String column, String name) throws InputFormatException {
        for (String c : columns) {
            if (c.strip().equalsIgnoreCase(column)) {
                return c;
            }
        }
        throw new InputFormatException(name, 1, "no '" + column + "' column; columns are " + columns);
    }

    static boolean isJsonLines(String fileName, InputOptions options) {
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
     * A strict UTF-8 reader that fails on malformed bytes and drops a leading byte-order mark. A decoding
     * error here (in the first characters) propagates: the decoder cannot be used after one.
     */
    private static Reader utf8(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static List<InputRow> readCsv(Reader reader, String name, InputOptions options, char delimiter,
                                          Map<String, Article> articles, boolean requireLabel, Rejects rejects)
            throws IOException {
        Character quote = options.quote() != null ? options.quote().orElse(null) : (delimiter == '\t' ? null : '"');
        CSVFormat.Builder builder = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote(quote);
        if (options.header()) {
            builder.setHeader().setSkipHeaderRecord(true);
        }
        List<InputRow> rows = new ArrayList<>();
        try (CSVParser parser = parse(reader, builder.build(), name)) {
            readRecords(parser, name, options, quote, articles, requireLabel, rows, rejects);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows;
    }

    private static void readRecords(CSVParser parser, String name, InputOptions options, Character quote,
                                    Map<String, Article> articles, boolean requireLabel, List<InputRow> rows,
                                    Rejects rejects) throws IOException {
        Map<Field, Integer> columns = options.header()
                ? columnsByName(parser.getHeaderNames(), options, name, requireLabel)
                : null;
        for (CSVRecord record : records(parser, name)) {
            long line = lineOf(record, parser);
            if (columns == null) {
                columns = columnsByNumber(record.size(), options, name, line, requireLabel);
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // an empty line
            }
            Map<Field, String> values = new EnumMap<>(Field.class);
            int needed = 0;
            for (Map.Entry<Field, Integer> e : columns.entrySet()) {
                needed = Math.max(needed, e.getValue() + 1);
                if (e.getValue() < record.size()) {
                    values.put(e.getKey(), record.get(e.getValue()));
                }
            }
            if (record.size() < needed) {
                rejects.reject(new InputFormatException(name, line, "expected at least " + needed + " fields, found "
                        + record.size() + (quote == null ? "" : " (an unbalanced quote can merge lines)")),
                        String.join(",", record.toList()));
                continue;
            }
            addRow(rows, values, name, line, articles, requireLabel, rejects);
        }
    }

    private static Map<Field, Integer> columnsByName(List<String> header, InputOptions options, String name,
                                                     boolean requireLabel) throws InputFormatException {
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            String chosen = chosenName(f, options);
            String column = chosen != null ? exact(header, chosen) : f.find(header);
            if (chosen != null && column == null) {
                throw new InputFormatException(name, 1, "no column named '" + chosen + "'; columns are " + header);
            }
            if (column != null) {
                columns.put(f, header.indexOf(column));
            }
        }
        if (!columns.containsKey(Field.TEXT)) {
            throw new InputFormatException(name, 1, "no text column (looked for " + String.join(", ", Field.TEXT.aliases())
                    + "; name it with --text-column); columns are " + header);
        }
        if (requireLabel && !columns.containsKey(Field.LABEL)) {
            throw new InputFormatException(name, 1, "no label column (looked for " + String.join(", ", Field.LABEL.aliases())
                    + "; name it with --label-column); columns are " + header);
        }
        return columns;
    }

    private static String exact(List<String> header, String wanted) {
        for (String c : header) {
            if (c.strip().equalsIgnoreCase(wanted.strip())) {
                return c;
            }
        }
        return null;
    }

    /** Headerless files: columns by 1-based number; by default the label is the first column and the text the last. */
    private static Map<Field, Integer> columnsByNumber(int fields, InputOptions options, String name, long line,
                                                      boolean requireLabel) throws InputFormatException {
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        columns.put(Field.TEXT, number(options.textColumn(), fields, name, line, "--text-column"));
        if (options.labelColumn() != null) {
            columns.put(Field.LABEL, number(options.labelColumn(), fields, name, line, "--label-column"));
        } else if (fields >= 2 && options.textColumn() == null) {
            columns.put(Field.LABEL, 0);
        }
        if (options.idColumn() != null) {
            columns.put(Field.ID, number(options.idColumn(), fields, name, line, "--id-column"));
        }
        if (options.groupColumn() != null) {
            columns.put(Field.GROUP, number(options.groupColumn(), fields, name, line, "--group-column"));
        }
        if (requireLabel && !columns.containsKey(Field.LABEL)) {
            throw new InputFormatException(name, line, "no label column: name it with --label-column N");
        }
        return columns;
    }

    private static int number(String option, int fields, String name, long line, String flag) throws InputFormatException {
        if (option == null) {
            return fields - 1;
        }
        try {
            int n = Integer.parseInt(option.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n - 1;
        } catch (NumberFormatException e) {
            throw new InputFormatException(name, line, flag + " must be a column number (1, 2, ...) in a file without a header: '" + option + "'");
        }
    }

    private static List<InputRow> readJsonLines(Reader in, String name, InputOptions options,
                                                Map<String, Article> articles, boolean requireLabel, Rejects rejects)
            throws IOException {
        BufferedReader reader = new BufferedReader(in);
        List<InputRow> rows = new ArrayList<>();
        String lineText;
        long line = 0;
        while ((lineText = readLine(reader, name, line)) != null) {
            line++;
            if (lineText.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = parseJson(lineText, name, line);
            } catch (InputFormatException e) {
                rejects.reject(e, lineText);
                continue;
            }
            Map<Field, String> values = fields(node, options);
            if (!values.containsKey(Field.TEXT)) {
                rejects.reject(noTextField(name, line, options), lineText);
                continue;
            }
            addRow(rows, values, name, line, articles, requireLabel, rejects);
        }
        return rows;
    }

    /**
     * One line of JSON Lines as a comment, for input read a line at a time ({@code score --stream}); labels are
     * read but not required.
     *
     * @throws InputFormatException naming {@code name} and {@code line} when the line cannot be used
     */
    public static InputRow jsonLine(String lineText, String name, long line, InputOptions options, Map<String, Article> articles)
            throws InputFormatException {
        Map<Field, String> values = fields(parseJson(lineText, name, line), options);
        if (!values.containsKey(Field.TEXT)) {
            throw noTextField(name, line, options);
        }
        return row(values, name, line, articles, false);
    }

    /** The column or field name the options give for {@code f}, or null to look for its aliases. */
    private static String chosenName(Field f, InputOptions options) {
        return switch (f) {
            case TEXT -> options.textColumn();
            case LABEL -> options.labelColumn();
            case ID -> options.idColumn();
            case GROUP -> options.groupColumn();
            default -> null;
        };
    }

    /** The fields of a JSON object that {@link Field} names, by the options' field names or the aliases. */
    private static Map<Field, String> fields(JsonNode node, InputOptions options) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            String chosen = chosenName(f, options);
            String key = chosen != null ? exact(keys, chosen) : f.find(keys);
            if (key != null && !node.get(key).isNull()) {
                JsonNode v = node.get(key);
                values.put(f, v.isValueNode() ? v.asText() : v.toString());
            }
        }
        return values;
    }

    private static InputFormatException noTextField(String name, long line, InputOptions options) {
        return new InputFormatException(name, line, "no text field (looked for "
                + (options.textColumn() != null ? options.textColumn() : String.join(", ", Field.TEXT.aliases())) + ")");
    }

    private static JsonNode parseJson(String line, String name, long n) throws InputFormatException {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new InputFormatException(name, n, "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InputFormatException(name, n, "invalid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static String readLine(BufferedReader reader, String name, long linesRead) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new InputFormatException(name, linesRead + 1, "invalid UTF-8 (the file must be UTF-8 encoded)");
        }
    }

    private static void addRow(List<InputRow> rows, Map<Field, String> v, String name, long line,
                               Map<String, Article> articles, boolean requireLabel, Rejects rejects) throws InputFormatException {
        try {
            rows.add(row(v, name, line, articles, requireLabel));
        } catch (InputFormatException e) {
            String text = v.getOrDefault(Field.TEXT, "");
            rejects.reject(e, text.length() > 1000 ? text.substring(0, 1000) + "…" : text);
        }
    }

    private static InputRow row(Map<Field, String> v, String name, long line, Map<String, Article> articles,
                                boolean requireLabel) throws InputFormatException {
        String text = v.get(Field.TEXT);
        if (text == null || text.isBlank()) {
            throw new InputFormatException(name, line, "the comment text is empty");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new InputFormatException(name, line, String.format(java.util.Locale.ROOT,
                    "the comment is %,d characters long; the limit is %,d", text.length(), MAX_TEXT_CHARS));
        }
        String label = v.get(Field.LABEL);
        if (label != null) {
            label = label.strip();
        }
        if (requireLabel && (label == null || label.isEmpty())) {
            throw new InputFormatException(name, line, "the label is empty");
        }
        Article article = null;
        String articleId = v.getOrDefault(Field.ARTICLE_ID, "").strip();
        if (!articleId.isEmpty() && !articles.isEmpty()) {
            article = articles.get(articleId);
            if (article == null) {
                throw new InputFormatException(name, line, "unknown article_id '" + articleId + "' (not in the articles file)");
            }
        } else if (v.containsKey(Field.ARTICLE_TITLE) || v.containsKey(Field.ARTICLE_TEXT)) {
            article = new Article(articleId, v.getOrDefault(Field.ARTICLE_TITLE, ""), v.getOrDefault(Field.ARTICLE_TEXT, ""));
        }
        Comment comment = new Comment(v.getOrDefault(Field.ID, "").strip(), text, v.get(Field.AUTHOR), v.get(Field.AUTHOR_URL),
                v.get(Field.AUTHOR_EMAIL), article);
        return new InputRow(name, line, comment, label, v.get(Field.GROUP) == null ? null : v.get(Field.GROUP).strip());
    }

    private static CSVParser parse(Reader reader, CSVFormat format, String name) throws IOException {
        try {
            return format.parse(reader);
        } catch (CharacterCodingException e) {
            throw new InputFormatException(name, 1, "invalid UTF-8 (the file must be UTF-8 encoded)");
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(name, 1, "bad header: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            // The header row itself could not be parsed, typically a quote that is never closed.
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            String message = String.valueOf(cause.getMessage());
            throw new InputFormatException(name, 1, "bad header: " + (message.contains("EOF reached before encapsulated token finished")
                    ? "a quoted field is never closed (unbalanced quote)" : message), cause);
        }
    }

    /** The parser's records, turning its unchecked errors into messages with file and line. */
    private static Iterable<CSVRecord> records(CSVParser parser, String name) {
        return () -> new Iterator<>() {
            private final Iterator<CSVRecord> it = parser.iterator();

            @Override
            public boolean hasNext() {
                try {
                    return it.hasNext();
                } catch (UncheckedIOException e) {
                    throw new UncheckedIOException(failure(parser, name, e.getCause()));
                }
            }

            @Override
            public CSVRecord next() {
                return it.next();
            }
        };
    }

    private static InputFormatException failure(CSVParser parser, String name, IOException cause) {
        long line = parser.getCurrentLineNumber() + 1;
        if (cause instanceof CharacterCodingException) {
            return new InputFormatException(name, line, "invalid UTF-8 (the file must be UTF-8 encoded)", cause);
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            message = "a quoted field is never closed (unbalanced quote)";
        }
        return new InputFormatException(name, line, message, cause);
    }

    /** The line a record starts on: the parser has consumed the record's own line breaks so far. */
    private static long lineOf(CSVRecord record, CSVParser parser) {
        return parser.getCurrentLineNumber() - newlinesIn(record);
    }

    private static long newlinesIn(CSVRecord record) {
        long n = 0;
        for (String v : record) {
            for (int i = 0; i < v.length(); i++) {
                if (v.charAt(i) == '\n') {
                    n++;
                }
            }
        }
        return n;
    }
}

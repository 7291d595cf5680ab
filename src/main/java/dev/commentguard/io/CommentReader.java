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
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = FileProblems.open(file)) {
            return read(in, file.toString(), isJsonLines(file.getFileName().toString(), options), options,
                    defaultDelimiter(file, options), articles, requireLabel, rejects);
        }
    }

    /** Reads comments from a stream, such as standard input. */
    public static List<InputRow> read(InputStream in, String name, boolean jsonLines, InputOptions options,
                                      char delimiter, Map<String, Article> articles, boolean requireLabel,
                                      Rejects rejects) throws IOException {
        Reader reader = new DecodingReader(in, options.encoding(), name);
        return jsonLines ? readJsonLines(reader, name, options, articles, requireLabel, rejects)
                : readCsv(reader, name, options, delimiter, articles, requireLabel, rejects);
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
            readArticles(new DecodingReader(in, encoding, file.toString()), file, articles);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return articles;
    }

    /** Reads a UTF-8 articles CSV with columns {@code id,title,text} from a stream (a resource), keyed by id. */
    public static Map<String, Article> readArticles(InputStream in, String name) throws IOException {
        Map<String, Article> articles = new LinkedHashMap<>();
        try {
            readArticles(new DecodingReader(in, StandardCharsets.UTF_8, name), Path.of(name), articles);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return articles;
    }

    private static void readArticles(Reader in, Path file, Map<String, Article> articles) throws IOException {
        String name = file.toString();
        if (isJsonLines(file.getFileName().toString(), InputOptions.DEFAULT)) {
            BufferedReader reader = new BufferedReader(in);
            String line;
            long n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parseJson(line, name, n);
                addArticle(articles, name, n, new Article(text(node, "id"), text(node, "title"), text(node, "text"),
                        text(node, "site"), text(node, "permalink")));
            }
        } else {
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(defaultDelimiter(file, InputOptions.DEFAULT))
                    .setHeader().setSkipHeaderRecord(true).build();
            try (CSVParser parser = parse(in, format, name)) {
                List<String> columns = parser.getHeaderNames();
                String id = require(columns, "id", name);
                String title = require(columns, "title", name);
                String text = require(columns, "text", name);
                String site = columns.contains("site") ? "site" : null;
                String permalink = columns.contains("permalink") ? "permalink" : null;
                for (Numbered numbered : records(parser, name)) {
                    CSVRecord r = numbered.record();
                    long line = numbered.line();
                    if (!r.isConsistent()) {
                        throw new InputFormatException(name, line, "expected " + columns.size() + " fields, found " + r.size());
                    }
                    addArticle(articles, name, line, new Article(r.get(id), r.get(title), r.get(text),
                            site == null ? "" : r.get(site), permalink == null ? "" : r.get(permalink)));
                }
            }
        }
    }

    private static void addArticle(Map<String, Article> articles, String name, long line, Article article)
            throws InputFormatException {
        String id = article.id().strip();
        if (id.isEmpty()) {
            throw new InputFormatException(name, line, "article without an id");
        }
        if (articles.put(id, new Article(id, article.title(), article.text(), article.site(), article.permalink())) != null) {
            throw new InputFormatException(name, line, "duplicate article id '" + id + "'");
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
            readRecords(parser, name, options, delimiter, quote, articles, requireLabel, rows, rejects);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows;
    }

    private static void readRecords(CSVParser parser, String name, InputOptions options, char delimiter, Character quote,
                                    Map<String, Article> articles, boolean requireLabel, List<InputRow> rows,
                                    Rejects rejects) throws IOException {
        Map<Field, Integer> columns = options.header()
                ? columnsByName(parser.getHeaderNames(), options, name, requireLabel)
                : null;
        // Fields a row may have: the header's, or in a file without one, the first row's.
        int expected = options.header() ? parser.getHeaderNames().size() : -1;
        for (Numbered numbered : records(parser, name)) {
            CSVRecord record = numbered.record();
            long line = numbered.line();
            if (columns == null) {
                columns = columnsByNumber(record.size(), options, name, line, requireLabel);
                expected = record.size();
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
            if (record.size() > expected && !extraFieldsEmpty(record, expected)) {
                rejects.reject(new InputFormatException(name, line, "expected " + expected + " fields as in the "
                        + (options.header() ? "header" : "first row") + ", found " + record.size() + ": is there a " + describe(delimiter)
                        + " inside a field that is not quoted? Quote that field"), String.join(",", record.toList()));
                continue;
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

    /** Whether the fields past the header's are all empty, as a trailing delimiter leaves them: no text is lost. */
    private static boolean extraFieldsEmpty(CSVRecord record, int headerSize) {
        for (int i = headerSize; i < record.size(); i++) {
            if (!record.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma";
            case '\t' -> "tab";
            case ';' -> "semicolon";
            default -> "'" + delimiter + "'";
        };
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
        while ((lineText = reader.readLine()) != null) {
            line++;
            if (lineText.isBlank()) {
                continue;
            }
            Map<Field, String> values;
            try {
                values = fields(parseJson(lineText, name, line), options, name, line);
            } catch (InputFormatException e) {
                rejects.reject(e, lineText);
                continue;
            }
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
        Map<Field, String> values = fields(parseJson(lineText, name, line), options, name, line);
        if (!values.containsKey(Field.TEXT)) {
            throw noTextField(name, line, options);
        }
        return row(values, name, line, articles, false);
    }

    /**
     * The id of a JSON Lines request that could not be used, when one can be read from it, else null: so that the
     * error answering it can carry the id the client sent.
     */
    public static String idOf(String lineText, InputOptions options) {
        try {
            JsonNode node = JSON.readTree(lineText);
            if (node == null || !node.isObject()) {
                return null;
            }
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            String key = options.idColumn() != null ? exact(keys, options.idColumn()) : Field.ID.find(keys);
            JsonNode id = key == null ? null : node.get(key);
            return id != null && (id.isTextual() || id.isIntegralNumber()) && !id.asText().isBlank() ? id.asText().strip() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
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

    /**
     * The fields of a JSON object that {@link Field} names, by the options' field names or the aliases. Text fields
     * must be strings; ids, labels and article ids may also be whole numbers. Anything else is an error, not text:
     * an array or an object scored as its JSON would be a wrong verdict, silently.
     */
    private static Map<Field, String> fields(JsonNode node, InputOptions options, String name, long line)
            throws InputFormatException {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            String chosen = chosenName(f, options);
            String key = chosen != null ? exact(keys, chosen) : f.find(keys);
            JsonNode v = key == null ? null : node.get(key);
            if (v == null || v.isNull()) {
                continue;
            }
            boolean numberAllowed = f == Field.ID || f == Field.LABEL || f == Field.ARTICLE_ID;
            if (v.isTextual() || numberAllowed && v.isIntegralNumber()) {
                values.put(f, v.asText());
            } else {
                throw new InputFormatException(name, line, "field '" + key + "' must be " + (numberAllowed
                        ? "a string or a whole number" : "a string") + ", found " + kind(v));
            }
        }
        return values;
    }

    private static String kind(JsonNode v) {
        if (v.isNumber()) {
            return "a number (" + v.asText() + ")";
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        return v.isArray() ? "an array" : v.isObject() ? "an object" : v.getNodeType().toString().toLowerCase(Locale.ROOT);
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
        String site = v.getOrDefault(Field.SITE, article == null ? "" : article.site());
        String permalink = v.getOrDefault(Field.PERMALINK, article == null ? "" : article.permalink());
        Comment comment = new Comment(v.getOrDefault(Field.ID, "").strip(), text, v.get(Field.AUTHOR), v.get(Field.AUTHOR_URL),
                v.get(Field.AUTHOR_EMAIL), article, site, permalink);
        return new InputRow(name, line, comment, label, v.get(Field.GROUP) == null ? null : v.get(Field.GROUP).strip());
    }

    /** {@code comment}, when its text is neither empty nor longer than {@link #MAX_TEXT_CHARS}: the rule of every reader. */
    static Comment checkedText(Comment comment, String name, long line) throws InputFormatException {
        if (comment.text().isBlank()) {
            throw new InputFormatException(name, line, "the comment text is empty");
        }
        if (comment.text().length() > MAX_TEXT_CHARS) {
            throw new InputFormatException(name, line, String.format(java.util.Locale.ROOT,
                    "the comment is %,d characters long; the limit is %,d", comment.text().length(), MAX_TEXT_CHARS));
        }
        return comment;
    }

    private static CSVParser parse(Reader reader, CSVFormat format, String name) throws IOException {
        try {
            return format.parse(reader);
        } catch (InputFormatException e) {
            throw e; // the input's bytes, reported at their own line
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(name, 1, "bad header: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            // The header row itself could not be parsed, typically a quote that is never closed.
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            if (cause instanceof InputFormatException own) {
                throw own;
            }
            String message = String.valueOf(cause.getMessage());
            throw new InputFormatException(name, 1, "bad header: " + (message.contains("EOF reached before encapsulated token finished")
                    ? "a quoted field is never closed (unbalanced quote)" : message), cause);
        }
    }

    /** A record and the physical line it starts on. */
    private record Numbered(CSVRecord record, long line) {
    }

    /**
     * The parser's records with the line each starts on, turning the parser's unchecked errors into messages with
     * file and line. A record starts on the line after the line breaks the parser has consumed before it (the
     * parser counts CR, LF and CRLF, in quoted fields too); blank lines are records of their own here, so the count
     * is of physical lines, not records.
     */
    private static Iterable<Numbered> records(CSVParser parser, String name) {
        return () -> new Iterator<>() {
            private final Iterator<CSVRecord> it = parser.iterator();
            private long start = -1;

            @Override
            public boolean hasNext() {
                if (start < 0) {
                    start = parser.getCurrentLineNumber() + 1;
                }
                try {
                    return it.hasNext();
                } catch (UncheckedIOException e) {
                    throw new UncheckedIOException(failure(name, start, e.getCause()));
                }
            }

            @Override
            public Numbered next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Numbered n = new Numbered(it.next(), start);
                start = -1;
                return n;
            }
        };
    }

    private static final java.util.regex.Pattern PARSER_POSITION =
            java.util.regex.Pattern.compile("\\s*\\((?:start)?line \\d+\\)\\s*|\\s*at line: \\d+, position: \\d+");

    /** The parser's error as one line at the line where the record started: the parser's own line numbers dropped. */
    private static InputFormatException failure(String name, long line, IOException cause) {
        if (cause instanceof InputFormatException own) {
            return own; // the input's bytes, reported at their own line
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            message = "a quoted field is never closed (unbalanced quote)";
        } else if (message.contains("Invalid char between encapsulated token and delimiter")) {
            message = "text after the closing quote of a field: quote the whole field, and double each quote inside it";
        } else {
            message = PARSER_POSITION.matcher(message).replaceAll(" ").strip();
        }
        return new InputFormatException(name, line, message, cause);
    }
}

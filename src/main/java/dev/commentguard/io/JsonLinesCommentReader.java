package dev.commentguard.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commentguard.Article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads comments from JSON Lines, one object a line, blank lines skipped: a whole input, or one line at a time for
 * input that arrives a line at a time. Fields are found by the options' names or by their aliases, as CSV columns
 * are. Stateless: thread-safe (Jackson's {@link ObjectMapper} is, once configured).
 */
final class JsonLinesCommentReader {

    private static final ObjectMapper JSON = StrictJson.mapper();

    private JsonLinesCommentReader() {
    }

    /**
     * Hands every comment of {@code in}, decoded already, to {@code rows} in order; lines that cannot be used go to
     * {@code rejects}.
     */
    static void read(Reader in, String name, InputOptions options, Map<String, Article> articles, boolean requireLabel,
                     Rejects rejects, Consumer<InputRow> rows) throws IOException {
        BufferedReader reader = new BufferedReader(in);
        String lineText;
        long line = 0;
        while ((lineText = reader.readLine()) != null) {
            line++;
            if (lineText.isBlank()) {
                continue;
            }
            Map<Field, String> values;
            try {
                values = fields(parseObject(lineText, name, line), options, name, line);
            } catch (InputFormatException e) {
                rejects.reject(e, lineText);
                continue;
            }
            if (!values.containsKey(Field.TEXT)) {
                rejects.reject(noTextField(name, line, options), lineText);
                continue;
            }
            CommentRows.add(rows, values, name, line, articles, requireLabel, rejects);
        }
    }

    /** One line as a comment; labels are read but not required. See {@link CommentReader#jsonLine}. */
    static InputRow line(String lineText, String name, long line, InputOptions options, Map<String, Article> articles)
            throws InputFormatException {
        return object(parseObject(lineText, name, line), name, line, options, articles);
    }

    /** As {@link #line}, from the line's object already parsed. */
    static InputRow object(JsonNode node, String name, long line, InputOptions options, Map<String, Article> articles)
            throws InputFormatException {
        if (node == null || !node.isObject()) {
            throw new InputFormatException(name, line, "expected a JSON object");
        }
        Map<Field, String> values = fields(node, options, name, line);
        if (!values.containsKey(Field.TEXT)) {
            throw noTextField(name, line, options);
        }
        return CommentRows.row(values, name, line, articles, false);
    }

    /** The id of a line that could not be used, when one can be read from it, else null. See {@link CommentReader#idOf}. */
    static String idOf(String lineText, InputOptions options) {
        try {
            JsonNode node = JSON.readTree(lineText);
            if (node == null || !node.isObject()) {
                return null;
            }
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            String key = options.idColumn() != null ? Columns.exact(keys, options.idColumn()) : Field.ID.find(keys);
            JsonNode id = key == null ? null : node.get(key);
            return id != null && (id.isTextual() || id.isIntegralNumber()) && !id.asText().isBlank() ? id.asText().strip() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** {@code line}, line {@code n} of {@code name}, as a JSON object: anything else is an error with its line. */
    static JsonNode parseObject(String line, String name, long n) throws InputFormatException {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new InputFormatException(name, n, "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InputFormatException(name, n, StrictJson.problem(e, "one JSON object a line"));
        }
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
            String chosen = Columns.chosenName(f, options);
            String key = chosen != null ? Columns.exact(keys, chosen) : f.find(keys);
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
}

package dev.commentguard.io;

import dev.commentguard.Article;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads comments from CSV (RFC 4180, quoted fields may span lines, with or without a header row). A row with more
 * fields than the header, or fewer than its columns need, is refused with the likely cause rather than read
 * shifted: a comma in an unquoted text would otherwise lose the text's end or put it in the label. Stateless:
 * thread-safe.
 */
final class CsvCommentReader {

    private CsvCommentReader() {
    }

    /**
     * Hands every comment of {@code reader}, decoded already, to {@code rows} in order; rows that cannot be used go to
     * {@code rejects}.
     */
    static void read(Reader reader, String name, InputOptions options, char delimiter, Map<String, Article> articles,
                     boolean requireLabel, Rejects rejects, Consumer<InputRow> rows) throws IOException {
        Character quote = options.quote() != null ? options.quote().orElse(null) : (delimiter == '\t' ? null : '"');
        CSVFormat.Builder builder = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote(quote);
        if (options.header()) {
            builder.setHeader().setSkipHeaderRecord(true);
        }
        try (CSVParser parser = CsvRecords.parse(reader, builder.build(), name)) {
            readRecords(parser, name, options, delimiter, quote, articles, requireLabel, rows, rejects);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void readRecords(CSVParser parser, String name, InputOptions options, char delimiter, Character quote,
                                    Map<String, Article> articles, boolean requireLabel, Consumer<InputRow> rows,
                                    Rejects rejects) throws IOException {
        Map<Field, Integer> columns = options.header()
                ? Columns.byName(parser.getHeaderNames(), options, name, requireLabel)
                : null;
        // Fields a row may have: the header's, or in a file without one, the first row's.
        int expected = options.header() ? parser.getHeaderNames().size() : -1;
        for (CsvRecords.Numbered numbered : CsvRecords.records(parser, name)) {
            CSVRecord record = numbered.record();
            long line = numbered.line();
            if (columns == null) {
                columns = Columns.byNumber(record.size(), options, name, line, requireLabel);
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
            CommentRows.add(rows, values, name, line, articles, requireLabel, rejects);
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
}

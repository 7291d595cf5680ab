package dev.commentguard.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read an input file. Immutable.
 *
 * @param format      {@code auto} (by file name: .jsonl/.ndjson are JSON Lines, else CSV), {@code csv} or {@code jsonl}
 * @param textColumn  the text column's name (or 1-based number without a header); null: the usual aliases
 * @param labelColumn the label column; null: the usual aliases
 * @param idColumn    the id column; null: the usual aliases
 * @param delimiter   the CSV field delimiter; null: tab for .tsv/.tab files, else comma
 * @param header      whether the CSV file starts with a header row
 * @param quote       the CSV quote character, or empty for none; null: {@code "} except for tab-separated files
 * @param encoding    the input's character encoding
 * @param groupColumn the column grouping the comments (a 1-based number without a header); null: for
 *                    {@code evaluate}, {@code site_kind}, else {@code kind}, when present
 */
public record InputOptions(String format, String textColumn, String labelColumn, String idColumn,
                           Character delimiter, boolean header, Optional<Character> quote, Charset encoding,
                           String groupColumn) {

    public static final InputOptions DEFAULT = new InputOptions("auto", null, null, null, null, true, null);

    /** Options for UTF-8 input that look for the group column by its usual names. */
    public InputOptions(String format, String textColumn, String labelColumn, String idColumn,
                        Character delimiter, boolean header, Optional<Character> quote) {
        this(format, textColumn, labelColumn, idColumn, delimiter, header, quote, StandardCharsets.UTF_8, null);
    }

    /** These options with the group column named ({@code null}: by its usual names). */
    public InputOptions withGroupColumn(String column) {
        return new InputOptions(format, textColumn, labelColumn, idColumn, delimiter, header, quote, encoding, column);
    }

    public InputOptions {
        format = format == null ? "auto" : format;
        if (!format.equals("auto") && !format.equals("csv") && !format.equals("jsonl")) {
            throw new IllegalArgumentException("unknown input format '" + format + "' (expected auto, csv, jsonl, wxr, wp-comments or disqus)");
        }
        Objects.requireNonNull(encoding, "encoding");
    }
}

package dev.commentguard.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Commons CSV behind our error messages: opens a parser and walks its records with the physical line each starts
 * on, turning the parser's own exceptions (unchecked, with its line numbers inside the text) into
 * {@link InputFormatException}s that name the file and the line where the record starts. Shared by the comment
 * and the article readers, so that a broken quote reads the same in either. Stateless: thread-safe; a parser it
 * opens is not.
 */
final class CsvRecords {

    private static final Pattern PARSER_POSITION =
            Pattern.compile("\\s*\\((?:start)?line \\d+\\)\\s*|\\s*at line: \\d+, position: \\d+");

    private CsvRecords() {
    }

    /** A record and the physical line it starts on. */
    record Numbered(CSVRecord record, long line) {
    }

    /** A parser over {@code reader}; the header row, when {@code format} reads one, is parsed here. */
    static CSVParser parse(Reader reader, CSVFormat format, String name) throws IOException {
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

    /**
     * The parser's records with the line each starts on, turning the parser's unchecked errors into messages with
     * file and line (still unchecked: an {@link UncheckedIOException} around the {@link InputFormatException}).
     * A record starts on the line after the line breaks the parser has consumed before it (the parser counts CR,
     * LF and CRLF, in quoted fields too); blank lines are records of their own here, so the count is of physical
     * lines, not records.
     */
    static Iterable<Numbered> records(CSVParser parser, String name) {
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
                    throw new NoSuchElementException();
                }
                Numbered n = new Numbered(it.next(), start);
                start = -1;
                return n;
            }
        };
    }

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

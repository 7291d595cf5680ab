package dev.commentguard.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import dev.commentguard.Comment;
import dev.commentguard.Reason;
import dev.commentguard.Verdict;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes verdicts in one {@link OutputFormat}. Not thread-safe: one writer per output stream.
 *
 * <p>JSON Lines fields: {@code id}, {@code label}, {@code spam_score}, {@code probabilities},
 * {@code action}, {@code reasons} (a list of plain-language strings). Probabilities are plain decimals
 * rounded to six places ({@code 0.000429}, never {@code 4.29E-4}). In CSV, the free-text column (the
 * reasons) is neutralised where a spreadsheet would run it as a formula (starting with
 * {@code = + - @}, tab or carriage return: prefixed with an apostrophe); ids and labels stay exactly as
 * given, so that verdicts can be joined back to comments by id. The table, meant for a terminal, shows no
 * control or format characters: an escape sequence inside a comment never reaches the terminal.
 */
public final class VerdictWriter implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final OutputFormat format;
    private final Writer out;
    private final List<String> labels;
    private final boolean explain;
    private CSVPrinter csv;

    /**
     * @param labels  the model's labels, for the probability columns of CSV
     * @param explain whether the table shows reasons in full under each row
     */
    public VerdictWriter(OutputFormat format, Writer out, List<String> labels, boolean explain) {
        this.format = format;
        this.out = out;
        this.labels = List.copyOf(labels);
        this.explain = explain;
    }

    public void write(Comment comment, Verdict v) throws IOException {
        switch (format) {
            case JSONL -> writeJson(v);
            case CSV -> writeCsv(v);
            case TABLE -> writeTable(comment, v);
        }
    }

    /**
     * Writes the answer to a request that could not be scored, in place of its verdict, so that a stream's client
     * gets one reply per request: in JSON Lines {@code {"id":..,"line":..,"error":..}}, in CSV a row with the id, the
     * action {@code error} and the problem as its reasons, in the table a line saying error.
     */
    public void writeError(String id, long line, String problem) throws IOException {
        switch (format) {
            case JSONL -> {
                StringWriter json = new StringWriter(128);
                try (JsonGenerator g = JSON.createGenerator(json)) {
                    g.writeStartObject();
                    g.writeStringField("id", id);
                    g.writeNumberField("line", line);
                    g.writeStringField("error", problem);
                    g.writeEndObject();
                }
                out.write(json.toString());
                out.write('\n');
            }
            case CSV -> {
                List<String> row = new ArrayList<>(List.of(id, "", "", "error"));
                for (int i = 0; i < labels.size(); i++) {
                    row.add("");
                }
                row.add(neutralize(problem));
                csvPrinter().printRecord(row);
            }
            case TABLE -> {
                tableHeader();
                out.write(String.format(Locale.ROOT, "%-12s %-12s %s%n", truncate(printable(id), 12), "error",
                        "line " + line + ": " + printable(problem)));
            }
        }
    }

    private void writeJson(Verdict v) throws IOException {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("id", v.id());
            g.writeStringField("label", v.label());
            g.writeFieldName("spam_score");
            g.writeNumber(decimal(v.spamScore()));
            g.writeObjectFieldStart("probabilities");
            for (Map.Entry<String, Double> e : v.probabilities().entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeNumber(decimal(e.getValue()));
            }
            g.writeEndObject();
            g.writeStringField("action", v.action().code());
            g.writeArrayFieldStart("reasons");
            for (Reason r : v.reasons()) {
                g.writeString(r.message());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write(line.toString());
        out.write('\n');
    }

    /** The CSV printer, which writes the header row first. */
    private CSVPrinter csvPrinter() throws IOException {
        if (csv == null) {
            List<String> header = new ArrayList<>(List.of("id", "label", "spam_score", "action"));
            for (String l : labels) {
                header.add("p_" + l);
            }
            header.add("reasons");
            csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').build());
            csv.printRecord(header.stream().map(VerdictWriter::neutralize).toList());
        }
        return csv;
    }

    private void writeCsv(Verdict v) throws IOException {
        csvPrinter();
        List<String> row = new ArrayList<>();
        row.add(v.id());
        row.add(v.label());
        row.add(decimal(v.spamScore()));
        row.add(v.action().code());
        for (String l : labels) {
            row.add(decimal(v.probabilities().getOrDefault(l, 0.0)));
        }
        row.add(neutralize(String.join("; ", v.reasons().stream().map(Reason::message).toList())));
        csv.printRecord(row);
    }

    private boolean tableHeaderWritten;

    private void tableHeader() throws IOException {
        if (!tableHeaderWritten) {
            out.write(String.format(Locale.ROOT, "%-12s %-12s %6s  %-7s %s%n", "ID", "LABEL", "SPAM", "ACTION", "COMMENT"));
            tableHeaderWritten = true;
        }
    }

    private void writeTable(Comment comment, Verdict v) throws IOException {
        tableHeader();
        String text = printable(comment.text());
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        out.write(String.format(Locale.ROOT, "%-12s %-12s %6.3f  %-7s %s%n", truncate(printable(v.id()), 12), printable(v.label()),
                v.spamScore(), v.action().code(), text));
        if (explain) {
            for (Reason r : v.reasons()) {
                out.write("             - " + printable(r.message()) + System.lineSeparator());
            }
        } else if (!v.reasons().isEmpty()) {
            out.write("             why: " + printable(String.join("; ", v.reasons().stream().map(Reason::message).toList()))
                    + System.lineSeparator());
        }
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** Prefixes cells a spreadsheet would evaluate as a formula with an apostrophe. */
    public static String neutralize(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    /**
     * {@code x} rounded to six decimal places, written plainly: {@code 0.000429}, {@code 1}, {@code 0}. The decimal is
     * {@code Double.toString}'s, rounded half to even ({@link #exactDecimal}); a probability is rounded with one
     * multiply instead, which gives the same digits whenever a millionth of it is not within 10^-9 of a half (the
     * multiply and the shortest decimal each differ from {@code x} by far less), and the exact way otherwise. Written
     * four times a verdict, the exact way alone was a twentieth of scoring a file.
     */
    static String decimal(double x) {
        if (!(x >= 0 && x <= 1)) {
            return exactDecimal(x);
        }
        double millionths = x * 1e6;
        double fraction = millionths - Math.floor(millionths);
        if (Math.abs(fraction - 0.5) < 1e-9) {
            return exactDecimal(x);
        }
        long r = Math.round(millionths);
        if (r == 0 || r == 1_000_000) {
            return r == 0 ? "0" : "1";
        }
        char[] digits = {'0', '.', '0', '0', '0', '0', '0', '0'};
        int end = 8;
        for (int i = 7; i >= 2; i--, r /= 10) {
            digits[i] = (char) ('0' + r % 10);
        }
        while (digits[end - 1] == '0') {
            end--;
        }
        return new String(digits, 0, end);
    }

    /** {@link #decimal} by {@link java.math.BigDecimal}: the definition. */
    static String exactDecimal(double x) {
        return java.math.BigDecimal.valueOf(x).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /**
     * Text for a terminal, on one line: runs of white space as one space, and no control or format characters
     * (escape sequences, bell, bidirectional overrides), which would act on the terminal instead of being shown.
     */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = b.length() > 0;
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT) {
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.appendCodePoint(c);
        }
        return b.toString();
    }

    public void flush() throws IOException {
        if (csv != null) {
            csv.flush();
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}

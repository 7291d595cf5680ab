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
 * {@code action}, {@code reasons} (a list of plain-language strings). CSV cells that a spreadsheet
 * would run as a formula (starting with {@code = + - @}, tab or carriage return) are prefixed with an
 * apostrophe.
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
                out.write(String.format(Locale.ROOT, "%-12s %-12s %s%n", truncate(id, 12), "error", "line " + line + ": " + problem));
            }
        }
    }

    private void writeJson(Verdict v) throws IOException {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("id", v.id());
            g.writeStringField("label", v.label());
            g.writeNumberField("spam_score", round(v.spamScore()));
            g.writeObjectFieldStart("probabilities");
            for (Map.Entry<String, Double> e : v.probabilities().entrySet()) {
                g.writeNumberField(e.getKey(), round(e.getValue()));
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
        row.add(neutralize(v.id()));
        row.add(neutralize(v.label()));
        row.add(Double.toString(round(v.spamScore())));
        row.add(v.action().code());
        for (String l : labels) {
            row.add(Double.toString(round(v.probabilities().getOrDefault(l, 0.0))));
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
        String text = comment.text().replaceAll("\\s+", " ").strip();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        out.write(String.format(Locale.ROOT, "%-12s %-12s %6.3f  %-7s %s%n", truncate(v.id(), 12), v.label(),
                v.spamScore(), v.action().code(), text));
        if (explain) {
            for (Reason r : v.reasons()) {
                out.write("             - " + r.message() + System.lineSeparator());
            }
        } else if (!v.reasons().isEmpty()) {
            out.write("             why: " + String.join("; ", v.reasons().stream().map(Reason::message).toList())
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

    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
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

package dev.commentguard.bench.speed;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import weka.core.Utils;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Converts a generated {@code id,text,label} CSV into ARFF for Weka's own command line: a string
 * attribute {@code text} and a nominal class whose values are the labels in sorted order, so that
 * files of every size share one header and a model trained on one can score another. Streams the
 * rows (two passes: labels first), so a million comments need no more memory than a few.
 *
 * <p>Usage: {@code ArffConverter IN.csv OUT.arff}.
 */
public final class ArffConverter {

    private ArffConverter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ArffConverter IN.csv OUT.arff");
            System.exit(2);
        }
        convert(Path.of(args[0]), Path.of(args[1]));
    }

    static void convert(Path csv, Path arff) throws IOException {
        Set<String> labels = new TreeSet<>();
        try (CSVParser rows = parse(csv)) {
            rows.forEach(r -> labels.add(r.get("label")));
        }
        try (CSVParser rows = parse(csv); Writer out = Files.newBufferedWriter(arff, StandardCharsets.UTF_8)) {
            out.write("@relation comments\n\n@attribute text string\n@attribute class {");
            out.write(String.join(",", labels.stream().map(Utils::quote).toList()));
            out.write("}\n\n@data\n");
            for (CSVRecord r : rows) {
                out.write(Utils.quote(r.get("text")) + "," + Utils.quote(r.get("label")) + "\n");
            }
        }
    }

    /** The generated CSV (header {@code id,text,label}), streamed; closing the parser closes the file. */
    static CSVParser parse(Path csv) throws IOException {
        Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in);
    }
}

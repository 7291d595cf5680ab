package dev.commentguard.bench.speed;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Converts a generated {@code id,text,label} CSV into fastText's supervised format, one comment a
 * line: {@code __label__LABEL text}. fastText ends a comment at a newline and splits words on
 * white space only, so line breaks inside a text become spaces; texts are lower-cased, as fastText's
 * own tutorial prepares its data. The same file serves {@code fasttext supervised} and
 * {@code fasttext predict-prob}, which reads the label tokens apart and predicts from the words alone.
 * Streams the rows, so a million comments need no more memory than a few.
 *
 * <p>Usage: {@code FastTextConverter IN.csv OUT.txt}.
 */
public final class FastTextConverter {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private FastTextConverter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FastTextConverter IN.csv OUT.txt");
            System.exit(2);
        }
        convert(Path.of(args[0]), Path.of(args[1]));
    }

    static void convert(Path csv, Path txt) throws IOException {
        try (CSVParser rows = ArffConverter.parse(csv);
             Writer out = Files.newBufferedWriter(txt, StandardCharsets.UTF_8)) {
            for (CSVRecord r : rows) {
                out.write(line(r.get("text"), r.get("label")));
            }
        }
    }

    /** One fastText line, newline included. */
    static String line(String text, String label) {
        return "__label__" + label + " " + LINE_BREAK.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT) + "\n";
    }
}

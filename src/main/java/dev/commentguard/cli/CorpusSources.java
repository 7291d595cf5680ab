package dev.commentguard.cli;

import dev.commentguard.io.InputRow;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** How {@code train --with-corpus} names what it trained on, in the manifest and on the terminal. */
final class CorpusSources {

    private CorpusSources() {
    }

    /** A --data file as the manifest names it: its name, format and rows per label. */
    static String describe(Path file, String format, List<InputRow> rows) {
        Map<String, Integer> perLabel = new TreeMap<>();
        for (InputRow r : rows) {
            if (r.source().equals(file.toString()) || file.toString().equals("-") && r.source().equals("<stdin>")) {
                perLabel.merge(r.label(), 1, Integer::sum);
            }
        }
        return file.getFileName() + " (" + format + ": " + counts(perLabel) + ")";
    }

    /** Rows per label, as "1,234 ok, 56 spam". */
    static String counts(Map<String, Integer> perLabel) {
        return perLabel.entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
    }
}

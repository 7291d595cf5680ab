package dev.commentguard.io;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Finds where each {@link Field} is in an input: a CSV header's column or a JSON object's key, by the name an
 * option gives or else by the field's aliases; in a CSV file without a header, by 1-based column number. Kept
 * apart from the readers so that CSV and JSON Lines name their columns by one rule. Stateless: thread-safe.
 */
final class Columns {

    private Columns() {
    }

    /** The column or field name the options give for {@code f}, or null to look for its aliases. */
    static String chosenName(Field f, InputOptions options) {
        return switch (f) {
            case TEXT -> options.textColumn();
            case LABEL -> options.labelColumn();
            case ID -> options.idColumn();
            case GROUP -> options.groupColumn();
            default -> null;
        };
    }

    /** The one of {@code header} that is {@code wanted}, ignoring case and surrounding spaces; null when none is. */
    static String exact(List<String> header, String wanted) {
        for (String c : header) {
            if (c.strip().equalsIgnoreCase(wanted.strip())) {
                return c;
            }
        }
        return null;
    }

    /** The index of each field's column in a header row; the text column must be there, and the label's if required. */
    static Map<Field, Integer> byName(List<String> header, InputOptions options, String name, boolean requireLabel)
            throws InputFormatException {
        if (header.isEmpty() || header.size() == 1 && header.get(0).isBlank()) {
            throw new InputFormatException(name, 1, "the file is empty: no header row, no comments");
        }
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            String chosen = chosenName(f, options);
            String column = chosen != null ? exact(header, chosen) : f.find(header);
            if (chosen != null && column == null) {
                throw new InputFormatException(name, 1, "no column named '" + chosen + "'; columns are " + shown(header));
            }
            if (column != null) {
                for (int i = header.indexOf(column) + 1; i < header.size(); i++) {
                    if (header.get(i).strip().equalsIgnoreCase(column.strip())) {
                        // which of the two holds the comments is anyone's guess; reading one would drop the other unseen
                        throw new InputFormatException(name, 1, "column '" + cut(column.strip()) + "' appears twice in the "
                                + "header (columns " + (header.indexOf(column) + 1) + " and " + (i + 1) + ")");
                    }
                }
                columns.put(f, header.indexOf(column));
            }
        }
        if (!columns.containsKey(Field.TEXT)) {
            throw new InputFormatException(name, 1, "no text column (looked for " + String.join(", ", Field.TEXT.aliases())
                    + "; name it with --text-column); columns are " + shown(header) + plainTextHint(header));
        }
        if (requireLabel && !columns.containsKey(Field.LABEL)) {
            throw new InputFormatException(name, 1, "no label column (looked for " + String.join(", ", Field.LABEL.aliases())
                    + "; name it with --label-column); columns are " + shown(header));
        }
        return columns;
    }

    /** Longest column name shown in full in a message; a first line of comment text can be megabytes. */
    private static final int SHOWN_CHARS = 60;

    /** A header for a message: at most 20 columns, each cut to {@value #SHOWN_CHARS} characters. */
    static String shown(List<String> header) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(header.size(), 20); i++) {
            names.add(cut(header.get(i)));
        }
        return names + (header.size() > 20 ? " and " + (header.size() - 20) + " more" : "");
    }

    private static String cut(String column) {
        return column.length() <= SHOWN_CHARS ? column : column.substring(0, SHOWN_CHARS) + "… (" + column.length() + " characters)";
    }

    /** A header that reads like a comment (one long column with spaces) is likely plain text given as CSV. */
    private static String plainTextHint(List<String> header) {
        return !header.isEmpty() && header.size() <= 2 && header.get(0).strip().contains(" ") && header.get(0).length() > 30
                ? ". Plain text, one comment a line, is read from standard input without --input" : "";
    }

    /** Headerless files: columns by 1-based number; by default the label is the first column and the text the last. */
    static Map<Field, Integer> byNumber(int fields, InputOptions options, String name, long line, boolean requireLabel)
            throws InputFormatException {
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
}

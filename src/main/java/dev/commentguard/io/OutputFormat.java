package dev.commentguard.io;

import java.util.Locale;

/** The formats verdicts can be written in. */
public enum OutputFormat {
    /** Aligned columns for a terminal. */
    TABLE,
    /** RFC 4180 CSV, safe to open in a spreadsheet. */
    CSV,
    /** One JSON object per line. */
    JSONL;

    public static OutputFormat parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + s + "' (expected table, csv or jsonl)");
        }
    }
}

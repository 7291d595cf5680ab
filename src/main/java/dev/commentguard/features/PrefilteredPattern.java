package dev.commentguard.features;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression searched only where a match can begin. Java tries an alternation of phrases at
 * every position of the text, which costs microseconds per comment; but when every match must start
 * with one of a few literal strings, {@code String.indexOf} finds the few places worth trying, and the
 * expression is tried there alone. {@link #find} answers exactly what {@code pattern.matcher(text).find()}
 * answers, provided every match of the pattern starts with one of {@code starts} (a test checks this on
 * our corpus and on every phrase of the lexicon). A pattern whose matches need not start with a literal but always
 * hold one ({@link #containing}) is searched only in a text that holds one. Immutable: thread-safe.
 */
public final class PrefilteredPattern {

    private final Pattern pattern;
    private final List<String> starts;
    /** When set, {@link #starts} are strings every match holds somewhere, not strings it starts with. */
    private final boolean anywhere;

    /**
     * @param pattern the expression; it is tried with transparent bounds, so that look-behind and word
     *                boundaries see the text before the place tried
     * @param starts  literal strings at least one of which every match begins with, as written (the
     *                search is case-sensitive)
     */
    public PrefilteredPattern(Pattern pattern, List<String> starts) {
        this(pattern, starts, false);
    }

    private PrefilteredPattern(Pattern pattern, List<String> strings, boolean anywhere) {
        this.pattern = pattern;
        this.starts = List.copyOf(strings);
        this.anywhere = anywhere;
    }

    /**
     * A pattern searched only in a text that holds one of {@code strings}, each of its matches holding one (as
     * written; case-sensitive): for patterns whose matches begin with a run of name characters, not a literal.
     */
    public static PrefilteredPattern containing(Pattern pattern, List<String> strings) {
        return new PrefilteredPattern(pattern, strings, true);
    }

    /** Whether {@code text} holds one of {@code strings}: the cheap test before a costly search. */
    public static boolean holdsAny(String text, List<String> strings) {
        for (String s : strings) {
            if (text.contains(s)) {
                return true;
            }
        }
        return false;
    }

    public Pattern pattern() {
        return pattern;
    }

    /** Whether the pattern matches anywhere in {@code text}. */
    public boolean find(String text) {
        if (anywhere) {
            return holdsAny(text, starts) && pattern.matcher(text).find();
        }
        Matcher m = null;
        for (String start : starts) {
            for (int at = text.indexOf(start); at >= 0; at = text.indexOf(start, at + 1)) {
                if (m == null) {
                    m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                if (m.region(at, text.length()).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }
}

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
 * our corpus and on every phrase of the lexicon). Immutable: thread-safe.
 */
public final class PrefilteredPattern {

    private final Pattern pattern;
    private final List<String> starts;

    /**
     * @param pattern the expression; it is tried with transparent bounds, so that look-behind and word
     *                boundaries see the text before the place tried
     * @param starts  literal strings at least one of which every match begins with, as written (the
     *                search is case-sensitive)
     */
    public PrefilteredPattern(Pattern pattern, List<String> starts) {
        this.pattern = pattern;
        this.starts = List.copyOf(starts);
    }

    public Pattern pattern() {
        return pattern;
    }

    /** Whether the pattern matches anywhere in {@code text}. */
    public boolean find(String text) {
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

package dev.commentguard.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses spaced around their at sign or dot to slip past a filter ("name @ yahoo . com"): found by
 * {@link #holdsSpacedEmail}, joined again by {@link LinkRepair}. Stateless and thread-safe.
 */
public final class SpacedAddresses {

    private SpacedAddresses() {
    }

    /**
     * An e-mail address that may have spaces around its at sign or its dot ("name @ yahoo . com", "name@ outlook. com");
     * it is spelled to slip past a filter when something after the at sign is spaced ({@link #spacedAfterAt}). A
     * handle before a domain ("mail from @site.com") has nothing spaced after its at sign.
     */
    static final Pattern SPACED_EMAIL = Pattern.compile(
            "(?<![\\w.@-])[a-z0-9._-]{2,64}+ ?@ ?[a-z0-9-]{2,63}+ ?\\. ?(?:com|net|org|info|biz|co|io|in|ng|uk|us|ru|de|fr)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Whether a match of {@link #SPACED_EMAIL} has a space after its at sign. */
    static boolean spacedAfterAt(String match) {
        return match.indexOf(' ', match.indexOf('@')) >= 0;
    }

    /**
     * Whether some at sign of {@code text} is followed as {@link #SPACED_EMAIL} needs, with a space after it: a space,
     * a name, a space, a dot, a space and a letter, at least one of the three spaces there. Every match that
     * {@link #spacedAfterAt} accepts has that shape, so when this is false the pattern, whose possessive run of name
     * characters is tried at every position of the text, need not run. One comment in five holds an at sign, mostly
     * a reply to "@name" or an address written plainly.
     */
    static boolean maySpaceAnAddress(String text) {
        int n = text.length();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int k = at + 1;
            boolean spaced = false;
            if (k < n && text.charAt(k) == ' ') {
                spaced = true;
                k++;
            }
            int name = k;
            while (k < n && isNameChar(text.charAt(k))) {
                k++;
            }
            if (k - name < 2) {
                continue;
            }
            if (k < n && text.charAt(k) == ' ') {
                spaced = true;
                k++;
            }
            if (k >= n || text.charAt(k) != '.') {
                continue;
            }
            k++;
            if (k < n && text.charAt(k) == ' ') {
                spaced = true;
                k++;
            }
            if (spaced && k < n && Character.isLetter(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** A character of {@code [a-z0-9-]}, either case. */
    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    /** Whether {@code text} holds an e-mail address spaced around its at sign or its dot (see {@link #SPACED_EMAIL}). */
    public static boolean holdsSpacedEmail(String text) {
        if (!maySpaceAnAddress(text)) {
            return false;
        }
        Matcher m = SPACED_EMAIL.matcher(text);
        while (m.find()) {
            if (spacedAfterAt(m.group())) {
                return true;
            }
        }
        return false;
    }
}

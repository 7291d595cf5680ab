package dev.commentguard.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes links and e-mail addresses readable again: unwraps HTML, BBCode and Markdown links (anchor text and
 * address both kept) and repairs the spellings that hide an address from a filter ("hxxp", "[.]",
 * "example dot com", "name at gmail dot com"). Stateless and thread-safe.
 */
final class LinkRepair {

    private static final Pattern HREF = Pattern.compile("href\\s{0,10}+=\\s{0,10}+[\"']?+([^\"'\\s>]{1,2000}+)", Pattern.CASE_INSENSITIVE);
    /** Longest opening tag searched for an address; longer ones are left as text. */
    private static final int MAX_TAG = 4000;
    private static final Pattern BBCODE_LINK = Pattern.compile(
            "\\[url=([^\\]\\[\\s]{1,2000}+)\\]([^\\[]{0,2000}+)\\[/url\\]|\\[url\\]([^\\[]{1,2000}+)\\[/url\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\[\\]]{1,500}+)\\]\\((https?://[^)\\s]{1,2000}+)\\)");
    private static final Pattern HTML_TAG = Pattern.compile("<[^<>]{0,500}+>");
    private static final Pattern HXXP = Pattern.compile("\\bhxxp(s?)(?=:|\\b)", Pattern.CASE_INSENSITIVE);
    static final Pattern BRACKET_DOT = Pattern.compile("\\s?[\\[({]\\s?(?:\\.|dot)\\s?[\\])}]\\s?", Pattern.CASE_INSENSITIVE);
    /**
     * Top-level domains after which a spelled-out "dot" is read as a dot. Narrower than the list {@link Patterns}
     * finds bare domains with, and kept apart from it: widening this one would change what "x dot tv" normalises to.
     */
    private static final String SPELLED_DOT_TLDS = "com|net|org|info|biz|io|pk|uk|ng|ke|ph|xyz|online|site|shop|store|ly"
            + "|(?:co|me|in|us)" + Patterns.NOT_BEFORE_SENTENCE_WORD;
    private static final Pattern WORD_DOT = Pattern.compile(
            "(?<=[a-z0-9])" + Patterns.NOT_AFTER_ERA_WORD + "\\s+dot\\s+(?=(?:" + SPELLED_DOT_TLDS + ")\\b"
                    + Patterns.NOT_BEFORE_ERA_WORD + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_AT = Pattern.compile(
            "(?<=[a-z0-9._])\\s*(?:\\[at\\]|\\(at\\)|\\{at\\}|\\s+at\\s+)\\s*(?=(?:gmail|yahoo|hotmail|outlook|protonmail|proton|icloud|aol|mail|yandex)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL_DOT = Pattern.compile(
            "(?<=@(?:gmail|yahoo|hotmail|outlook|protonmail|proton|icloud|aol|mail|yandex))\\s*(?:\\bdot\\b|\\[\\.\\]|\\(\\.\\))\\s*",
            Pattern.CASE_INSENSITIVE);

    private LinkRepair() {
    }

    /** HTML, BBCode and Markdown links become "anchor address"; other HTML tags become a space. */
    static String unwrap(String s) {
        if (s.indexOf('<') >= 0) {
            s = unwrapHtmlLinks(s);
            s = HTML_TAG.matcher(s).replaceAll(" ");
        }
        if (s.indexOf('[') >= 0) {
            s = BBCODE_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                    m.group(1) != null ? m.group(2) + " " + m.group(1) : m.group(3)));
            s = MARKDOWN_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + m.group(2)));
        }
        return s;
    }

    /**
     * {@code <a href="URL">anchor</a>} becomes "anchor URL", and so does a link never closed, as spam often posts
     * it ({@code <a href=URL>anchor}): its anchor runs to where the next link begins, or to the end of the text. A
     * hand-written scan rather than one regular expression, because every search starts where the previous one
     * ended: linear in the text, however many unclosed tags it holds.
     */
    static String unwrapHtmlLinks(String s) {
        StringBuilder out = null;
        int copied = 0; // s[0, copied) is already in out
        int from = 0;   // where the next "<a" search starts
        // The first '>' and "</a" found so far: still the first ones for any later start not beyond them,
        // so that no stretch of text is scanned twice.
        int gt = -1;
        int close = -1;
        int next = -1; // the first "<a " after gt: where an anchor never closed ends
        while (true) {
            int open = indexOfIgnoreCase(s, "<a", from);
            if (open < 0) {
                break;
            }
            if (gt < open) {
                gt = s.indexOf('>', open);
                if (gt < 0) {
                    break;
                }
            }
            if (close < gt) {
                close = nextTag(s, "</a", gt);
            }
            if (next <= gt) {
                next = nextTag(s, "<a", gt + 1);
            }
            Matcher href = gt - open <= MAX_TAG ? HREF.matcher(s).region(open, gt) : null;
            if (href == null || !href.find()) {
                from = open + 2; // not a link we can read: leave it as text
                continue;
            }
            int textEnd = Math.min(close, next); // a link never closed ends where the next begins, or with the text
            int end = textEnd;
            if (textEnd == close && close < s.length()) {
                int closeEnd = s.indexOf('>', close);
                end = closeEnd < 0 ? close + 3 : closeEnd + 1;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, open).append(s, gt + 1, textEnd).append(' ').append(href.group(1)).append(' ');
            copied = end;
            from = end;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    /**
     * Where the next {@code tag} ({@code "<a"} or {@code "</a"}) followed by a space, {@code >} or the end of the text
     * begins at or after {@code from} (not {@code <abbr>} or {@code </abbr>}), or the text's length.
     */
    private static int nextTag(String s, String tag, int from) {
        for (int k = indexOfIgnoreCase(s, tag, from); k >= 0; k = indexOfIgnoreCase(s, tag, k + tag.length())) {
            int after = k + tag.length();
            if (after == s.length() || s.charAt(after) == '>' || Character.isWhitespace(s.charAt(after))) {
                return k;
            }
        }
        return s.length();
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        for (int k = Math.max(0, from); k + needle.length() <= s.length(); k++) {
            if (s.regionMatches(true, k, needle, 0, needle.length())) {
                return k;
            }
        }
        return -1;
    }

    /** Repairs obfuscated links and e-mail addresses, and lower-cases the text: the two share a lower-cased copy. */
    static String repairThenLowerCase(String s) {
        // The patterns below ignore ASCII case; looking for their key words in a lower-cased copy can
        // only say yes more often than the patterns would, never less. A step that changes nothing
        // returns the very same string, so the copy is remade only after a change.
        String lowered = s;
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("hxxp")) {
            s = HXXP.matcher(s).replaceAll("http$1");
        }
        if (mayHoldBracketDot(s)) {
            s = BRACKET_DOT.matcher(s).replaceAll(".");
        }
        if (s != lowered) {
            lowered = s;
            lower = s.toLowerCase(Locale.ROOT);
        }
        if (lower.contains("dot")) {
            s = WORD_DOT.matcher(s).replaceAll(".");
            if (s != lowered) {
                lowered = s;
                lower = s.toLowerCase(Locale.ROOT);
            }
        }
        if (mayNameMailProvider(lower)) {
            s = WORD_AT.matcher(s).replaceAll("@");
        }
        if (s.indexOf('@') >= 0) {
            if (mayNameMailProvider(lower)) { // the at sign EMAIL_DOT follows comes before a provider's name
                s = EMAIL_DOT.matcher(s).replaceAll(".");
            }
            s = joinSpacedEmails(s);
        }
        return s == lowered ? lower : s.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@link #BRACKET_DOT} could match: every match has an opening bracket followed, after at most one white
     * space, by a dot or a "d" ("[.]", "( dot )"). Most comments with brackets have neither, and the pattern, which may
     * begin with a space, is otherwise tried at every position of the text.
     */
    static boolean mayHoldBracketDot(String s) {
        for (int i = 0, n = s.length() - 1; i < n; i++) {
            char c = s.charAt(i);
            if (c == '[' || c == '(' || c == '{') {
                char next = s.charAt(i + 1);
                if (TextNormalizer.isRegexSpace(next) && i + 2 <= n) {
                    next = s.charAt(i + 2);
                }
                if (next == '.' || next == 'd' || next == 'D') {
                    return true;
                }
            }
        }
        return false;
    }

    /** Joins the spaced addresses {@link SpacedAddresses#SPACED_EMAIL} finds; the same string when there are none. */
    private static String joinSpacedEmails(String s) {
        if (!SpacedAddresses.maySpaceAnAddress(s)) {
            return s;
        }
        Matcher m = SpacedAddresses.SPACED_EMAIL.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int last = 0;
        do {
            String found = m.group();
            if (SpacedAddresses.spacedAfterAt(found)) {
                out.append(s, last, m.start()).append(found.replace(" ", ""));
                last = m.end();
            }
        } while (m.find());
        return last == 0 ? s : out.append(s, last, s.length()).toString();
    }

    /** Whether {@link #WORD_AT} could match lower-cased text: it needs one of the mail providers' names. */
    private static boolean mayNameMailProvider(String lower) {
        return lower.contains("mail") || lower.contains("yahoo") || lower.contains("outlook") || lower.contains("proton")
                || lower.contains("icloud") || lower.contains("aol") || lower.contains("yandex");
    }
}

package dev.commentguard.text;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the tricks spammers use to slip past filters, so that "Cаll 0З00 1234567" (Cyrillic а, З),
 * "w.h.a.t.s.a.p.p" and "example dot com" look like what they are. A pure function: thread-safe.
 *
 * <p>Steps, in order: Unicode NFKC (full-width digits and letters, ligatures); removal of zero-width and
 * control characters; folding of Cyrillic and Greek look-alike letters to Latin; unwrapping of HTML and
 * BBCode links (anchor text and address both kept); repair of obfuscated links ("dot com", "[.]",
 * "hxxp"); lower-casing; re-joining letters spaced or dotted apart; digits standing for letters inside
 * words ("fr33 c4sh"); collapsing white space.
 */
public final class TextNormalizer {

    /** Longest text normalised in full; the rest is cut off so that scoring time stays bounded. */
    public static final int MAX_CHARS = 20_000;

    private static final Pattern HREF = Pattern.compile("href\\s{0,10}+=\\s{0,10}+[\"']?+([^\"'\\s>]{1,2000}+)", Pattern.CASE_INSENSITIVE);
    /** Longest opening tag searched for an address; longer ones are left as text. */
    private static final int MAX_TAG = 4000;
    private static final Pattern BBCODE_LINK = Pattern.compile(
            "\\[url=([^\\]\\s]{1,2000}+)\\]([^\\[]{0,2000}+)\\[/url\\]|\\[url\\]([^\\[]{1,2000}+)\\[/url\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]{1,500}+)\\]\\((https?://[^)\\s]{1,2000}+)\\)");
    private static final Pattern HTML_TAG = Pattern.compile("<[^<>]{0,500}+>");
    private static final Pattern HXXP = Pattern.compile("\\bhxxp(s?)(?=:|\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKET_DOT = Pattern.compile("\\s?[\\[({]\\s?(?:\\.|dot)\\s?[\\])}]\\s?", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_DOT = Pattern.compile(
            "(?<=[a-z0-9])\\s+dot\\s+(?=(?:" + "com|net|org|info|biz|co|io|me|in|pk|uk|us|ng|ke|ph|xyz|online|site|shop|store|ly" + ")\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_AT = Pattern.compile(
            "(?<=[a-z0-9._])\\s*(?:\\[at\\]|\\(at\\)|\\{at\\}|\\s+at\\s+)\\s*(?=(?:gmail|yahoo|hotmail|outlook|protonmail|proton|icloud|aol|mail|yandex)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL_DOT = Pattern.compile(
            "(?<=@(?:gmail|yahoo|hotmail|outlook|protonmail|proton|icloud|aol|mail|yandex))\\s*(?:\\bdot\\b|\\[\\.\\]|\\(\\.\\))\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7}+)|#[xX]([0-9a-fA-F]{1,6}+)|(amp|lt|gt|quot|apos|nbsp));");

    private TextNormalizer() {
    }

    public static NormalizedText normalize(String raw) {
        String clean = clean(raw);
        List<String> urls = Patterns.urls(clean);
        List<String> emails = Patterns.emails(clean);
        String canonical = clean;
        if (!emails.isEmpty()) {
            canonical = Patterns.EMAIL.matcher(canonical).replaceAll(" " + NormalizedText.EMAIL_TOKEN + " ");
        }
        if (!urls.isEmpty() || !emails.isEmpty()) { // the e-mail placeholders leave text the link pattern may see anew
            canonical = Patterns.URL.matcher(canonical).replaceAll(" " + NormalizedText.URL_TOKEN + " ");
        }
        List<String> phones = Patterns.phoneNumbers(canonical);
        for (String phone : phones) {
            canonical = canonical.replace(phone, " " + NormalizedText.PHONE_TOKEN + " ");
        }
        canonical = collapseWhitespace(canonical).strip();
        return new NormalizedText(raw, clean, canonical, urls, emails, phones);
    }

    /** The cleaned, lower-cased text without placeholder substitution. */
    public static String clean(String raw) {
        String s = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
        // Each step below is skipped when a cheap look shows it cannot change the text: most comments
        // hold no markup, no obfuscated link and no character outside ASCII.
        if (!isAscii(s)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        }
        s = decodeEntities(s);
        s = stripInvisible(s);
        s = Confusables.fold(s);
        s = unwrapLinks(s);
        // The patterns below ignore ASCII case; looking for their key words in a lower-cased copy can
        // only say yes more often than the patterns would, never less. A step that changes nothing
        // returns the very same string, so the copy is remade only after a change.
        String lowered = s;
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("hxxp")) {
            s = HXXP.matcher(s).replaceAll("http$1");
        }
        if (s.indexOf('[') >= 0 || s.indexOf('(') >= 0 || s.indexOf('{') >= 0) {
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
            s = EMAIL_DOT.matcher(s).replaceAll(".");
        }
        s = s == lowered ? lower : s.toLowerCase(Locale.ROOT);
        s = Respelling.joinSpaced(s);
        s = Respelling.unLeet(s);
        return collapseWhitespace(s).strip();
    }

    /** Every run of the characters {@code \\s} matches (space, tab, line breaks, form feed) becomes one space. */
    static String collapseWhitespace(String s) {
        int n = s.length();
        int first = -1; // the first character that must change
        for (int i = 0; i < n && first < 0; i++) {
            char c = s.charAt(i);
            if (isRegexSpace(c) && (c != ' ' || i + 1 < n && isRegexSpace(s.charAt(i + 1)))) {
                first = i;
            }
        }
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(n).append(s, 0, first);
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if (isRegexSpace(c)) {
                out.append(' ');
                while (i + 1 < n && isRegexSpace(s.charAt(i + 1))) {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@link Character#isLetterOrDigit(char)}, answered for ASCII without the Unicode tables. */
    public static boolean isLetterOrDigit(char c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    /** Printable ASCII: neither a control character nor a format character, and kept as it is. */
    private static boolean isPlainVisible(char c) {
        return c >= 0x20 && c < 0x7f;
    }

    /** True when every character is below U+0080. */
    public static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #WORD_AT} could match lower-cased text: it needs one of the mail providers' names. */
    private static boolean mayNameMailProvider(String lower) {
        return lower.contains("mail") || lower.contains("yahoo") || lower.contains("outlook") || lower.contains("proton")
                || lower.contains("icloud") || lower.contains("aol") || lower.contains("yandex");
    }



    /** HTML character references, as comment systems export them ("don&#39;t", "&amp;"). */
    private static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return ENTITY.matcher(s).replaceAll(m -> {
            int code;
            if (m.group(1) != null) {
                code = Integer.parseInt(m.group(1));
            } else if (m.group(2) != null) {
                code = Integer.parseInt(m.group(2), 16);
            } else {
                code = switch (m.group(3)) {
                    case "amp" -> '&';
                    case "lt" -> '<';
                    case "gt" -> '>';
                    case "quot" -> '"';
                    case "apos" -> '\'';
                    default -> ' ';
                };
            }
            return Character.isValidCodePoint(code) && code != 0 ? Matcher.quoteReplacement(Character.toString(code)) : " ";
        });
    }

    private static String stripInvisible(String s) {
        int first = 0; // text before the first character that changes is copied as it is
        while (first < s.length() && isPlainVisible(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t' || c == '\r') {
                out.append(' ');
            } else if (isPlainVisible(c)) {
                out.append(c);
            } else if (Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.CONTROL) {
                continue; // zero-width space, joiners, bidi marks, soft hyphen, control characters
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unwrapLinks(String s) {
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
     * {@code <a href="URL">anchor</a>} becomes "anchor URL". A hand-written scan rather than one regular
     * expression, because every search starts where the previous one ended: linear in the text, however
     * many unclosed tags it holds.
     */
    static String unwrapHtmlLinks(String s) {
        StringBuilder out = null;
        int copied = 0; // s[0, copied) is already in out
        int from = 0;   // where the next "<a" search starts
        // The first '>' and "</a" found so far: still the first ones for any later start not beyond them,
        // so that no stretch of text is scanned twice.
        int gt = -1;
        int close = -1;
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
                close = indexOfIgnoreCase(s, "</a", gt);
                if (close < 0) {
                    break;
                }
            }
            Matcher href = gt - open <= MAX_TAG ? HREF.matcher(s).region(open, gt) : null;
            if (href == null || !href.find()) {
                from = open + 2; // not a link we can read: leave it as text
                continue;
            }
            int end = s.indexOf('>', close);
            end = end < 0 ? close + 3 : end + 1;
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, copied, open).append(s, gt + 1, close).append(' ').append(href.group(1)).append(' ');
            copied = end;
            from = end;
        }
        return out == null ? s : out.append(s, copied, s.length()).toString();
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        for (int k = Math.max(0, from); k + needle.length() <= s.length(); k++) {
            if (s.regionMatches(true, k, needle, 0, needle.length())) {
                return k;
            }
        }
        return -1;
    }
}

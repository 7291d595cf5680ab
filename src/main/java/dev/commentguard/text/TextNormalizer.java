package dev.commentguard.text;

import java.text.Normalizer;
import java.util.List;
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

    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7}+)|#[xX]([0-9a-fA-F]{1,6}+)|(amp|lt|gt|quot|apos|nbsp));");

    private TextNormalizer() {
    }

    /** The {@link #clean} text, and that text with its links, e-mail addresses and phone numbers marked by placeholders. */
    public static NormalizedText normalize(String text) {
        String raw = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
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
        for (String phone : new java.util.LinkedHashSet<>(phones)) { // a replace takes every copy of a number at once
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
        s = LinkRepair.unwrap(s);
        s = LinkRepair.repairThenLowerCase(s);
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

    /** A character of {@code \\s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isRegexSpace(char c) {
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

}

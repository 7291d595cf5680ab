package dev.commentguard.features;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a comment's links in markup (HTML anchors, BBCode, Markdown) show the address they go to. A comment
 * system or an export writes a link typed in plain as an anchor whose text is the link itself, or the link cut
 * short with an ellipsis; spam hides its address behind words ("best dentist in Dubai"). Stateless.
 */
final class Anchors {

    /** One attribute of a tag, in order: its name and its value, quoted or not. */
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=\"'<>/]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");
    /** A tag inside an anchor's text; "<" not allowed inside, so a run of them costs its length. */
    private static final Pattern TAG = Pattern.compile("<[^<>]*>");
    /** More markup links than this are not read one by one: such a comment is not a reader's typed link. */
    private static final int MAX_LINKS = 50;

    private Anchors() {
    }

    /**
     * True when the text holds at least one link in markup and every one of them shows its own address as its
     * text; false when any shows other words, when one could not be read (an anchor left unclosed), or when there
     * are more than {@link #MAX_LINKS}. One pass with {@code indexOf}; each link's tag and text are read once, and a
     * text with no link that could be read stops at the first (20,000 characters of tags: a few milliseconds).
     */
    static boolean allShowTheirAddress(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        int found = 0;
        // HTML: <a ... href="X" ...>text</a>
        for (int from = 0, at; (at = lower.indexOf("<a", from)) >= 0; ) {
            if (at + 2 >= lower.length() || !Character.isWhitespace(lower.charAt(at + 2))) {
                from = at + 2;
                continue; // <abbr>, <article>
            }
            int tagEnd = tagEnd(raw, at + 2);
            int close = tagEnd < 0 ? -1 : closingTag(lower, tagEnd);
            if (close < 0 || ++found > MAX_LINKS) {
                return false;
            }
            String href = href(raw.substring(at + 2, tagEnd));
            if (href == null || !shows(href, TAG.matcher(raw.substring(tagEnd + 1, close)).replaceAll(""))) {
                return false;
            }
            from = close + 3;
        }
        // BBCode: [url]X[/url] or [url=X]text[/url]
        for (int from = 0, at; (at = lower.indexOf("[url", from)) >= 0; ) {
            int open = lower.indexOf(']', at);
            int close = open < 0 ? -1 : lower.indexOf("[/url]", open);
            if (close < 0 || ++found > MAX_LINKS) {
                return false;
            }
            String tag = raw.substring(at + 4, open);
            if (!tag.isEmpty() && !tag.startsWith("=")) {
                return false; // [url title=…], [urlx]: not a form we read
            }
            String href = tag.isEmpty() ? null : unquote(tag.substring(1).strip());
            if (href != null && !shows(href, raw.substring(open + 1, close))) {
                return false;
            }
            from = close + 6;
        }
        // Markdown: [text](http...)
        for (int from = 0, at; (at = lower.indexOf("](http", from)) >= 0; ) {
            int open = raw.lastIndexOf('[', at);
            int close = raw.indexOf(')', at);
            if (open < from || close < 0 || ++found > MAX_LINKS) {
                return false;
            }
            if (!shows(raw.substring(at + 2, close), raw.substring(open + 1, at))) {
                return false;
            }
            from = close + 1;
        }
        return found > 0;
    }

    /** Where the tag opened before {@code from} ends: the first {@code >} outside quotes, or -1. */
    private static int tagEnd(String raw, int from) {
        char quote = 0;
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code </a>} (or {@code </a } …) after {@code from}, not {@code </abbr>} or {@code </aside>}; -1 if none. */
    private static int closingTag(String lower, int from) {
        for (int at = lower.indexOf("</a", from); at >= 0; at = lower.indexOf("</a", at + 3)) {
            if (at + 3 < lower.length() && (lower.charAt(at + 3) == '>' || Character.isWhitespace(lower.charAt(at + 3)))) {
                return at;
            }
        }
        return -1;
    }

    /** The value of the first attribute named href among a tag's attributes, or {@code null}. */
    private static String href(String attributes) {
        Matcher m = ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase("href")) {
                return m.group(2) == null ? null : unquote(m.group(2));
            }
        }
        return null;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0);
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    /** Whether {@code text} is {@code href} written out: the same address, or its start cut short with an ellipsis. */
    static boolean shows(String href, String text) {
        String h = bare(decode(href));
        String t = decode(text).strip();
        boolean cut = t.endsWith("…") || t.endsWith("...");
        if (cut) {
            t = t.substring(0, t.length() - (t.endsWith("…") ? 1 : 3));
        }
        t = bare(t);
        if (t.length() < 4) {
            return false;
        }
        if (!cut) {
            return h.equals(t);
        }
        // Cut short, it must still show the whole host: "best-dentist.ae" is not shown by "Best…".
        int host = h.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = h.indexOf(c);
            host = i >= 0 ? Math.min(host, i) : host;
        }
        return h.startsWith(t) && t.length() >= host;
    }

    /** The entities comment systems write in addresses and ellipses, decoded; no-break and zero-width spaces dropped. */
    private static String decode(String s) {
        return s.replace("&amp;", "&").replace("&#038;", "&").replace("&#38;", "&").replace("&#x26;", "&")
                .replace("&hellip;", "…").replace("&#8230;", "…").replace('\u00a0', ' ')
                .replace("\u200b", "").replace("\u200c", "").replace("\u200d", "").replace("\ufeff", "");
    }

    /** An address without its scheme, {@code www.} and closing slash, in lower case. */
    private static String bare(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        u = u.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        u = u.startsWith("www.") ? u.substring(4) : u;
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}

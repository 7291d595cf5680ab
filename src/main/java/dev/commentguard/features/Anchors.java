package dev.commentguard.features;

import dev.commentguard.text.Markup;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a comment's links in markup (HTML anchors, BBCode, Markdown) show the address they go to. A comment
 * system or an export writes a link typed in plain as an anchor whose text is the link itself, or the link cut
 * short with an ellipsis; spam hides its address behind words ("best dentist in Dubai"). Stateless.
 */
final class Anchors {

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
            String href = Markup.attribute(raw.substring(at + 2, tagEnd), "href");
            if (href == null || !Markup.showsAddress(href, TAG.matcher(raw.substring(tagEnd + 1, close)).replaceAll(""))) {
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
            String href = tag.isEmpty() ? null : Markup.unquote(tag.substring(1).strip());
            if (href != null && !Markup.showsAddress(href, raw.substring(open + 1, close))) {
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
            if (!Markup.showsAddress(raw.substring(at + 2, close), raw.substring(open + 1, at))) {
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
}

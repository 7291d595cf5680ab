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

    private static final Pattern HREF = Pattern.compile("(?is)\\shref\\s*=\\s*[\"']?([^\"'\\s>]+)");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** More markup links than this are not read one by one: such a comment is not a reader's typed link. */
    private static final int MAX_LINKS = 50;

    private Anchors() {
    }

    /**
     * True when the text holds at least one link in markup and every one of them shows its own address as its
     * text; false when any shows other words, when one could not be read (an anchor left unclosed), or when there
     * are more than {@link #MAX_LINKS}. One pass with {@code indexOf}, so a text of unclosed tags costs no more
     * than its length.
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
            int tagEnd = lower.indexOf('>', at);
            int close = tagEnd < 0 ? -1 : lower.indexOf("</a", tagEnd);
            if (close < 0 || ++found > MAX_LINKS) {
                return false;
            }
            Matcher href = HREF.matcher(raw.substring(at, tagEnd));
            if (!href.find() || !shows(href.group(1), TAG.matcher(raw.substring(tagEnd + 1, close)).replaceAll(""))) {
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
            if (tag.startsWith("=") && !shows(tag.substring(1), raw.substring(open + 1, close))) {
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

    /** Whether {@code text} is {@code href} written out: the same address, or its start cut short with an ellipsis. */
    static boolean shows(String href, String text) {
        String h = bare(href.replace("&amp;", "&"));
        String t = text.replace("&amp;", "&").strip();
        boolean cut = t.endsWith("…") || t.endsWith("...");
        if (cut) {
            t = t.substring(0, t.length() - (t.endsWith("…") ? 1 : 3));
        }
        t = bare(t);
        if (t.length() < 4) {
            return false;
        }
        return cut ? h.startsWith(t) : h.equals(t);
    }

    /** An address without its scheme, {@code www.} and closing slash, in lower case. */
    private static String bare(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        u = u.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        u = u.startsWith("www.") ? u.substring(4) : u;
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}

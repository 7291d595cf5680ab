package dev.commentguard.io;

import dev.commentguard.text.Markup;

import java.util.Locale;
import java.util.Set;

/**
 * The text of an HTML fragment as comment systems store it (a WordPress comment or post, a Disqus message): tags
 * dropped, paragraphs and line breaks kept as line breaks, character references decoded, and each link's address
 * kept after its anchor text, since links are evidence: {@code <a href="https://x.example">cheap bags</a>} becomes
 * "cheap bags https://x.example", which is also what the scorer's normaliser makes of the same HTML, so that a
 * model trained on an export sees what it will see when the raw comment is scored. Script and style bodies and
 * HTML comments (WordPress block markers) are dropped. One linear scan; a pure function: thread-safe.
 */
final class HtmlText {

    private static final Set<String> BREAKS = Set.of("p", "br", "div", "li", "ul", "ol", "blockquote", "pre", "hr",
            "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "figure", "figcaption", "section", "article", "dd", "dt");

    private static final Set<String> SPACES = Set.of("img", "td", "th", "input", "button", "iframe", "video", "audio");

    private HtmlText() {
    }

    /** The text of {@code html}; text without markup comes back with its white space tidied only. */
    static String toText(String html) {
        int n = html.length();
        StringBuilder out = new StringBuilder(n);
        String href = null;
        int anchorStart = 0;
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '&') {
                i = Markup.entity(html, i, out);
                continue;
            }
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            int gt = html.indexOf('>', i);
            int nameStart = i + 1 < n && html.charAt(i + 1) == '/' ? i + 2 : i + 1;
            if (gt < 0 || nameStart >= n || !isAsciiLetter(html.charAt(nameStart))) {
                out.append(c); // "a < b", or a tag that never closes: text
                i++;
                continue;
            }
            int nameEnd = nameStart;
            while (nameEnd < gt && (Character.isLetterOrDigit(html.charAt(nameEnd)))) {
                nameEnd++;
            }
            String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            boolean closing = nameStart == i + 2;
            if (!closing && (name.equals("script") || name.equals("style"))) {
                int end = indexOfIgnoreCase(html, "</" + name, gt);
                int close = end < 0 ? -1 : html.indexOf('>', end);
                i = close < 0 ? n : close + 1;
                continue;
            }
            if (name.equals("a")) {
                if (!closing) {
                    href = Markup.attribute(html.substring(nameEnd, gt), "href");
                    anchorStart = out.length();
                } else if (href != null) {
                    String anchor = out.substring(anchorStart).strip();
                    if (!sameAddress(anchor, href)) {
                        out.append(' ').append(href).append(' ');
                    }
                    href = null;
                }
            } else if (name.equals("img") && !closing) {
                // An image says what its alt text says (WordPress writes an emoji as an image with the emoji as alt),
                // else where it is: an image-only comment is not empty, and its address is evidence as a link's is.
                String tag = html.substring(nameEnd, gt);
                String alt = Markup.attribute(tag, "alt");
                String src = Markup.attribute(tag, "src");
                out.append(' ').append(alt != null && !alt.isBlank() ? alt.strip() : src != null ? src.strip() : "").append(' ');
            } else if (BREAKS.contains(name)) {
                out.append('\n');
            } else if (SPACES.contains(name)) {
                out.append(' ');
            } // inline tags (b, em, span, ...) sit inside words and sentences: they add nothing
            i = gt + 1;
        }
        if (href != null && !sameAddress(out.substring(anchorStart).strip(), href)) {
            out.append(' ').append(href); // a link never closed keeps its address too
        }
        return tidy(out);
    }

    /** Whether the anchor text is the address itself, as auto-linked addresses are, so that it is not said twice. */
    private static boolean sameAddress(String anchor, String href) {
        return href.isBlank() || Markup.showsAddress(href, anchor);
    }

    /** Runs of spaces as one, each line stripped, at most one blank line in a row, no blank lines around. */
    private static String tidy(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        int newlines = 0;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    continue; // the LF of CRLF counts
                }
                newlines++;
                space = false;
            } else if (c == ' ' || c == '\t' || c == '\u00a0' || c == '\f') {
                space = true;
            } else {
                if (out.length() > 0) {
                    if (newlines > 0) {
                        out.append(newlines > 1 ? "\n\n" : "\n");
                    } else if (space) {
                        out.append(' ');
                    }
                }
                newlines = 0;
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
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

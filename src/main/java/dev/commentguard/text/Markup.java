package dev.commentguard.text;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of HTML that comment systems store and both the export readers and the scorer read: character
 * references, a tag's attributes, and whether a link's text is its own address. Pure functions: thread-safe.
 */
public final class Markup {

    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("hellip", "…"), Map.entry("mdash", "—"),
            Map.entry("ndash", "–"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("laquo", "«"), Map.entry("raquo", "»"), Map.entry("copy", "©"),
            Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("euro", "€"), Map.entry("pound", "£"),
            Map.entry("deg", "°"), Map.entry("times", "×"), Map.entry("middot", "·"), Map.entry("bull", "•"),
            Map.entry("shy", ""), Map.entry("auml", "ä"), Map.entry("ouml", "ö"), Map.entry("uuml", "ü"),
            Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"), Map.entry("szlig", "ß"),
            Map.entry("eacute", "é"), Map.entry("egrave", "è"), Map.entry("agrave", "à"), Map.entry("aacute", "á"),
            Map.entry("ccedil", "ç"), Map.entry("ntilde", "ñ"));

    /** One attribute of a tag, in order: its name and its value, quoted or not. */
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=\"'<>/]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");

    private Markup() {
    }

    /**
     * The value of the first attribute named {@code name} (without regard to case) in a tag's attribute text, its
     * character references decoded; {@code null} when absent or without a value. Attributes are read in order, so a
     * name inside another attribute's quoted value ({@code title="see href=…"}) is not one.
     */
    public static String attribute(String attributes, String name) {
        Matcher m = ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(2) == null ? null : decode(unquote(m.group(2)).strip());
            }
        }
        return null;
    }

    /** The text with its character references decoded; an ampersand that starts none is kept. */
    public static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            if (s.charAt(i) == '&') {
                i = entity(s, i, out);
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /**
     * Whether a link's text is its address written out, as comment systems and exports write a link typed in plain:
     * the same address (scheme, {@code www.} and a closing slash aside, references decoded), or its start cut short with
     * an ellipsis that still shows the whole host ("best-dentist.ae" is not shown by "Best…").
     */
    public static boolean showsAddress(String href, String text) {
        String h = bare(decode(href));
        String t = decode(text).replace('\u00a0', ' ').replace("\u200b", "").replace("\u200c", "")
                .replace("\u200d", "").replace("\ufeff", "").strip();
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
        int host = h.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = h.indexOf(c);
            host = i >= 0 ? Math.min(host, i) : host;
        }
        return h.startsWith(t) && t.length() >= host;
    }

    /** The value without the quotes around it, if it has them. */
    public static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0);
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    /** An address without its scheme, {@code www.} and closing slash, in lower case. */
    private static String bare(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        u = u.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        u = u.startsWith("www.") ? u.substring(4) : u;
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Decodes the character reference at {@code i} into {@code out}, or copies the ampersand when it is not one; the next index. */
    public static int entity(String s, int i, StringBuilder out) {
        int semi = s.indexOf(';', i + 1);
        if (semi < 0 || semi - i > 10) {
            out.append('&');
            return i + 1;
        }
        String ref = s.substring(i + 1, semi);
        String decoded = null;
        if (ref.startsWith("#")) {
            try {
                int code = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X')
                        ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
                decoded = Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : " ";
            } catch (NumberFormatException e) {
                decoded = null;
            }
        } else {
            decoded = ENTITIES.get(ref);
        }
        if (decoded == null) {
            out.append('&');
            return i + 1;
        }
        out.append(decoded);
        return semi + 1;
    }

}

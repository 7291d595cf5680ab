package dev.commentguard.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} bodies strictly, in the character set the form is in: the
 * {@code charset} of its {@code Content-Type}, else its {@code blog_charset} field (Akismet's), else UTF-8. A value
 * whose bytes are not text in that character set is an error, never replacement characters: a verdict on them would
 * be a verdict on other text, and a moderator's decision on them would train on it.
 */
final class Forms {

    private Forms() {
    }

    /**
     * The fields of a form body; of a field given twice, the first.
     *
     * @param contentType the request's {@code Content-Type}, or null
     * @throws IllegalArgumentException naming the field when a percent escape is broken or a value is not text in the
     *                                  form's character set, or naming a character set this Java does not know
     */
    static Map<String, String> parse(byte[] body, String contentType) {
        Charset declared = declaredCharset(contentType);
        // Percent escapes and the separators are ASCII: ISO-8859-1 maps each byte to one char, so nothing is lost
        // before the bytes of each name and value are decoded in the form's character set.
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, byte[][]> pairs = new HashMap<>();
        java.util.List<String> order = new java.util.ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            byte[] name = unescape(rawName, rawName);
            byte[] value = unescape(eq < 0 ? "" : pair.substring(eq + 1), rawName);
            String key = new String(name, StandardCharsets.ISO_8859_1);
            if (!pairs.containsKey(key)) {
                pairs.put(key, new byte[][] {name, value});
                order.add(key);
            }
        }
        Charset charset = declared;
        if (charset == null) {
            byte[][] named = pairs.get("blog_charset");
            charset = named == null ? StandardCharsets.UTF_8 : charset(new String(named[1], StandardCharsets.ISO_8859_1).strip());
        }
        Map<String, String> fields = new HashMap<>();
        for (String key : order) {
            byte[][] pair = pairs.get(key);
            String name = decode(pair[0], charset, key, false);
            // Strict for what is read; a field that is not (the commenter's user_agent, referrer, the HTTP_* values the
            // WordPress plug-in sends) must not fail a check for one odd byte in it.
            fields.putIfAbsent(name, decode(pair[1], charset, name, READ.contains(name)));
        }
        return fields;
    }

    /** The fields the service reads: a value of these that is not text is refused rather than read as other text. */
    static final java.util.Set<String> READ = java.util.Set.of("comment_content", "comment_author", "comment_author_email",
            "comment_author_url", "blog", "permalink", "api_key", "key", "user_role", "blog_charset");

    /** The {@code charset} parameter of a {@code Content-Type}, or null when it names none. */
    static Charset declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1);
                }
                return charset(name);
            }
        }
        return null;
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unknown character set '" + shown(name) + "'", e);
        }
    }

    /** The bytes of {@code s} with its percent escapes and plus signs undone. */
    private static byte[] unescape(String s, String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new IllegalArgumentException("malformed form encoding in field '" + shown(field)
                            + "': a '%' not followed by two hexadecimal digits at character " + (i + 1));
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(c); // a byte of the body as sent (ISO-8859-1 above): decoded with the rest below
            }
        }
        return out.toByteArray();
    }

    private static String decode(byte[] bytes, Charset charset, String field, boolean strict) {
        CodingErrorAction onError = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
        try {
            return charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("field '" + shown(field) + "' is not " + charset.name() + " text: declare the"
                    + " form's character set (Content-Type: application/x-www-form-urlencoded; charset=..., or blog_charset)");
        }
    }

    private static String shown(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Whether a {@code Content-Type} names a form of another encoding than this class reads. */
    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }
}

package dev.commentguard.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What to say about bytes that are not text in the expected encoding: which encoding they look like (UTF-16 from a
 * byte-order mark or a zero in every other byte, Latin-1 or Windows-1252 from a lone accented byte) and the option
 * that reads them. Stateless.
 */
final class Encodings {

    private Encodings() {
    }

    /**
     * A message when UTF-8 is expected but the first bytes of the input look like UTF-16, else null. ASCII text in
     * UTF-16 is valid UTF-8 with a zero after (or before) every letter, so it has to be caught here, before parsing.
     */
    static String utf16Instead(Charset expected, byte[] head, int length) {
        if (!expected.equals(StandardCharsets.UTF_8) || length < 2) {
            return null;
        }
        if ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return "the input looks UTF-16LE encoded (it starts with a UTF-16 byte-order mark), not UTF-8; read it with --encoding UTF-16";
        }
        if ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return "the input looks UTF-16BE encoded (it starts with a UTF-16 byte-order mark), not UTF-8; read it with --encoding UTF-16";
        }
        int n = Math.min(length, 512) & ~1;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            evenZeros += head[i] == 0 ? 1 : 0;
            oddZeros += head[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (pairs >= 2 && oddZeros * 10 >= pairs * 4 && evenZeros * 20 < pairs) {
            return "the input looks UTF-16LE encoded (a zero byte after every letter), not UTF-8; read it with --encoding UTF-16LE";
        }
        if (pairs >= 2 && evenZeros * 10 >= pairs * 4 && oddZeros * 20 < pairs) {
            return "the input looks UTF-16BE encoded (a zero byte before every letter), not UTF-8; read it with --encoding UTF-16BE";
        }
        return null;
    }

    /**
     * Why the {@code length} bytes at {@code bytes[bad]} are not valid in {@code expected}, with the likely encoding
     * and the option to read it with; {@code end} bounds what may be looked at after them.
     */
    static String invalid(Charset expected, byte[] bytes, int bad, int length, int end) {
        String name = expected.equals(StandardCharsets.UTF_8) ? "UTF-8" : expected.name();
        StringBuilder shown = new StringBuilder();
        for (int i = bad; i < Math.min(end, bad + Math.max(1, length)); i++) {
            shown.append(shown.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes[i] & 0xFF));
        }
        String problem = "invalid " + name + " (byte" + (length > 1 ? "s " : " ") + shown + ")";
        if (!expected.equals(StandardCharsets.UTF_8)) {
            return problem + "; name the input's encoding with --encoding";
        }
        int b = bytes[bad] & 0xFF;
        boolean nextIsContinuation = bad + 1 < end && (bytes[bad + 1] & 0xC0) == 0x80;
        if (b >= 0x80 && !nextIsContinuation) {
            return problem + ": the input looks Latin-1 (ISO-8859-1) or Windows-1252 encoded; read it with --encoding windows-1252";
        }
        return problem + "; the input must be UTF-8, or name its encoding with --encoding";
    }
}

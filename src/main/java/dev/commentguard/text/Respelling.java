package dev.commentguard.text;

import java.util.Set;

import static dev.commentguard.text.TextNormalizer.isLetterOrDigit;

/**
 * Undoes the respelling that hides a word letter by letter: letters spaced or dotted apart
 * ("c a l l", "w.h.a.t.s.a.p.p") and digits standing for letters ("fr33 c4sh"). Both run on
 * lower-cased text, after look-alike letters are folded ({@link Confusables}). Stateless and thread-safe.
 */
final class Respelling {

    /** Digits that stand for letters inside words, and the letters they stand for. */
    private static final String LEET_DIGITS = "013457";
    private static final String LEET_LETTERS = "oieast";
    /** Ordinary words that mix letters and those digits. */
    private static final Set<String> KEEP_DIGITS = Set.of("mp3", "mp4", "h264", "a4", "a3", "a5", "b12",
            "win10", "win7", "x64", "g7", "g20", "co2", "no2", "f1", "u17", "u21", "ps4", "ps5", "s3", "ec2", "v1", "v3", "web3");

    private Respelling() {
    }

    /**
     * "c a l l" becomes "call" and "0 3 0 0" becomes "0300": a run of three or more single letters or
     * digits, each separated by one space, dot, dash or underscore, is joined. One linear scan.
     */
    static String joinSpaced(String s) {
        int n = s.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!isSingle(s, i)) {
                i++;
                continue;
            }
            int end = i; // index of the last single character in the run
            while (end + 2 < n && isSeparator(s.charAt(end + 1)) && isSingle(s, end + 2)) {
                end += 2;
            }
            int count = (end - i) / 2 + 1;
            if (count >= 3) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(s, copied, i);
                for (int k = i; k <= end; k += 2) {
                    out.append(s.charAt(k));
                }
                copied = end + 1;
            }
            i = end + 1;
        }
        return out == null ? s : out.append(s, copied, n).toString();
    }

    /**
     * "fr33 c4sh" becomes "free cash": in a run of letters and digits with at least two letters, whose
     * digits are all among 0 1 3 4 5 7 and which is not a known word such as "mp3", each digit becomes
     * the letter it imitates.
     */
    static String unLeet(String s) {
        StringBuilder out = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!isLetterOrDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int letters = 0;
            int digits = 0;
            boolean mappable = true;
            while (i < n && isLetterOrDigit(s.charAt(i))) {
                char c = s.charAt(i);
                if (Character.isDigit(c)) {
                    digits++;
                    mappable &= LEET_DIGITS.indexOf(c) >= 0;
                } else {
                    letters++;
                }
                i++;
            }
            if (digits > 0 && letters >= 2 && mappable && !KEEP_DIGITS.contains(s.substring(start, i))) {
                if (out == null) {
                    out = new StringBuilder(s);
                }
                for (int k = start; k < i; k++) {
                    int d = LEET_DIGITS.indexOf(s.charAt(k));
                    if (d >= 0) {
                        out.setCharAt(k, LEET_LETTERS.charAt(d));
                    }
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /** A letter or digit standing alone: neither neighbour is a letter or digit. */
    private static boolean isSingle(String s, int i) {
        return isLetterOrDigit(s.charAt(i))
                && (i == 0 || !isLetterOrDigit(s.charAt(i - 1)))
                && (i + 1 == s.length() || !isLetterOrDigit(s.charAt(i + 1)));
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_';
    }
}

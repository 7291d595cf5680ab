package dev.commentguard.features;

import dev.commentguard.text.TextNormalizer;

import java.util.List;
import java.util.Set;

import static dev.commentguard.features.SignalExtractor.set;

/**
 * The signals of how a comment is written rather than what it points to: keyword lists, capitals, repeated
 * characters and words, mixed alphabets and disguised letters, length, digits, and a bare phrase at the end.
 * Pure functions of the text: thread-safe.
 */
final class TextShape {

    /** Words of a sentence (pronouns, common verbs, thanks, negation) that a bare sales phrase lacks. */
    private static final Set<String> SENTENCE_WORDS = Set.of("i", "you", "we", "he", "she", "it", "they", "me", "my",
            "your", "our", "is", "are", "was", "were", "be", "have", "has", "do", "does", "did", "will", "can", "this",
            "that", "thanks", "thank", "please", "so", "very", "really", "not", "no", "yes");

    private TextShape() {
    }

    /** Sets the text-shape signals; {@code raw} is the comment's text cut to {@link TextNormalizer#MAX_CHARS}. */
    static void fill(double[] v, String raw, String clean, List<String> words) {
        v[Signal.KEYWORD_LIST.ordinal()] = keywordList(clean);
        v[Signal.SHOUTING.ordinal()] = shouting(raw);
        v[Signal.REPEATED_CHARACTERS.ordinal()] = repeatedCharacters(raw);
        v[Signal.REPEATED_WORDS.ordinal()] = repeatedWords(words);
        boolean ascii = TextNormalizer.isAscii(raw); // plain ASCII can be neither
        boolean mixed = !ascii && mixedScripts(raw);
        set(v, Signal.MIXED_SCRIPTS, mixed);
        set(v, Signal.DISGUISED, !ascii && disguised(raw, mixed));
        set(v, Signal.VERY_SHORT, words.size() <= 2);
        v[Signal.LENGTH.ordinal()] = Math.min(1.0, Math.log1p(clean.length()) / Math.log1p(2000));
        v[Signal.DIGITS.ordinal()] = digitShare(clean);
    }

    /** Share of a comma- or pipe-separated list made of short keyword phrases; 0 unless there are at least five. */
    static double keywordList(String clean) {
        int separators = 0;
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == ',' || c == '|' || c == ';') {
                separators++;
            }
        }
        if (separators < 4) {
            return 0; // fewer than five parts
        }
        String[] parts = clean.split("[,|;]");
        if (parts.length < 5) {
            return 0;
        }
        int shortParts = 0;
        for (String p : parts) {
            int n = NgramVectorizer.words(p).size();
            if (n >= 1 && n <= 4) {
                shortParts++;
            }
        }
        double share = shortParts / (double) parts.length;
        return share >= 0.7 ? Math.min(1.0, shortParts / 10.0) : 0;
    }

    /** Share of capital letters among letters, for comments with at least eight letters. */
    static double shouting(String raw) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x80) { // the same answers as below, without the Unicode tables
                if (c >= 'a' && c <= 'z') {
                    letters++;
                } else if (c >= 'A' && c <= 'Z') {
                    letters++;
                    upper++;
                }
            } else if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters < 8 ? 0 : Math.max(0, (upper / (double) letters - 0.3) / 0.7);
    }

    /** Longest run of one character beyond two ("soooo", "!!!!!!"), scaled so that a run of ten is 1. */
    static double repeatedCharacters(String raw) {
        int longest = 1;
        int run = 1;
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            run = c == raw.charAt(i - 1) && !Character.isWhitespace(c) && !Character.isDigit(c) ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest <= 2 ? 0 : Math.min(1.0, (longest - 2) / 8.0);
    }

    /**
     * How much of the comment is its most frequent word (of three letters or more), for comments of six words or more.
     * Only a word that makes up a quarter of the comment counts, so the few candidates a Misra-Gries pass keeps (every
     * word more frequent than a fifth of those counted) are all that need counting: no map, no boxed counts.
     */
    static double repeatedWords(List<String> words) {
        int n = words.size();
        if (n < 6) {
            return 0;
        }
        String[] candidates = new String[4];
        int[] weights = new int[4];
        for (String w : words) {
            if (w.length() <= 2) {
                continue;
            }
            int free = -1;
            boolean kept = false;
            for (int k = 0; k < 4 && !kept; k++) {
                if (weights[k] > 0 && candidates[k].equals(w)) {
                    weights[k]++;
                    kept = true;
                } else if (weights[k] == 0 && free < 0) {
                    free = k;
                }
            }
            if (kept) {
                continue;
            }
            if (free >= 0) {
                candidates[free] = w;
                weights[free] = 1;
            } else {
                for (int k = 0; k < 4; k++) {
                    weights[k]--;
                }
            }
        }
        int most = 0;
        for (int k = 0; k < 4; k++) {
            if (weights[k] > 0) {
                int count = 0;
                for (String w : words) {
                    count += w.equals(candidates[k]) ? 1 : 0;
                }
                most = Math.max(most, count);
            }
        }
        double share = most / (double) n;
        return most < 3 || share < 0.25 ? 0 : Math.min(1.0, (share - 0.25) / 0.5);
    }

    /** True when a word mixes Latin letters with Cyrillic or Greek ones, the mark of look-alike spelling. */
    static boolean mixedScripts(String raw) {
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i <= raw.length(); i++) {
            char c = i < raw.length() ? raw.charAt(i) : ' ';
            if (!Character.isLetter(c)) {
                if (latin && other) {
                    return true;
                }
                latin = false;
                other = false;
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            latin |= script == Character.UnicodeScript.LATIN;
            other |= script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK;
        }
        return false;
    }

    /**
     * Invisible characters, full-width forms or mathematical letters: text dressed to look like something else.
     * {@code mixedScripts} is {@link #mixedScripts} of the same text, which a mix of alphabets alone makes true.
     */
    static boolean disguised(String raw, boolean mixedScripts) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD') {
                return true;
            }
        }
        if (mixedScripts) {
            return true;
        }
        // The letters and digits NFKC folds that disguise a word: full-width forms and mathematical alphanumerics. (NFKC
        // also folds harmless characters, ligatures and non-breaking spaces, so comparing with it says too much; and
        // the normaliser has already run it once.)
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= '\uFF10' && c <= '\uFF5A') || Character.isSurrogate(c)
                    && Character.isLetterOrDigit(raw.codePointAt(i)) && raw.codePointAt(i) >= 0x1D400 && raw.codePointAt(i) <= 0x1D7FF) {
                return true;
            }
        }
        return false;
    }

    /** The text without the invisible characters that do not stand between two letters or digits. */
    static String stripInvisibleOutsideWords(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean invisible = c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
            if (invisible && !(i > 0 && i + 1 < raw.length() && Character.isLetterOrDigit(raw.charAt(i - 1))
                    && Character.isLetterOrDigit(raw.charAt(i + 1)))) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static double digitShare(String clean) {
        if (clean.isEmpty()) {
            return 0;
        }
        int digits = 0;
        for (int i = 0; i < clean.length(); i++) {
            if (Character.isDigit(clean.charAt(i))) {
                digits++;
            }
        }
        return digits / (double) clean.length();
    }

    /**
     * Whether the comment ends with a bare phrase after its last full stop: two to seven words, no
     * pronoun or verb, no closing punctuation. That is what is left of a link's anchor text
     * ("great post, thanks for sharing. best dentist in dubai") once a site strips the link.
     */
    static boolean endsWithBarePhrase(String clean) {
        String s = clean.strip();
        if (s.isEmpty() || ".!?)…:;".indexOf(s.charAt(s.length() - 1)) >= 0) {
            return false;
        }
        int cut = Math.max(Math.max(s.lastIndexOf('.'), s.lastIndexOf('!')), Math.max(s.lastIndexOf('?'), s.lastIndexOf('\n')));
        if (cut < 0) {
            return false;
        }
        List<String> words = NgramVectorizer.words(s.substring(cut + 1));
        if (words.size() < 2 || words.size() > 7) {
            return false;
        }
        for (String w : words) {
            if (SENTENCE_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }
}

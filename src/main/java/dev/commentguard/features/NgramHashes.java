package dev.commentguard.features;

/**
 * How {@link HashedNgrams} hashes n-grams: FNV-1a over each n-gram's UTF-16 characters (word n-grams: the words
 * joined by single spaces, from a seed of their own), spread by a multiply before its top bits pick one of
 * {@code 2^bits} buckets. Every n-gram is hashed as it is read, without a string of its own. Stateless.
 */
final class NgramHashes {

    static final long PRIME = 0x100000001b3L;
    static final long CHAR_SEED = 0xcbf29ce484222325L;
    static final long WORD_SEED = 0x9ae16a3b2f90404fL;
    private static final long SPREAD = 0x9e3779b97f4a7c15L;

    private NgramHashes() {
    }

    /** The bucket of a character n-gram, or of a word n-gram (words joined by single spaces) plus {@code 2^bits}. */
    static int bucketOf(String gram, boolean word, int bits) {
        long h = word ? WORD_SEED : CHAR_SEED;
        for (int i = 0; i < gram.length(); i++) {
            h = (h ^ gram.charAt(i)) * PRIME;
        }
        return bucket(h, bits) + (word ? 1 << bits : 0);
    }

    /** Room for every n-gram of the text. */
    static int capacity(String text, NgramSettings s) {
        return (text.length() + 2) * (s.charMax() - s.charMin() + 1) + (text.length() / 2 + 1) * s.wordMax();
    }

    /**
     * The hash of a word n-gram extended by the word {@code text[start, end)}, after a space when it is not the
     * first: the one place the word n-grams are hashed, so that {@link HashedNgrams#wordName} finds the names {@link #scan} counted.
     */
    static long withWord(long h, boolean afterSpace, String text, int start, int end) {
        if (afterSpace) {
            h = (h ^ ' ') * PRIME;
        }
        for (int k = start; k < end; k++) {
            h = (h ^ text.charAt(k)) * PRIME;
        }
        return h;
    }

    static int bucket(long hash, int bits) {
        return (int) ((hash * SPREAD) >>> (64 - bits));
    }

    /**
     * Hashes every n-gram of {@code text} and writes to {@code out} its feature, leaving out buckets without one;
     * without {@code features} ({@code null}), its bucket, word buckets after the character ones.
     * Returns how many were written.
     */
    static int scan(String text, NgramSettings s, int[] out, BucketFeatures features) {
        int bits = s.hashBits();
        int m = 0;
        int len = text.length() + 2; // the text padded with a space at each end
        for (int i = 0; i < len; i++) {
            long h = CHAR_SEED;
            boolean blank = true;
            int longest = Math.min(s.charMax(), len - i);
            for (int n = 1; n <= longest; n++) {
                int at = i + n - 1;
                char c = at == 0 || at == len - 1 ? ' ' : text.charAt(at - 1);
                h = (h ^ c) * PRIME;
                if (blank) { // asked until a character is not: once per position, mostly, not once per n-gram
                    blank = isWhitespace(c);
                }
                if (n >= s.charMin() && !blank) {
                    int b = bucket(h, bits);
                    int f = features == null ? b : features.charFeature(b);
                    if (f >= 0) {
                        out[m++] = f;
                    }
                }
            }
        }
        if (s.wordMax() == 0) {
            return m;
        }
        int[] starts = new int[text.length() / 2 + 1];
        int[] ends = new int[starts.length];
        int words = NgramVectorizer.wordBounds(text, starts, ends);
        for (int i = 0; i < words; i++) {
            long h = WORD_SEED;
            for (int n = 1; n <= s.wordMax() && i + n <= words; n++) {
                h = withWord(h, n > 1, text, starts[i + n - 1], ends[i + n - 1]);
                int b = bucket(h, bits);
                int f = features == null ? b + (1 << bits) : features.wordFeature(b);
                if (f >= 0) {
                    out[m++] = f;
                }
            }
        }
        return m;
    }

    /**
     * {@link Character#isWhitespace(char)}, answered without a table read for the characters below U+1680, the
     * first whitespace past Latin-1: called for every character of every n-gram, the library's lookup was a fifth
     * of training's time (docs/benchmarks.md).
     */
    static boolean isWhitespace(char c) {
        if (c < 0x1680) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        }
        return Character.isWhitespace(c);
    }
}

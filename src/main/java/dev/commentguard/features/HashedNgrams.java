package dev.commentguard.features;

import java.util.Arrays;
import java.util.Collection;

/**
 * N-grams found by hashing: each character n-gram and each word n-gram hashes, as it is read and without a
 * string of its own, to one of {@code 2^hashBits} buckets of its block, and a table read gives the bucket's
 * feature. Training keeps as features the buckets found in at least {@code minDocFreq} texts, the
 * {@code maxFeatures} most frequent; the n-grams sharing a bucket share its feature, in training as in scoring.
 * The model file stores the kept buckets and their IDF, not the n-grams: a verdict names the n-grams it weighed
 * from the comment's own text ({@link #wordName}). The hash is FNV-1a over the n-gram's UTF-16 characters (word
 * n-grams: the words joined by single spaces, from a seed of their own), spread by a multiply before its top bits
 * pick the bucket. Immutable and thread-safe.
 */
public final class HashedNgrams implements NgramVectorizer {

    private static final long PRIME = 0x100000001b3L;
    private static final long CHAR_SEED = 0xcbf29ce484222325L;
    private static final long WORD_SEED = 0x9ae16a3b2f90404fL;
    private static final long SPREAD = 0x9e3779b97f4a7c15L;

    private final NgramSettings settings;
    /** The bucket of each feature, ascending: character buckets in {@code [0, 2^bits)}, then word buckets plus {@code 2^bits}. */
    private final int[] buckets;
    private final double[] idf;
    private final int charFeatures;
    /** Bucket to feature, or -1: one table for character n-grams, one for word n-grams. */
    private final int[] charTable;
    private final int[] wordTable;

    private HashedNgrams(NgramSettings settings, int[] buckets, double[] idf) {
        int size = 1 << settings.hashBits();
        this.settings = settings;
        this.buckets = buckets;
        this.idf = idf;
        this.charTable = new int[size];
        this.wordTable = new int[size];
        Arrays.fill(charTable, -1);
        Arrays.fill(wordTable, -1);
        int chars = 0;
        for (int f = 0; f < buckets.length; f++) {
            int b = buckets[f];
            if (b < 0 || b >= 2 * size || (f > 0 && b <= buckets[f - 1])) {
                throw new IllegalArgumentException("bucket " + b + " of feature " + f + " is out of order or past "
                        + 2 * size);
            }
            if (b < size) {
                charTable[b] = f;
                chars = f + 1;
            } else {
                wordTable[b - size] = f;
            }
        }
        this.charFeatures = chars;
    }

    /** Counts the texts each bucket occurs in and keeps the frequent buckets as features. */
    static HashedNgrams fit(Collection<String> texts, NgramSettings settings) {
        int size = 1 << settings.hashBits();
        int[] df = new int[2 * size];
        int[] lastText = new int[2 * size];
        int[] found = new int[256];
        int t = 0;
        for (String text : texts) {
            t++;
            if (found.length < capacity(text, settings)) {
                found = new int[capacity(text, settings)];
            }
            int m = scan(text, settings, found, null, null);
            for (int k = 0; k < m; k++) {
                int b = found[k];
                if (lastText[b] != t) {
                    lastText[b] = t;
                    df[b]++;
                }
            }
        }
        // The most frequent buckets survive the cap, ties to the lower bucket: deterministic.
        long[] candidates = new long[2 * size];
        int count = 0;
        for (int b = 0; b < df.length; b++) {
            if (df[b] >= settings.minDocFreq() && df[b] > 0) {
                candidates[count++] = (long) (Integer.MAX_VALUE - df[b]) << 32 | b;
            }
        }
        Arrays.sort(candidates, 0, count);
        int kept = Math.min(count, settings.maxFeatures());
        int[] buckets = new int[kept];
        for (int k = 0; k < kept; k++) {
            buckets[k] = (int) candidates[k];
        }
        Arrays.sort(buckets);
        double[] idf = new double[kept];
        for (int f = 0; f < kept; f++) {
            idf[f] = TfIdf.idf(texts.size(), df[buckets[f]]);
        }
        return new HashedNgrams(settings, buckets, idf);
    }

    /** Rebuilds a vectoriser read from a model file. */
    public static HashedNgrams of(NgramSettings settings, int[] buckets, double[] idf) {
        if (!settings.hashed()) {
            throw new IllegalArgumentException("hashed n-grams need hash bits: " + settings);
        }
        if (buckets.length != idf.length) {
            throw new IllegalArgumentException("buckets and idf differ in length");
        }
        return new HashedNgrams(settings, buckets.clone(), idf.clone());
    }

    @Override
    public NgramSettings settings() {
        return settings;
    }

    @Override
    public int dimension() {
        return buckets.length;
    }

    @Override
    public boolean isWordFeature(int i) {
        return i >= charFeatures;
    }

    /** The bucket of each feature, and its IDF: what the model file stores. */
    public int[] buckets() {
        return buckets.clone();
    }

    public double[] idf() {
        return idf.clone();
    }

    /**
     * Counts the features the text hits in a small open-addressing table rather than sorting them, which cost three
     * times the hashing (docs/benchmarks.md): the entries come out in the table's order, the same for the same text.
     */
    @Override
    public SparseVector transform(String text, int offset, int[] tailIndices, double[] tailValues) {
        int[] hits = new int[capacity(text, settings)];
        int m = scan(text, settings, hits, charTable, wordTable);
        int slots = Integer.highestOneBit(Math.max(8, m) * 2 - 1) << 1; // at most half full
        int mask = slots - 1;
        int shift = Integer.numberOfLeadingZeros(mask);
        int[] keys = new int[slots]; // feature + 1; 0 is an empty slot
        int[] counts = new int[slots];
        int distinct = 0;
        for (int k = 0; k < m; k++) {
            int key = hits[k] + 1;
            int slot = (key * 0x9e3779b9) >>> shift;
            while (keys[slot] != 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == 0) {
                keys[slot] = key;
                distinct++;
            }
            counts[slot]++;
        }
        int[] features = hits; // read: reuse it for the distinct features
        int[] tf = new int[distinct];
        for (int slot = 0, k = 0; slot < slots; slot++) {
            if (keys[slot] != 0) {
                features[k] = keys[slot] - 1;
                tf[k++] = counts[slot];
            }
        }
        return TfIdf.weigh(features, tf, distinct, idf, charFeatures, offset, tailIndices, tailValues);
    }

    @Override
    public int wordFeature(String words) {
        return wordTable[bucketOf(words, true, settings.hashBits()) - (1 << settings.hashBits())];
    }

    /** As the interface's, hashing the n-grams in place: a string only for the one found. */
    @Override
    public String wordName(String text, int feature) {
        int bits = settings.hashBits();
        int[] starts = new int[text.length() / 2 + 1];
        int[] ends = new int[starts.length];
        int words = NgramVectorizer.wordBounds(text, starts, ends);
        for (int i = 0; i < words; i++) {
            long h = WORD_SEED;
            for (int n = 1; n <= settings.wordMax() && i + n <= words; n++) {
                h = withWord(h, n > 1, text, starts[i + n - 1], ends[i + n - 1]);
                if (wordTable[bucket(h, bits)] == feature) {
                    StringBuilder name = new StringBuilder();
                    for (int w = i; w < i + n; w++) {
                        name.append(w > i ? " " : "").append(text, starts[w], ends[w]);
                    }
                    return name.toString();
                }
            }
        }
        return null;
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
    private static int capacity(String text, NgramSettings s) {
        return (text.length() + 2) * (s.charMax() - s.charMin() + 1) + (text.length() / 2 + 1) * s.wordMax();
    }

    /**
     * The hash of a word n-gram extended by the word {@code text[start, end)}, after a space when it is not the
     * first: the one place the word n-grams are hashed, so that {@link #wordName} finds the names {@link #scan} counted.
     */
    private static long withWord(long h, boolean afterSpace, String text, int start, int end) {
        if (afterSpace) {
            h = (h ^ ' ') * PRIME;
        }
        for (int k = start; k < end; k++) {
            h = (h ^ text.charAt(k)) * PRIME;
        }
        return h;
    }

    private static int bucket(long hash, int bits) {
        return (int) ((hash * SPREAD) >>> (64 - bits));
    }

    /**
     * Hashes every n-gram of {@code text} and writes to {@code out} its feature in the tables, leaving out
     * buckets without one; without tables ({@code null}), its bucket, word buckets after the character ones.
     * Returns how many were written.
     */
    private static int scan(String text, NgramSettings s, int[] out, int[] charTable, int[] wordTable) {
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
                blank &= Character.isWhitespace(c);
                if (n >= s.charMin() && !blank) {
                    int b = bucket(h, bits);
                    int f = charTable == null ? b : charTable[b];
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
                int f = wordTable == null ? b + (1 << bits) : wordTable[b];
                if (f >= 0) {
                    out[m++] = f;
                }
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "HashedNgrams[" + settings + ", " + buckets.length + " features]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashedNgrams v && settings.equals(v.settings) && Arrays.equals(buckets, v.buckets)
                && Arrays.equals(idf, v.idf);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(buckets);
    }
}

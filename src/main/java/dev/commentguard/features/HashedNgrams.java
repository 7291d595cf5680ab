package dev.commentguard.features;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.IntFunction;

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

    private final NgramSettings settings;
    /** The bucket of each feature, ascending: character buckets in {@code [0, 2^bits)}, then word buckets plus {@code 2^bits}. */
    private final int[] buckets;
    private final double[] idf;
    private final int charFeatures;
    /** Bucket to feature, or -1. */
    private final BucketFeatures features;

    private HashedNgrams(NgramSettings settings, int[] buckets, double[] idf) {
        int size = 1 << settings.hashBits();
        this.settings = settings;
        this.buckets = buckets;
        this.idf = idf;
        int chars = 0;
        for (int f = 0; f < buckets.length; f++) {
            int b = buckets[f];
            if (b < 0 || b >= 2 * size || (f > 0 && b <= buckets[f - 1])) {
                throw new IllegalArgumentException("bucket " + b + " of feature " + f + " is out of order or past "
                        + 2 * size);
            }
            if (b < size) {
                chars = f + 1;
            }
        }
        this.charFeatures = chars;
        this.features = new BucketFeatures(buckets, size);
    }

    /** Counts the texts each bucket occurs in and keeps the frequent buckets as features. */
    static HashedNgrams fit(Collection<String> texts, NgramSettings settings) {
        DocumentFrequencies counted = new DocumentFrequencies(settings);
        NgramBuckets found = new NgramBuckets(settings);
        for (String text : texts) {
            counted.add(found.scan(text));
        }
        int[] df = new int[2 << settings.hashBits()];
        counted.addTo(df);
        return fromFrequencies(df, texts.size(), settings);
    }

    /**
     * The vectoriser {@link #fit} makes from texts whose document frequencies are {@code df} (by bucket, as
     * {@link DocumentFrequencies} counts them): the same, for frequencies summed over parts of the data.
     */
    public static HashedNgrams fromFrequencies(int[] df, int texts, NgramSettings settings) {
        int size = 1 << settings.hashBits();
        if (df.length != 2 * size) {
            throw new IllegalArgumentException(df.length + " document frequencies for " + 2 * size + " buckets");
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
            idf[f] = TfIdf.idf(texts, df[buckets[f]]);
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
        int[] hits = NgramScratch.get().hits(NgramHashes.capacity(text, settings));
        int m = NgramHashes.scan(text, settings, hits, features);
        return weigh(hits, m, offset, tailIndices, tailValues);
    }

    /** As {@link #transform}, from the text's buckets scanned into {@code found}: the same vector. */
    public SparseVector transformBuckets(NgramBuckets found, int offset, int[] tailIndices, double[] tailValues) {
        int size = 1 << settings.hashBits();
        int[] textBuckets = found.buckets();
        int[] hits = NgramScratch.get().hits(found.count());
        int m = 0;
        for (int k = 0; k < found.count(); k++) {
            int b = textBuckets[k];
            int f = b < size ? features.charFeature(b) : features.wordFeature(b - size);
            if (f >= 0) {
                hits[m++] = f;
            }
        }
        return weigh(hits, m, offset, tailIndices, tailValues);
    }

    /** The vector of the first {@code m} features hit, counted and weighted. */
    private SparseVector weigh(int[] hits, int m, int offset, int[] tailIndices, double[] tailValues) {
        int slots = Integer.highestOneBit(Math.max(8, m) * 2 - 1) << 1; // at most half full
        int mask = slots - 1;
        int shift = Integer.numberOfLeadingZeros(mask);
        NgramScratch scratch = NgramScratch.get();
        scratch.table(slots);
        int[] keys = scratch.tableKeys(); // feature + 1; 0 is an empty slot. Emptied again below
        int[] counts = scratch.tableCounts();
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
        int[] tf = scratch.tf(distinct);
        for (int slot = 0, k = 0; slot < slots; slot++) {
            if (keys[slot] != 0) {
                features[k] = keys[slot] - 1;
                tf[k++] = counts[slot];
                keys[slot] = 0;
                counts[slot] = 0;
            }
        }
        return TfIdf.weigh(features, tf, distinct, idf, charFeatures, offset, tailIndices, tailValues);
    }

    @Override
    public int wordFeature(String words) {
        return features.wordFeature(NgramHashes.bucketOf(words, true, settings.hashBits()) - (1 << settings.hashBits()));
    }

    /**
     * As the interface's, hashing the n-grams in place: each feature's first word n-gram kept as word positions, a
     * string made only for the features asked for.
     */
    @Override
    public IntFunction<String> wordNames(String text) {
        int bits = settings.hashBits();
        int[] starts = new int[text.length() / 2 + 1];
        int[] ends = new int[starts.length];
        int words = NgramVectorizer.wordBounds(text, starts, ends);
        // feature to its first n-gram (first word * 8 + words), open addressing: a boxed map cost as much as the scan
        int mask = Integer.highestOneBit(Math.max(1, words * settings.wordMax()) * 2) * 2 - 1;
        int[] keys = new int[mask + 1];
        int[] firsts = new int[mask + 1];
        Arrays.fill(keys, -1);
        for (int i = 0; i < words; i++) {
            long h = NgramHashes.WORD_SEED;
            for (int n = 1; n <= settings.wordMax() && i + n <= words; n++) {
                h = NgramHashes.withWord(h, n > 1, text, starts[i + n - 1], ends[i + n - 1]);
                int feature = features.wordFeature(NgramHashes.bucket(h, bits));
                int slot = feature & mask;
                while (feature >= 0 && keys[slot] >= 0 && keys[slot] != feature) {
                    slot = (slot + 1) & mask;
                }
                if (feature >= 0 && keys[slot] < 0) {
                    keys[slot] = feature;
                    firsts[slot] = i * 8 + n;
                }
            }
        }
        return feature -> {
            if (feature < 0) {
                return null;
            }
            int slot = feature & mask;
            while (keys[slot] >= 0 && keys[slot] != feature) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] < 0) {
                return null;
            }
            int at = firsts[slot];
            int i = at / 8;
            StringBuilder name = new StringBuilder();
            for (int w = i; w < i + at % 8; w++) {
                name.append(w > i ? " " : "").append(text, starts[w], ends[w]);
            }
            return name.toString();
        };
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

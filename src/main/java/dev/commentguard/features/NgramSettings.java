package dev.commentguard.features;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How text becomes n-gram features. Immutable; validated on construction.
 *
 * @param charMin     shortest character n-gram
 * @param charMax     longest character n-gram
 * @param wordMax     longest word n-gram (1 = single words only, 0 = no word features)
 * @param minDocFreq  a term must occur in at least this many training comments
 * @param maxFeatures cap on the vocabulary (most frequent terms kept); bounds model size and memory
 * @param hashBits    how n-grams find their feature: 0, by an exact vocabulary of the n-grams themselves (models
 *                    made before hashing; {@link VocabularyNgrams}); otherwise by a hash of the n-gram into one
 *                    of {@code 2^hashBits} buckets for character n-grams and as many for word n-grams
 *                    ({@link HashedNgrams}), of which the ones frequent enough become the features
 */
public record NgramSettings(int charMin, int charMax, int wordMax, int minDocFreq, int maxFeatures, int hashBits) {

    /**
     * Buckets of {@code 2^20} a block. Of the 300,000 n-grams an exact vocabulary keeps from our corpus (of
     * 1.36 million distinct), 18.8% share a bucket with another kept one (5.1% at 22 bits, 54.6% at 18;
     * {@code HashCollisions}); cross-validated accuracy moved from 0.9355 to 0.9352 (docs/benchmarks.md), and the
     * two lookup tables take 8 MB.
     */
    public static final int DEFAULT_HASH_BITS = 20;
    public static final NgramSettings DEFAULT = new NgramSettings(2, 5, 2, 2, 300_000);

    /** Settings with hashed n-grams of {@link #DEFAULT_HASH_BITS}. */
    public NgramSettings(int charMin, int charMax, int wordMax, int minDocFreq, int maxFeatures) {
        this(charMin, charMax, wordMax, minDocFreq, maxFeatures, DEFAULT_HASH_BITS);
    }

    public NgramSettings {
        if (charMin < 1 || charMax < charMin || charMax > 8) {
            throw new IllegalArgumentException("character n-gram range must satisfy 1 <= min <= max <= 8: " + charMin + "-" + charMax);
        }
        if (wordMax < 0 || wordMax > 4) {
            throw new IllegalArgumentException("word n-gram length must be 0 to 4: " + wordMax);
        }
        if (minDocFreq < 1) {
            throw new IllegalArgumentException("minimum document frequency must be at least 1: " + minDocFreq);
        }
        if (maxFeatures < 1) {
            throw new IllegalArgumentException("maximum vocabulary size must be at least 1: " + maxFeatures);
        }
        if (hashBits != 0 && (hashBits < 10 || hashBits > 24)) {
            throw new IllegalArgumentException("hash bits must be 0 (exact vocabulary) or 10 to 24: " + hashBits);
        }
    }

    /** Whether n-grams are hashed rather than looked up in an exact vocabulary. */
    public boolean hashed() {
        return hashBits > 0;
    }

    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("charMin", Integer.toString(charMin));
        map.put("charMax", Integer.toString(charMax));
        map.put("wordMax", Integer.toString(wordMax));
        map.put("minDocFreq", Integer.toString(minDocFreq));
        map.put("maxFeatures", Integer.toString(maxFeatures));
        if (hashBits > 0) {
            map.put("hashBits", Integer.toString(hashBits)); // absent means an exact vocabulary, as in older models
        }
        return map;
    }

    public static NgramSettings fromMap(Map<String, String> map) {
        return new NgramSettings(Integer.parseInt(map.get("charMin")), Integer.parseInt(map.get("charMax")),
                Integer.parseInt(map.get("wordMax")), Integer.parseInt(map.get("minDocFreq")),
                Integer.parseInt(map.get("maxFeatures")), Integer.parseInt(map.getOrDefault("hashBits", "0")));
    }
}

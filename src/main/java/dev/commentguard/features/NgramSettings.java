package dev.commentguard.features;

import java.util.Map;

/**
 * How text becomes n-gram features. Immutable; validated on construction.
 *
 * @param charMin     shortest character n-gram
 * @param charMax     longest character n-gram
 * @param wordMax     longest word n-gram (1 = single words only, 0 = no word features)
 * @param minDocFreq  a term must occur in at least this many training comments
 * @param maxFeatures cap on the vocabulary (most frequent terms kept); bounds model size and memory
 */
public record NgramSettings(int charMin, int charMax, int wordMax, int minDocFreq, int maxFeatures) {

    public static final NgramSettings DEFAULT = new NgramSettings(2, 5, 2, 2, 300_000);

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
    }

    public Map<String, String> toMap() {
        return Map.of("charMin", Integer.toString(charMin), "charMax", Integer.toString(charMax),
                "wordMax", Integer.toString(wordMax), "minDocFreq", Integer.toString(minDocFreq),
                "maxFeatures", Integer.toString(maxFeatures));
    }

    public static NgramSettings fromMap(Map<String, String> map) {
        return new NgramSettings(Integer.parseInt(map.get("charMin")), Integer.parseInt(map.get("charMax")),
                Integer.parseInt(map.get("wordMax")), Integer.parseInt(map.get("minDocFreq")),
                Integer.parseInt(map.get("maxFeatures")));
    }
}

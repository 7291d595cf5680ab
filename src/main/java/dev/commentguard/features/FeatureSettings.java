package dev.commentguard.features;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides how a comment becomes a feature vector. Immutable; stored in the model.
 *
 * @param ngrams  the n-gram settings
 * @param signals whether the comment signals are appended to the n-grams
 */
public record FeatureSettings(NgramSettings ngrams, boolean signals) {

    public static final FeatureSettings DEFAULT = new FeatureSettings(NgramSettings.DEFAULT, true);

    public FeatureSettings {
        Objects.requireNonNull(ngrams, "ngrams");
    }

    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>(ngrams.toMap());
        map.put("signals", Boolean.toString(signals));
        return map;
    }

    public static FeatureSettings fromMap(Map<String, String> map) {
        return new FeatureSettings(NgramSettings.fromMap(map), Boolean.parseBoolean(map.get("signals")));
    }
}

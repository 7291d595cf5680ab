package dev.commentguard.features;

import dev.commentguard.text.NormalizedText;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides how a comment becomes a feature vector. Immutable; stored in the model.
 *
 * @param ngrams       the n-gram settings
 * @param signals      whether the comment signals are appended to the n-grams
 * @param signalWeight scale of the signal features against the unit-length n-gram blocks; smaller values
 *                     regularise the signal weights more. 0.25 had the best cross-validated spam ROC AUC
 *                     on our training articles (0.9924, against 0.9912 at 1.0; docs/benchmarks.md)
 * @param contactTokens whether the n-grams are taken from the canonical text, where links, e-mail addresses
 *                     and phone numbers are replaced by placeholder tokens, rather than from the clean text,
 *                     where they stay as written. Off by default: the digits of a number and the words of a
 *                     domain carry evidence the placeholder loses, and the signals already say that a link or
 *                     number is there (docs/benchmarks.md). Models trained before this setting existed used
 *                     the tokens, and load with it on.
 */
public record FeatureSettings(NgramSettings ngrams, boolean signals, double signalWeight, boolean contactTokens) {

    public static final double DEFAULT_SIGNAL_WEIGHT = 0.25;
    public static final FeatureSettings DEFAULT = new FeatureSettings(NgramSettings.DEFAULT, true, DEFAULT_SIGNAL_WEIGHT, false);

    public FeatureSettings {
        Objects.requireNonNull(ngrams, "ngrams");
        if (!(signalWeight > 0 && signalWeight <= 100)) {
            throw new IllegalArgumentException("signal weight must be in (0, 100]: " + signalWeight);
        }
    }

    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>(ngrams.toMap());
        map.put("signals", Boolean.toString(signals));
        map.put("signalWeight", Double.toString(signalWeight));
        map.put("contactTokens", Boolean.toString(contactTokens));
        return map;
    }

    public static FeatureSettings fromMap(Map<String, String> map) {
        return new FeatureSettings(NgramSettings.fromMap(map), Boolean.parseBoolean(map.get("signals")),
                Double.parseDouble(map.getOrDefault("signalWeight", "1.0")),
                Boolean.parseBoolean(map.getOrDefault("contactTokens", "true")));
    }

    /** The form of a comment's text that its n-grams are taken from. */
    public String ngramText(NormalizedText text) {
        return contactTokens ? text.canonical() : text.clean();
    }
}

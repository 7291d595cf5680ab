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
 *                     the tokens, and load with it on. From feature version 2 on, without it, links are
 *                     replaced by a token of their kind (with the words of a sales or unknown domain), valid
 *                     phone numbers and e-mail addresses by tokens, and other numbers kept; with it, every
 *                     link, address and phone-like number is a bare placeholder, as in version 1.
 * @param version      the feature version: 1, the signals and n-gram text of models made before site
 *                     context existed (models without the setting load as 1); 2, links by what they
 *                     point to ({@link Links}), numbers that are phone numbers, code recognised, and the
 *                     signals after {@link Signal#PRODUCT_OFF_TOPIC}; 3, as 2, with a messenger a signal only when it is
 *                     given as a way to be reached, not when it is named ({@link dev.commentguard.text.Patterns#MESSENGER_CONTACT}),
 *                     and the site's own staff's names not read as keywords
 */
public record FeatureSettings(NgramSettings ngrams, boolean signals, double signalWeight, boolean contactTokens,
                              int version) {

    public static final double DEFAULT_SIGNAL_WEIGHT = 0.25;
    /** The feature version new models are trained with. */
    public static final int CURRENT_VERSION = 3;
    public static final FeatureSettings DEFAULT = new FeatureSettings(NgramSettings.DEFAULT, true, DEFAULT_SIGNAL_WEIGHT, false);

    public FeatureSettings {
        Objects.requireNonNull(ngrams, "ngrams");
        if (!(signalWeight > 0 && signalWeight <= 100)) {
            throw new IllegalArgumentException("signal weight must be in (0, 100]: " + signalWeight);
        }
        if (version < 1 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("feature version must be 1 to " + CURRENT_VERSION + ": " + version);
        }
    }

    /** Settings of the current feature version. */
    public FeatureSettings(NgramSettings ngrams, boolean signals, double signalWeight, boolean contactTokens) {
        this(ngrams, signals, signalWeight, contactTokens, CURRENT_VERSION);
    }

    /** How many {@link Signal}s, from the first, the feature vector holds. */
    public int signalCount() {
        return !signals ? 0 : version == 1 ? Signal.VERSION_1_COUNT : Signal.COUNT;
    }

    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>(ngrams.toMap());
        map.put("signals", Boolean.toString(signals));
        map.put("signalWeight", Double.toString(signalWeight));
        map.put("contactTokens", Boolean.toString(contactTokens));
        if (version > 1) {
            map.put("featureVersion", Integer.toString(version)); // absent means 1, as in older models
        }
        return map;
    }

    public static FeatureSettings fromMap(Map<String, String> map) {
        return new FeatureSettings(NgramSettings.fromMap(map), Boolean.parseBoolean(map.get("signals")),
                Double.parseDouble(map.getOrDefault("signalWeight", "1.0")),
                Boolean.parseBoolean(map.getOrDefault("contactTokens", "true")),
                Integer.parseInt(map.getOrDefault("featureVersion", "1")));
    }

    /** The form of a comment's text that its n-grams are taken from. */
    public String ngramText(Prepared prepared) {
        if (version >= 2 && prepared.contacts() != null && !contactTokens) {
            return prepared.contacts().markedText();
        }
        return contactTokens ? prepared.text().canonical() : prepared.text().clean();
    }
}

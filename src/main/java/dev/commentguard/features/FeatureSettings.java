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
 * @param text         the form of the text the n-grams are taken from ({@link NgramText}); models from before feature
 *                     version 4 recorded it as a flag, {@code contactTokens} (true for {@link NgramText#PLACEHOLDERS},
 *                     else {@link NgramText#MARKED} from version 2 and {@link NgramText#WRITTEN} in version 1), and
 *                     models from before the flag load with placeholders, as they were trained
 * @param version      the feature version: 1, the signals and n-gram text of models made before site
 *                     context existed (models without the setting load as 1); 2, links by what they
 *                     point to ({@link Links}), numbers that are phone numbers, code recognised, and the
 *                     signals after {@link Signal#PRODUCT_OFF_TOPIC}; 3, as 2, with a messenger a signal only when it is
 *                     given as a way to be reached, not when it is named ({@link dev.commentguard.text.Patterns#MESSENGER_CONTACT}),
 *                     and the site's own staff's names not read as keywords; 4, as 3, with the n-gram text recorded by
 *                     name, so that a model whose n-grams come from the text as written is not read as marked by
 *                     software that knows only version 3; 5, as 4, with an author name read as keywords only for what it
 *                     says (a link, or a word of {@link Lexicon#COMMERCIAL_NAME}), no longer for having five words or more;
 *                     6, as 5, with praise that turns on a "but" to a point of its own ("nice article, but the dates are
 *                     wrong") no longer read as generic; 7, as 6, with a link in markup that shows its own address
 *                     ({@code <a href="X">X</a>}) no longer read as a link hidden behind anchor text ({@link Anchors})
 */
public record FeatureSettings(NgramSettings ngrams, boolean signals, double signalWeight, NgramText text, int version) {

    /** The form of a comment's text that its n-grams are taken from. */
    public enum NgramText {
        /**
         * The clean text, links, e-mail addresses and numbers as written: their characters (a spammer's domain, a
         * premium-rate prefix) are evidence within one site, where the same senders come back. For a site's own
         * model: on the public sets' own cross-validation it measured MCC 0.005 above {@link #MARKED} (docs/benchmarks.md).
         */
        WRITTEN,
        /**
         * Each link replaced by a token of its kind ({@link Links}, with the words of a sales or unknown domain), valid
         * phone numbers and e-mail addresses by tokens, other numbers kept (feature version 2 on): what carries to a
         * kind of site the model never saw, so the default for the default model and for training with the corpus
         * (on kinds of site never seen it measured ROC AUC 0.9940 against 0.9931 as written).
         */
        MARKED,
        /** Every link, address and phone-like number a bare placeholder: none of them enters the vocabulary. */
        PLACEHOLDERS;

        /** The option value, e.g. {@code written}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static NgramText fromCode(String code) {
            for (NgramText t : values()) {
                if (t.code().equalsIgnoreCase(code.strip())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown n-gram text '" + code + "' (expected written, marked or placeholders)");
        }
    }

    public static final double DEFAULT_SIGNAL_WEIGHT = 0.25;
    /** The feature version new models are trained with. */
    public static final int CURRENT_VERSION = 7;
    /** The default model's settings: n-grams from the marked text, which carries to sites the model never saw. */
    public static final FeatureSettings DEFAULT = new FeatureSettings(NgramSettings.DEFAULT, true, DEFAULT_SIGNAL_WEIGHT, NgramText.MARKED);

    public FeatureSettings {
        Objects.requireNonNull(ngrams, "ngrams");
        Objects.requireNonNull(text, "text");
        if (version == 1 && text == NgramText.MARKED) {
            throw new IllegalArgumentException("feature version 1 has no marked n-gram text");
        }
        if ((version == 2 || version == 3) && text == NgramText.WRITTEN) {
            // their model files record only whether the text has placeholders, and read back as marked
            throw new IllegalArgumentException("feature versions 2 and 3 have no written n-gram text");
        }
        if (!(signalWeight > 0 && signalWeight <= 100)) {
            throw new IllegalArgumentException("signal weight must be in (0, 100]: " + signalWeight);
        }
        if (version < 1 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("feature version must be 1 to " + CURRENT_VERSION + ": " + version);
        }
    }

    /** Settings of the current feature version. */
    public FeatureSettings(NgramSettings ngrams, boolean signals, double signalWeight, NgramText text) {
        this(ngrams, signals, signalWeight, text, CURRENT_VERSION);
    }

    /** These settings with the signals on or off. */
    public FeatureSettings withSignals(boolean value) {
        return new FeatureSettings(ngrams, value, signalWeight, text, version);
    }

    /** These settings with the n-grams taken from {@code value}. */
    public FeatureSettings withText(NgramText value) {
        return new FeatureSettings(ngrams, signals, signalWeight, value, version);
    }

    /** How many {@link Signal}s, from the first, the feature vector holds. */
    public int signalCount() {
        return !signals ? 0 : version == 1 ? Signal.VERSION_1_COUNT : Signal.COUNT;
    }

    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>(ngrams.toMap());
        map.put("signals", Boolean.toString(signals));
        map.put("signalWeight", Double.toString(signalWeight));
        map.put("contactTokens", Boolean.toString(text == NgramText.PLACEHOLDERS));
        if (version > 1) {
            map.put("featureVersion", Integer.toString(version)); // absent means 1, as in older models
        }
        if (version >= 4) {
            map.put("ngramText", text.code());
        }
        return map;
    }

    public static FeatureSettings fromMap(Map<String, String> map) {
        int version = Integer.parseInt(map.getOrDefault("featureVersion", "1"));
        NgramText text;
        if (version >= 4 && map.containsKey("ngramText")) {
            text = NgramText.fromCode(map.get("ngramText"));
        } else if (Boolean.parseBoolean(map.getOrDefault("contactTokens", "true"))) {
            text = NgramText.PLACEHOLDERS;
        } else {
            text = version >= 2 ? NgramText.MARKED : NgramText.WRITTEN;
        }
        return new FeatureSettings(NgramSettings.fromMap(map), Boolean.parseBoolean(map.get("signals")),
                Double.parseDouble(map.getOrDefault("signalWeight", "1.0")), text, version);
    }

    /** The form of a comment's text that its n-grams are taken from. */
    public String ngramText(Prepared prepared) {
        return switch (text) {
            case WRITTEN -> prepared.text().clean();
            case PLACEHOLDERS -> prepared.text().canonical();
            case MARKED -> prepared.contacts() != null ? prepared.contacts().markedText() : prepared.text().clean();
        };
    }
}

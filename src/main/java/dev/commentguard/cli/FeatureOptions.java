package dev.commentguard.cli;

import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.FeatureSettings.NgramText;
import dev.commentguard.features.NgramSettings;
import picocli.CommandLine.Option;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code train}'s options for how a comment becomes features: the n-grams, the text they come from and the signals. */
final class FeatureOptions {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2})\\s*(?:-\\s*(\\d{1,2})\\s*)?");

    @Option(names = "--max-features", defaultValue = "300000", paramLabel = "N",
            description = "Largest n-gram vocabulary kept (most frequent first); bounds model size and memory. Default: ${DEFAULT-VALUE}.")
    int maxFeatures;

    @Option(names = "--min-df", defaultValue = "2", paramLabel = "N",
            description = "Keep n-grams found in at least N training comments. Default: ${DEFAULT-VALUE}.")
    int minDocFreq;

    @Option(names = "--char-ngrams", defaultValue = "2-5", paramLabel = "MIN-MAX",
            description = "Lengths of the character n-grams, from 1 to 8, e.g. 2-3. Fewer lengths score faster, at a small"
                    + " cost in accuracy (docs/benchmarks.md measures the trade). Default: ${DEFAULT-VALUE}.")
    String charNgrams;

    @Option(names = "--hash-bits", defaultValue = "20", paramLabel = "N",
            description = "N-grams are hashed into 2^N buckets of features (10 to 24), or 0 for an exact vocabulary of the"
                    + " n-grams themselves, as models were made before hashing (slower to train and to score)."
                    + " Default: ${DEFAULT-VALUE}.")
    int hashBits;

    @Option(names = "--word-ngrams", defaultValue = "2", paramLabel = "N",
            description = "Longest word n-gram, from 0 (none) to 4; 1 is single words. Default: ${DEFAULT-VALUE}.")
    int wordNgrams;

    @Option(names = "--ngram-text", defaultValue = "auto", paramLabel = "FORM",
            description = "The text the n-grams are taken from: written (links, e-mail addresses and numbers as written: their"
                    + " characters are evidence within one site, where the same senders come back), marked (each link by"
                    + " what it points to, valid phone numbers and e-mail addresses as tokens: what carries to kinds of site"
                    + " the model never saw), placeholders (none of them enters the vocabulary: for training data with"
                    + " personal contact details), or auto: marked with --group-column or --with-corpus, written otherwise"
                    + " (docs/benchmarks.md measures both). Default: ${DEFAULT-VALUE}.")
    String ngramText;

    @Option(names = "--contact-tokens", description = "The same as --ngram-text placeholders.")
    boolean contactTokens;

    @Option(names = "--no-signals", description = "Use n-grams only, without the comment signals (for comparisons).")
    boolean noSignals;

    @Option(names = "--signal-weight", defaultValue = "" + FeatureSettings.DEFAULT_SIGNAL_WEIGHT, paramLabel = "W",
            description = "Scale of the signal features against the n-grams (smaller regularises them more). Default: ${DEFAULT-VALUE}.")
    double signalWeight;

    /**
     * The feature settings these options give.
     *
     * @param forUnseenSites whether the model is meant for kinds of site it was not trained on ({@code --group-column},
     *                       {@code --with-corpus}): {@code --ngram-text auto} is then marked, else written
     * @throws IllegalArgumentException for a value out of range
     */
    FeatureSettings settings(boolean forUnseenSites) {
        int[] chars = range("--char-ngrams", charNgrams);
        NgramSettings ngrams = new NgramSettings(chars[0], chars[1], wordNgrams, minDocFreq, maxFeatures, hashBits);
        return new FeatureSettings(ngrams, !noSignals, signalWeight, text(forUnseenSites));
    }

    private NgramText text(boolean forUnseenSites) {
        boolean auto = "auto".equalsIgnoreCase(ngramText.strip());
        if (contactTokens) {
            if (!auto && NgramText.fromCode(ngramText) != NgramText.PLACEHOLDERS) {
                throw new Main.UsageException("--contact-tokens means --ngram-text placeholders, not " + ngramText.strip());
            }
            return NgramText.PLACEHOLDERS;
        }
        if (auto) {
            return forUnseenSites ? NgramText.MARKED : NgramText.WRITTEN;
        }
        return NgramText.fromCode(ngramText);
    }

    /** {@code MIN-MAX}, or one number for both. */
    private static int[] range(String option, String value) {
        Matcher m = RANGE.matcher(value);
        if (!m.matches()) {
            throw new Main.UsageException(option + " takes MIN-MAX, e.g. 2-5: '" + value + "'");
        }
        int min = Integer.parseInt(m.group(1));
        return new int[] {min, m.group(2) == null ? min : Integer.parseInt(m.group(2))};
    }
}

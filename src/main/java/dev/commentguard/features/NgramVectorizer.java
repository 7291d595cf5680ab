package dev.commentguard.features;

import dev.commentguard.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Turns the text of a comment into TF-IDF weighted character and word n-grams over features fixed at
 * training time. Immutable after {@link #fit}; {@link #transform} is a pure function and safe to call from
 * any number of threads.
 *
 * <p>Weighting: {@code (1 + ln tf) * idf} with the smoothed {@code idf = ln((1 + n) / (1 + df)) + 1};
 * the character block and the word block are each scaled to unit Euclidean length, so that a long
 * comment and a short one weigh alike. Character n-grams are taken from the text padded with a space at
 * each end, whitespace-only ones left out; words are maximal runs of letters and digits.
 *
 * <p>Two ways to find a feature: {@link HashedNgrams} (what models are trained with) and
 * {@link VocabularyNgrams} (models made before hashing, read and scored as they were made).
 */
public sealed interface NgramVectorizer permits HashedNgrams, VocabularyNgrams {

    /** Learns the features and document frequencies from training texts, the way {@code settings} say. */
    static NgramVectorizer fit(Collection<String> texts, NgramSettings settings) {
        return settings.hashed() ? HashedNgrams.fit(texts, settings) : VocabularyNgrams.fit(texts, settings);
    }

    NgramSettings settings();

    /** Number of features this vectoriser produces. */
    int dimension();

    /** True when feature {@code i} is a word n-gram rather than a character n-gram. */
    boolean isWordFeature(int i);

    /** The TF-IDF vector of a text, with indices starting at {@code offset}. */
    default SparseVector transform(String text, int offset) {
        return transform(text, offset, new int[0], new double[0]);
    }

    /**
     * The TF-IDF vector of a text (indices from 0) followed by the given entries, whose indices must lie past
     * {@link #dimension()} and increase: one vector, with no copy to append them.
     */
    default SparseVector transform(String text, int[] tailIndices, double[] tailValues) {
        return transform(text, 0, tailIndices, tailValues);
    }

    /** The TF-IDF vector of a text, indices from {@code offset}, followed by the given entries. */
    SparseVector transform(String text, int offset, int[] tailIndices, double[] tailValues);

    /** The feature of a word n-gram (words joined by single spaces), or -1 when it has none. */
    int wordFeature(String words);

    /**
     * The first word n-gram of {@code text} whose feature is {@code feature}, or {@code null}. A hashed model holds no
     * n-gram text, so this is how a verdict's reasons put the features it weighed into words.
     */
    default String wordName(String text, int feature) {
        return wordNames(text).apply(feature);
    }

    /**
     * {@link #wordName} for every feature of one text, the text read once: a verdict names its few strongest features
     * one after another, and a scan of the text for each cost more than the rest of the reasons together.
     */
    default IntFunction<String> wordNames(String text) {
        List<String> words = words(text);
        Map<Integer, String> first = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            StringBuilder gram = new StringBuilder();
            for (int n = 1; n <= settings().wordMax() && i + n <= words.size(); n++) {
                gram.append(n > 1 ? " " : "").append(words.get(i + n - 1));
                int feature = wordFeature(gram.toString());
                if (feature >= 0) {
                    first.putIfAbsent(feature, gram.toString());
                }
            }
        }
        return first::get;
    }

    /** Words of a text: maximal runs of letters and digits. */
    static List<String> words(String text) {
        int[] starts = new int[text.length() / 2 + 1];
        int[] ends = new int[starts.length];
        int count = wordBounds(text, starts, ends);
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(text.substring(starts[i], ends[i]));
        }
        return words;
    }

    /**
     * Finds the words of {@code text}: word {@code i} is {@code text[starts[i], ends[i])}. Both arrays need
     * room for {@code text.length() / 2 + 1} words. Returns the number of words.
     */
    static int wordBounds(String text, int[] starts, int[] ends) {
        int count = 0;
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && TextNormalizer.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                starts[count] = start;
                ends[count] = i;
                count++;
                start = -1;
            }
        }
        return count;
    }
}

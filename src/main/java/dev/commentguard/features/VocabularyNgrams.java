package dev.commentguard.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * N-grams found in an exact vocabulary of the n-grams themselves: how models were made before
 * {@link HashedNgrams}, kept so that those model files score as they were made (the golden model files of
 * {@code ModelFileTest} check it to the probability). Plain maps and strings: slower than hashing, and
 * simple. Immutable and thread-safe.
 */
public final class VocabularyNgrams implements NgramVectorizer {

    /** Marks word terms in the shared vocabulary; never occurs in text after normalisation. */
    private static final char WORD_MARK = '\u0000';

    private final NgramSettings settings;
    private final String[] terms;
    private final double[] idf;
    private final Map<String, Integer> index;
    private final int charTerms;

    private VocabularyNgrams(NgramSettings settings, String[] terms, double[] idf) {
        this.settings = settings;
        this.terms = terms;
        this.idf = idf;
        this.index = new HashMap<>(terms.length * 2);
        int chars = 0;
        for (int i = 0; i < terms.length; i++) {
            index.put(terms[i], i);
            if (!isWordTerm(terms[i])) {
                chars = i + 1;
            }
        }
        this.charTerms = chars;
    }

    /** Learns the vocabulary: terms in at least {@code minDocFreq} texts, the most frequent {@code maxFeatures}. */
    static VocabularyNgrams fit(Collection<String> texts, NgramSettings settings) {
        Map<String, int[]> docFreq = new HashMap<>();
        for (String text : texts) {
            Set<String> seen = new HashSet<>();
            forEachTerm(text, settings, seen::add);
            for (String term : seen) {
                docFreq.computeIfAbsent(term, t -> new int[1])[0]++;
            }
        }
        List<Map.Entry<String, int[]>> kept = new ArrayList<>();
        docFreq.forEach((term, count) -> {
            if (count[0] >= settings.minDocFreq()) {
                kept.add(Map.entry(term, count));
            }
        });
        // The most frequent terms survive the cap; ties broken by the term so the result is deterministic.
        kept.sort((a, b) -> a.getValue()[0] != b.getValue()[0]
                ? Integer.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()));
        List<Map.Entry<String, int[]>> vocabulary = kept.subList(0, Math.min(kept.size(), settings.maxFeatures()));
        // Character terms first, then word terms, each in lexical order: a stable layout for the model file.
        vocabulary.sort((a, b) -> {
            boolean wa = isWordTerm(a.getKey());
            boolean wb = isWordTerm(b.getKey());
            return wa != wb ? Boolean.compare(wa, wb) : a.getKey().compareTo(b.getKey());
        });
        String[] terms = new String[vocabulary.size()];
        double[] idf = new double[vocabulary.size()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = vocabulary.get(i).getKey();
            idf[i] = TfIdf.idf(texts.size(), vocabulary.get(i).getValue()[0]);
        }
        return new VocabularyNgrams(settings, terms, idf);
    }

    /** Rebuilds a vectoriser read from a model file. */
    public static VocabularyNgrams of(NgramSettings settings, String[] terms, double[] idf) {
        if (terms.length != idf.length) {
            throw new IllegalArgumentException("terms and idf differ in length");
        }
        if (settings.hashed()) {
            throw new IllegalArgumentException("a vocabulary for hashed n-gram settings: " + settings);
        }
        return new VocabularyNgrams(settings, terms.clone(), idf.clone());
    }

    @Override
    public NgramSettings settings() {
        return settings;
    }

    @Override
    public int dimension() {
        return terms.length;
    }

    @Override
    public boolean isWordFeature(int i) {
        return i >= charTerms;
    }

    /** The terms, word terms marked, in feature order: what the model file stores. */
    public String[] terms() {
        return terms.clone();
    }

    public double[] idf() {
        return idf.clone();
    }

    /** Entries in feature order, as these models were made: their sums, and so their numbers, are unchanged. */
    @Override
    public SparseVector transform(String text, int offset, int[] tailIndices, double[] tailValues) {
        int[] hits = hits(text);
        int[] features = new int[hits.length];
        int[] tf = new int[hits.length];
        int distinct = 0;
        for (int i = 0; i < hits.length; i++) {
            if (distinct > 0 && features[distinct - 1] == hits[i]) {
                tf[distinct - 1]++;
            } else {
                features[distinct] = hits[i];
                tf[distinct++] = 1;
            }
        }
        return TfIdf.weigh(features, tf, distinct, idf, charTerms, offset, tailIndices, tailValues);
    }

    @Override
    public int wordFeature(String words) {
        return index.getOrDefault(WORD_MARK + words, -1);
    }

    /** The feature of every vocabulary term occurrence in the text, sorted, repeats included. */
    private int[] hits(String text) {
        List<Integer> found = new ArrayList<>();
        forEachTerm(text, settings, term -> {
            Integer k = index.get(term);
            if (k != null) {
                found.add(k);
            }
        });
        int[] hits = found.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(hits);
        return hits;
    }

    private static boolean isWordTerm(String term) {
        return !term.isEmpty() && term.charAt(0) == WORD_MARK;
    }

    /** Calls {@code sink} with every character n-gram and every marked word n-gram of the text, repeats included. */
    static void forEachTerm(String text, NgramSettings s, Consumer<String> sink) {
        String padded = " " + text + " ";
        int len = padded.length();
        for (int i = 0; i < len; i++) {
            for (int n = s.charMin(); n <= s.charMax() && i + n <= len; n++) {
                String gram = padded.substring(i, i + n);
                if (!gram.isBlank()) {
                    sink.accept(gram);
                }
            }
        }
        List<String> words = NgramVectorizer.words(text);
        for (int i = 0; i < words.size(); i++) {
            StringBuilder gram = new StringBuilder().append(WORD_MARK);
            for (int n = 1; n <= s.wordMax() && i + n <= words.size(); n++) {
                gram.append(n > 1 ? " " : "").append(words.get(i + n - 1));
                sink.accept(gram.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "VocabularyNgrams[" + settings + ", " + terms.length + " terms]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VocabularyNgrams v && settings.equals(v.settings) && Arrays.equals(terms, v.terms)
                && Arrays.equals(idf, v.idf);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(terms);
    }
}

package dev.commentguard.features;

import dev.commentguard.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns canonical comment text into TF-IDF weighted character and word n-grams over a vocabulary
 * frozen at training time. Immutable after {@link #fit}; {@link #transform} is a pure function and
 * safe to call from any number of threads.
 *
 * <p>Weighting: {@code (1 + ln tf) * idf} with the smoothed {@code idf = ln((1 + n) / (1 + df)) + 1};
 * the character block and the word block are each scaled to unit Euclidean length, so that a long
 * comment and a short one weigh alike.
 */
public final class NgramVectorizer {

    /** Marks word terms in the shared vocabulary; never occurs in text after normalisation. */
    private static final char WORD_MARK = '\u0000';

    private final NgramSettings settings;
    private final String[] terms;
    private final double[] idf;
    /** Character n-grams that pack into one long; see {@link PackedGramTable}. */
    private final PackedGramTable shortGrams;
    /** Every other term: word n-grams, and character n-grams too long or too exotic to pack. */
    private final TermTable table;
    private final int charTerms;
    /** See {@link #isPrefixClosed}: when true, a miss ends the search for longer n-grams at that place. */
    private final boolean prefixClosed;

    private NgramVectorizer(NgramSettings settings, String[] terms, double[] idf) {
        this.settings = settings;
        this.terms = terms;
        this.idf = idf;
        this.shortGrams = new PackedGramTable(terms, t -> !isWordTerm(t));
        this.table = new TermTable(terms, t -> isWordTerm(t) || !PackedGramTable.packs(t));
        int chars = 0;
        for (int i = 0; i < terms.length; i++) {
            if (!isWordTerm(terms[i])) {
                chars = i + 1;
            }
        }
        this.charTerms = chars;
        this.prefixClosed = isPrefixClosed(terms, settings);
    }

    /**
     * Whether every term's one-shorter prefix is a term too (when it is long enough and not blank). A
     * vocabulary learnt by {@link #fit} always is: a text holding an n-gram holds its prefix, so the
     * prefix is at least as frequent and, on a tie, sorts first; it survives every cut its extension
     * survives. Then a prefix missing from the vocabulary means no longer n-gram at that place can be
     * in it, and the lookups for them can be skipped. Checked rather than assumed, for model files
     * made some other way.
     */
    private boolean isPrefixClosed(String[] terms, NgramSettings s) {
        for (String t : terms) {
            if (isWordTerm(t)) {
                int space = t.lastIndexOf(' ');
                if (space >= 0 && table.find(t.substring(0, space)) < 0) {
                    return false; // a word n-gram without the n-gram of its first words
                }
                continue;
            }
            int n = t.length() - 1; // the prefix's length
            if (n < s.charMin() || isBlank(t, n)) {
                continue;
            }
            int k = PackedGramTable.packs(t, n) ? shortGrams.findPrefix(t, n) : table.find(t.substring(0, n));
            if (k < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the first {@code n} characters of {@code t} are all whitespace, as {@link String#isBlank} tells. */
    private static boolean isBlank(String t, int n) {
        for (int k = 0; k < n; k++) {
            if (!Character.isWhitespace(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Whether lookups stop at the first missing prefix; see {@link #isPrefixClosed}. */
    boolean prefixClosed() {
        return prefixClosed;
    }

    /** Learns the vocabulary and document frequencies from canonical training texts. */
    public static NgramVectorizer fit(Collection<String> texts, NgramSettings settings) {
        DocumentFrequencies docFreq = new DocumentFrequencies(settings);
        for (String text : texts) {
            docFreq.add(text);
        }
        List<Map.Entry<String, int[]>> kept = new ArrayList<>();
        docFreq.forEach((term, count) -> {
            if (count >= settings.minDocFreq()) {
                kept.add(Map.entry(term, new int[] {count}));
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
        int n = texts.size();
        for (int i = 0; i < terms.length; i++) {
            terms[i] = vocabulary.get(i).getKey();
            idf[i] = Math.log((1.0 + n) / (1.0 + vocabulary.get(i).getValue()[0])) + 1.0;
        }
        return new NgramVectorizer(settings, terms, idf);
    }

    /** Rebuilds a vectoriser read from a model file. */
    public static NgramVectorizer of(NgramSettings settings, String[] terms, double[] idf) {
        if (terms.length != idf.length) {
            throw new IllegalArgumentException("terms and idf differ in length");
        }
        return new NgramVectorizer(settings, terms.clone(), idf.clone());
    }

    /** Number of features this vectoriser produces. */
    public int dimension() {
        return terms.length;
    }

    public NgramSettings settings() {
        return settings;
    }

    /** The readable term behind feature {@code i}: a character n-gram in quotes or a word n-gram. */
    public String describe(int i) {
        String t = terms[i];
        return isWordTerm(t) ? t.substring(1) : "\"" + t + "\"";
    }

    /** True when feature {@code i} is a word n-gram rather than a character n-gram. */
    public boolean isWordFeature(int i) {
        return i >= charTerms;
    }

    public String[] terms() {
        return terms.clone();
    }

    public double[] idf() {
        return idf.clone();
    }

    private static final int[] NO_INDICES = {};
    private static final double[] NO_VALUES = {};

    /** The TF-IDF vector of a canonical text, with indices starting at {@code offset}. */
    public SparseVector transform(String canonical, int offset) {
        return weigh(termHits(canonical), offset, NO_INDICES, NO_VALUES);
    }

    /**
     * The TF-IDF vector of a canonical text (indices from 0) followed by the given entries, whose
     * indices must lie past the vocabulary and increase: one vector, with no copy to append them.
     */
    SparseVector transform(String canonical, int[] tailIndices, double[] tailValues) {
        return weigh(termHits(canonical), 0, tailIndices, tailValues);
    }

    /** The feature index of every vocabulary term occurrence in the text, sorted, repeats included. */
    int[] termHits(String canonical) {
        IntBuffer hits = new IntBuffer(canonical.length() * 5 + 16);
        // Character n-grams, looked up in place: short ones by their exact packed key, the rest with a
        // rolling hash in the fallback table. No substring is created.
        String padded = " " + canonical + " ";
        if (prefixClosed && settings.charMax() <= PackedGramTable.MAX_LENGTH && TextNormalizer.isAscii(padded)) {
            asciiCharHits(padded, hits);
        } else {
            charHits(padded, hits);
        }
        if (settings.wordMax() > 0) {
            wordHits(canonical, hits);
        }
        return hits.sorted();
    }

    /** Adds the feature index of every character n-gram of the padded text in the vocabulary. */
    private void charHits(String padded, IntBuffer hits) {
        int len = padded.length();
        int charMin = settings.charMin();
        int charMax = settings.charMax();
        for (int i = 0; i < len; i++) {
            long packed = 0;
            long asciiPacked = 0;
            boolean packable = true;
            boolean ascii = true;
            long h = TermTable.SEED;
            boolean blank = true;
            for (int n = 1; n <= charMax && i + n <= len; n++) {
                char c = padded.charAt(i + n - 1);
                h = TermTable.extend(h, c);
                blank &= Character.isWhitespace(c); // the same test as String.isBlank in forEachTerm
                if (packable && n <= PackedGramTable.MAX_LENGTH && c < PackedGramTable.LIMIT) {
                    packed = PackedGramTable.append(packed, n - 1, c);
                    ascii &= c < 0x80;
                    asciiPacked = PackedGramTable.appendAscii(asciiPacked, n - 1, c);
                } else {
                    packable = false;
                }
                if (n >= charMin && !blank) {
                    int k = !packable ? table.find(padded, i, n, h)
                            : ascii ? shortGrams.findAscii(PackedGramTable.withAsciiLength(asciiPacked, n))
                            : shortGrams.find(PackedGramTable.withLength(packed, n));
                    if (k >= 0) {
                        hits.add(k);
                    } else if (prefixClosed) {
                        break;
                    }
                }
            }
        }
    }

    /**
     * {@link #charHits} for the common case, with its general machinery left out: an all-ASCII text, a
     * prefix-closed vocabulary and n-grams short enough that every one packs, so every probe is one read
     * of the ASCII table and no rolling hash is needed.
     */
    private void asciiCharHits(String padded, IntBuffer hits) {
        byte[] text = padded.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int len = text.length;
        int charMin = settings.charMin();
        int charMax = settings.charMax();
        for (int i = 0; i < len; i++) {
            long packed = 0;
            boolean blank = true;
            int longest = Math.min(charMax, len - i);
            for (int n = 1; n <= longest; n++) {
                char c = (char) text[i + n - 1];
                packed = PackedGramTable.appendAscii(packed, n - 1, c);
                blank &= c <= ' ' && Character.isWhitespace(c);
                if (n >= charMin && !blank) {
                    int k = shortGrams.findAscii(PackedGramTable.withAsciiLength(packed, n));
                    if (k < 0) {
                        break;
                    }
                    hits.add(k);
                }
            }
        }
    }

    /** Adds the feature index of every word n-gram of the text in the vocabulary, again without substrings. */
    private void wordHits(String canonical, IntBuffer hits) {
        int[] starts = new int[canonical.length() / 2 + 1];
        int[] ends = new int[starts.length];
        int count = wordBounds(canonical, starts, ends);
        for (int i = 0; i < count; i++) {
            long h = TermTable.extend(TermTable.SEED, WORD_MARK);
            for (int n = 1; n <= settings.wordMax() && i + n <= count; n++) {
                if (n > 1) {
                    h = TermTable.extend(h, ' ');
                }
                for (int k = starts[i + n - 1]; k < ends[i + n - 1]; k++) {
                    h = TermTable.extend(h, canonical.charAt(k));
                }
                int k = table.findWordGram(WORD_MARK, canonical, starts, ends, i, n, h);
                if (k >= 0) {
                    hits.add(k);
                } else if (prefixClosed) {
                    break;
                }
            }
        }
    }

    /** {@code 1 + ln tf} for small term frequencies, the same numbers {@link Math#log} gives, without the call. */
    private static final double[] LOG_TF = new double[256];

    static {
        for (int tf = 1; tf < LOG_TF.length; tf++) {
            LOG_TF[tf] = 1.0 + Math.log(tf);
        }
    }

    private SparseVector weigh(int[] sorted, int offset, int[] tailIndices, double[] tailValues) {
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        int[] indices = new int[distinct + tailIndices.length];
        double[] values = new double[indices.length];
        int size = 0;
        int charEntries = 0; // character n-grams sort before word n-grams: entries [0, charEntries) are theirs
        for (int i = 0; i < sorted.length; ) {
            int term = sorted[i];
            int j = i + 1;
            while (j < sorted.length && sorted[j] == term) {
                j++;
            }
            int tf = j - i;
            indices[size] = term + offset;
            values[size] = (tf < LOG_TF.length ? LOG_TF[tf] : 1.0 + Math.log(tf)) * idf[term];
            size++;
            if (term < charTerms) {
                charEntries = size;
            }
            i = j;
        }
        toUnitLength(values, 0, charEntries);
        toUnitLength(values, charEntries, size);
        System.arraycopy(tailIndices, 0, indices, size, tailIndices.length);
        System.arraycopy(tailValues, 0, values, size, tailValues.length);
        return new SparseVector(indices, values);
    }

    /** Scales {@code values[from, to)} to unit Euclidean length. */
    private static void toUnitLength(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i] * values[i];
        }
        if (sum > 0) {
            double scale = 1.0 / Math.sqrt(sum);
            for (int i = from; i < to; i++) {
                values[i] *= scale;
            }
        }
    }

    private static final int RADIX_BITS = 9;
    private static final int RADIX_MASK = (1 << RADIX_BITS) - 1;

    /** A growable list of ints, to avoid boxing every n-gram hit. */
    private static final class IntBuffer {
        private int[] data;
        private int size;

        IntBuffer(int capacity) {
            data = new int[capacity];
        }

        void add(int value) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = value;
        }

        /**
         * The values in ascending order: a radix sort by {@value #RADIX_BITS}-bit digits (two passes below
         * 2^18), as there are hundreds of small non-negative ints and counting 512 buckets is cheap.
         */
        int[] sorted() {
            int[] out = Arrays.copyOf(data, size);
            int max = 0;
            for (int i = 0; i < size; i++) {
                max = Math.max(max, out[i]);
            }
            int[] from = out;
            int[] to = data; // scratch of at least size
            int[] counts = new int[1 << RADIX_BITS];
            for (int shift = 0; shift < 32 && max >>> shift != 0; shift += RADIX_BITS) {
                Arrays.fill(counts, 0);
                for (int i = 0; i < size; i++) {
                    counts[(from[i] >>> shift) & RADIX_MASK]++;
                }
                prefixSums(counts);
                for (int i = 0; i < size; i++) {
                    to[counts[(from[i] >>> shift) & RADIX_MASK]++] = from[i];
                }
                int[] t = from;
                from = to;
                to = t;
            }
            return from == out ? out : Arrays.copyOf(from, size);
        }

        private static void prefixSums(int[] counts) {
            int sum = 0;
            for (int i = 0; i < counts.length; i++) {
                int c = counts[i];
                counts[i] = sum;
                sum += c;
            }
        }
    }

    static boolean isWordTerm(String term) {
        return !term.isEmpty() && term.charAt(0) == WORD_MARK;
    }

    /** Calls {@code sink} with every character n-gram and every word n-gram of the text, repeats included. */
    static void forEachTerm(String canonical, NgramSettings s, Consumer<String> sink) {
        String padded = " " + canonical + " ";
        int len = padded.length();
        for (int i = 0; i < len; i++) {
            for (int n = s.charMin(); n <= s.charMax() && i + n <= len; n++) {
                String gram = padded.substring(i, i + n);
                if (!gram.isBlank()) {
                    sink.accept(gram);
                }
            }
        }
        if (s.wordMax() > 0) {
            forEachWordTerm(canonical, s, sink);
        }
    }

    /** Calls {@code sink} with every word n-gram of the text, marked as a word term. */
    static void forEachWordTerm(String canonical, NgramSettings s, Consumer<String> sink) {
        List<String> words = words(canonical);
        for (int i = 0; i < words.size(); i++) {
            StringBuilder gram = new StringBuilder().append(WORD_MARK);
            for (int n = 1; n <= s.wordMax() && i + n <= words.size(); n++) {
                if (n > 1) {
                    gram.append(' ');
                }
                gram.append(words.get(i + n - 1));
                sink.accept(gram.toString());
            }
        }
    }

    /** Words of canonical text: maximal runs of letters and digits. */
    public static List<String> words(String canonical) {
        int[] starts = new int[canonical.length() / 2 + 1];
        int[] ends = new int[starts.length];
        int count = wordBounds(canonical, starts, ends);
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(canonical.substring(starts[i], ends[i]));
        }
        return words;
    }

    /**
     * Finds the words of {@code text}: word {@code i} is {@code text[starts[i], ends[i])}. Both arrays need
     * room for {@code text.length() / 2 + 1} words. Returns the number of words.
     */
    private static int wordBounds(String text, int[] starts, int[] ends) {
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

    @Override
    public String toString() {
        return "NgramVectorizer[" + settings + ", " + terms.length + " terms]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NgramVectorizer v && settings.equals(v.settings) && Arrays.equals(terms, v.terms)
                && Arrays.equals(idf, v.idf);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(terms);
    }
}

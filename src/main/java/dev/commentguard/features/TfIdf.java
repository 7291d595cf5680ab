package dev.commentguard.features;

/**
 * The weighting both vectorisers share: from the features a text hits, repeats included, to the TF-IDF vector
 * with each block at unit length (see {@link NgramVectorizer}). Stateless.
 */
final class TfIdf {

    /** {@code 1 + ln tf} for small term frequencies, the same numbers {@link Math#log} gives, without the call. */
    private static final double[] LOG_TF = new double[256];

    static {
        for (int tf = 1; tf < LOG_TF.length; tf++) {
            LOG_TF[tf] = 1.0 + Math.log(tf);
        }
    }

    private TfIdf() {
    }

    /**
     * The vector of the hits {@code sorted[0, count)} (feature indices in ascending order, repeats included),
     * indices shifted by {@code offset}, followed by the tail entries.
     *
     * @param charFeatures features below this are character n-grams, the rest word n-grams: each block is scaled
     *                     to unit length on its own
     */
    static SparseVector weigh(int[] sorted, int count, double[] idf, int charFeatures, int offset,
                              int[] tailIndices, double[] tailValues) {
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        int[] indices = new int[distinct + tailIndices.length];
        double[] values = new double[indices.length];
        int size = 0;
        int charEntries = 0; // character n-grams sort before word n-grams: entries [0, charEntries) are theirs
        for (int i = 0; i < count; ) {
            int term = sorted[i];
            int j = i + 1;
            while (j < count && sorted[j] == term) {
                j++;
            }
            int tf = j - i;
            indices[size] = term + offset;
            values[size] = (tf < LOG_TF.length ? LOG_TF[tf] : 1.0 + Math.log(tf)) * idf[term];
            size++;
            if (term < charFeatures) {
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

    /** The smoothed inverse document frequency of a feature found in {@code df} of {@code n} texts. */
    static double idf(int n, int df) {
        return Math.log((1.0 + n) / (1.0 + df)) + 1.0;
    }
}

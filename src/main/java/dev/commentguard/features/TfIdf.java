package dev.commentguard.features;

/**
 * The weighting both vectorisers share: from the distinct features a text hits and how often, to the TF-IDF
 * vector with each block at unit length (see {@link NgramVectorizer}). Stateless.
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
     * The vector of {@code distinct} features with their term frequencies, indices shifted by {@code offset},
     * followed by the tail entries. The entries keep the order given.
     *
     * @param charFeatures features below this are character n-grams, the rest word n-grams: each block is scaled
     *                     to unit length on its own
     */
    static SparseVector weigh(int[] features, int[] tf, int distinct, double[] idf, int charFeatures, int offset,
                              int[] tailIndices, double[] tailValues) {
        int[] indices = new int[distinct + tailIndices.length];
        double[] values = new double[indices.length];
        double charSum = 0;
        double wordSum = 0;
        for (int k = 0; k < distinct; k++) {
            int f = features[k];
            int n = tf[k];
            double v = (n < LOG_TF.length ? LOG_TF[n] : 1.0 + Math.log(n)) * idf[f];
            indices[k] = f + offset;
            values[k] = v;
            if (f < charFeatures) {
                charSum += v * v;
            } else {
                wordSum += v * v;
            }
        }
        double charScale = charSum > 0 ? 1.0 / Math.sqrt(charSum) : 1;
        double wordScale = wordSum > 0 ? 1.0 / Math.sqrt(wordSum) : 1;
        for (int k = 0; k < distinct; k++) {
            values[k] *= features[k] < charFeatures ? charScale : wordScale;
        }
        System.arraycopy(tailIndices, 0, indices, distinct, tailIndices.length);
        System.arraycopy(tailValues, 0, values, distinct, tailValues.length);
        return new SparseVector(indices, values);
    }

    /** The smoothed inverse document frequency of a feature found in {@code df} of {@code n} texts. */
    static double idf(int n, int df) {
        return Math.log((1.0 + n) / (1.0 + df)) + 1.0;
    }
}

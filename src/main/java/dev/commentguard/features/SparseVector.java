package dev.commentguard.features;

import java.util.Arrays;

/**
 * A sparse feature vector: distinct indices and their values, the n-grams' before the signals'. Hashed n-grams
 * come in no particular order (sorting them cost more than finding them); {@link #sorted} gives them in index
 * order where that is needed (Weka's sparse instances). Immutable by convention: the arrays are owned by the
 * vector and never handed out for writing.
 */
public record SparseVector(int[] indices, double[] values) {

    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
    }

    public int size() {
        return indices.length;
    }

    /** This vector with its entries in increasing index order; itself when they already are. */
    public SparseVector sorted() {
        boolean ordered = true;
        for (int i = 1; i < indices.length && ordered; i++) {
            ordered = indices[i] > indices[i - 1];
        }
        if (ordered) {
            return this;
        }
        long[] packed = new long[indices.length]; // index in the high half, position in the low half
        for (int i = 0; i < indices.length; i++) {
            packed[i] = (long) indices[i] << 32 | i;
        }
        Arrays.sort(packed);
        int[] sortedIndices = new int[indices.length];
        double[] sortedValues = new double[indices.length];
        for (int i = 0; i < packed.length; i++) {
            sortedIndices[i] = (int) (packed[i] >>> 32);
            sortedValues[i] = values[(int) packed[i]];
        }
        return new SparseVector(sortedIndices, sortedValues);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && Arrays.equals(indices, v.indices) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < indices.length; i++) {
            b.append(i == 0 ? "" : ", ").append(indices[i]).append(':').append(values[i]);
        }
        return b.append('}').toString();
    }
}

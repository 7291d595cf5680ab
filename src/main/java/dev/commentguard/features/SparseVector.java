package dev.commentguard.features;

import java.util.Arrays;

/**
 * A sparse feature vector: strictly increasing indices and their values. Immutable by convention:
 * the arrays are owned by the vector and never handed out for writing.
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

    /** The value at {@code index}, zero when absent. */
    public double get(int index) {
        int k = Arrays.binarySearch(indices, index);
        return k >= 0 ? values[k] : 0.0;
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

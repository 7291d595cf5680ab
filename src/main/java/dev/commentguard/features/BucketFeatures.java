package dev.commentguard.features;

/**
 * Which hash buckets are features, and which feature each is, in a few hundred kilobytes: the kept buckets are
 * numbered in ascending order (character buckets first, then word buckets), so a bucket's feature is the number of
 * kept buckets below it in its block, a bit count. Two tables of one {@code int} per bucket said the same in 8 MB, and
 * every n-gram of every comment read one of them at a random place: a cache miss each. Immutable: thread-safe.
 */
final class BucketFeatures {

    /** One bit per bucket of each block: set when the bucket is a feature. */
    private final long[] charBits;
    private final long[] wordBits;
    /** The feature of the first kept bucket at or after each 64-bucket word of the bits. */
    private final int[] charRank;
    private final int[] wordRank;

    /**
     * @param buckets the kept buckets, ascending: character buckets in {@code [0, size)}, then word buckets plus
     *                {@code size}
     */
    BucketFeatures(int[] buckets, int size) {
        int words = (size + 63) >>> 6;
        charBits = new long[words];
        wordBits = new long[words];
        for (int b : buckets) {
            if (b < size) {
                charBits[b >>> 6] |= 1L << b;
            } else {
                wordBits[(b - size) >>> 6] |= 1L << (b - size);
            }
        }
        charRank = new int[words];
        wordRank = new int[words];
        int rank = 0;
        for (int i = 0; i < words; i++) {
            charRank[i] = rank;
            rank += Long.bitCount(charBits[i]);
        }
        for (int i = 0; i < words; i++) {
            wordRank[i] = rank;
            rank += Long.bitCount(wordBits[i]);
        }
    }

    /** The feature of character bucket {@code b}, or -1 when it is not one. */
    int charFeature(int b) {
        return feature(charBits, charRank, b);
    }

    /** The feature of word bucket {@code b} (counted from 0 in its block), or -1 when it is not one. */
    int wordFeature(int b) {
        return feature(wordBits, wordRank, b);
    }

    private static int feature(long[] bits, int[] rank, int b) {
        // bucket b's bit moved to the sign, the bits below it after it, the bits above it shifted out
        long atOrBelow = bits[b >>> 6] << (63 - (b & 63));
        return atOrBelow < 0 ? rank[b >>> 6] + Long.bitCount(atOrBelow) - 1 : -1;
    }
}

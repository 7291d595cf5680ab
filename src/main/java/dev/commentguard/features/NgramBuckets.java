package dev.commentguard.features;

/**
 * The buckets of a text's n-grams (character buckets in {@code [0, 2^bits)}, word buckets plus {@code 2^bits}, in the
 * order {@link HashedNgrams#transform} reads them), scanned into an array that is kept and grown
 * from one text to the next: training scans every comment of a million once a pass, and a new array for each was
 * most of the garbage of that pass. Not thread-safe: one per thread.
 */
public final class NgramBuckets {

    private final NgramSettings settings;
    private int[] buckets = new int[1024];
    private int count;

    public NgramBuckets(NgramSettings settings) {
        if (!settings.hashed()) {
            throw new IllegalArgumentException("n-grams found by an exact vocabulary have no buckets: " + settings);
        }
        this.settings = settings;
    }

    /** Scans {@code text}, replacing the buckets of the text before; returns this. */
    public NgramBuckets scan(String text) {
        int need = NgramHashes.capacity(text, settings);
        if (buckets.length < need) {
            buckets = new int[Math.max(need, 2 * buckets.length)];
        }
        count = NgramHashes.scan(text, settings, buckets, null);
        return this;
    }

    /** The buckets of the text scanned last: the first {@link #count()} entries. */
    int[] buckets() {
        return buckets;
    }

    public int count() {
        return count;
    }
}

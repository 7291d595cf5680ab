package dev.commentguard.features;

/**
 * How many texts each n-gram bucket occurs in, counted as the texts are scanned: each bucket once a text however
 * often it occurs in it. A bucket's count and the last text counted for it sit side by side (one place a bucket
 * to touch; whole training runs measured the same either way). Not thread-safe: one per thread, summed after.
 */
public final class DocumentFrequencies {

    /** Bucket {@code b}'s count at {@code 2b}, the last text counted for it (from 1) at {@code 2b + 1}. */
    private final int[] counts;
    private int texts;

    public DocumentFrequencies(NgramSettings settings) {
        this.counts = new int[4 << settings.hashBits()];
    }

    /** Counts the text last scanned into {@code found}. */
    public void add(NgramBuckets found) {
        int text = ++texts;
        int[] buckets = found.buckets();
        for (int k = 0; k < found.count(); k++) {
            int at = 2 * buckets[k];
            if (counts[at + 1] != text) {
                counts[at + 1] = text;
                counts[at]++;
            }
        }
    }

    /** The texts counted. */
    public int texts() {
        return texts;
    }

    /** Adds each bucket's count to {@code df}, indexed by bucket, as {@link HashedNgrams#fromFrequencies} takes them. */
    public void addTo(int[] df) {
        for (int b = 0; b < df.length; b++) {
            df[b] += counts[2 * b];
        }
    }
}

package dev.commentguard.features;

/**
 * A thread's working arrays for {@link HashedNgrams#transform}, kept from one comment to the next and grown as needed: a
 * comment's n-gram hits and the table that counts them were two thirds of the 47 KB scoring allocated a comment
 * (docs/benchmarks.md). Arrays larger than {@link #KEPT} entries are made for the one comment and not kept.
 */
final class NgramScratch {
    static final int KEPT = 1 << 16;
    private static final ThreadLocal<NgramScratch> MINE = ThreadLocal.withInitial(NgramScratch::new);

    private int[] hits = new int[1024];
    private int[] keys = new int[2048];
    private int[] counts = new int[2048];
    private int[] tf = new int[1024];

    static NgramScratch get() {
        return MINE.get();
    }

    int[] hits(int size) {
        return size <= hits.length ? hits : size > KEPT ? new int[size] : (hits = new int[size]);
    }

    /** The counting table in use: at least the slots asked for, every one empty. */
    private int[] tableKeys;
    private int[] tableCounts;

    /** Makes the counting table at least {@code slots} long; its keys and counts are then {@link #tableKeys()}, {@link #tableCounts()}. */
    void table(int slots) {
        if (slots <= keys.length) {
            tableKeys = keys;
            tableCounts = counts;
        } else if (slots > KEPT) {
            tableKeys = new int[slots];
            tableCounts = new int[slots];
        } else {
            keys = tableKeys = new int[slots];
            counts = tableCounts = new int[slots];
        }
    }

    int[] tableKeys() {
        return tableKeys;
    }

    int[] tableCounts() {
        return tableCounts;
    }

    int[] tf(int size) {
        return size <= tf.length ? tf : size > KEPT ? new int[size] : (tf = new int[size]);
    }
}

package dev.commentguard.features;

/**
 * A frozen map from terms to feature indices that can be probed with a stretch of a string, so that
 * looking up the thousands of character n-grams of a comment allocates nothing: the caller rolls the
 * hash along the text with {@link #extend} and the table compares candidates in place. Open addressing
 * with linear probing over a power-of-two array. Immutable after construction: thread-safe.
 */
final class TermTable {

    /** Starting value of a term's hash; extend it one character at a time with {@link #extend}. */
    static final long SEED = 0xcbf29ce484222325L;

    private final String[] terms;
    private final int[] slots; // feature index + 1, 0 when empty
    private final long[] hashes; // the full hash of each slot's term: most mismatches end here, without touching the string
    private final int mask;

    TermTable(String[] terms) {
        this.terms = terms;
        int capacity = Integer.highestOneBit(Math.max(4, terms.length * 2) - 1) << 1;
        this.slots = new int[capacity];
        this.hashes = new long[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < terms.length; i++) {
            long h = hash(terms[i], 0, terms[i].length());
            int slot = slot(h);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
            hashes[slot] = h;
        }
    }

    /** The hash of {@code h}'s string followed by {@code c}. */
    static long extend(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    static long hash(CharSequence s, int from, int to) {
        long h = SEED;
        for (int i = from; i < to; i++) {
            h = extend(h, s.charAt(i));
        }
        return h;
    }

    /** The feature index of {@code text[from, from + length)} whose hash is {@code h}, or -1. */
    int find(String text, int from, int length, long h) {
        int slot = slot(h);
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[slot] == h) {
                String term = terms[entry - 1];
                if (term.length() == length && text.regionMatches(from, term, 0, length)) {
                    return entry - 1;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    int find(String term) {
        return find(term, 0, term.length(), hash(term, 0, term.length()));
    }

    private int slot(long h) {
        long mixed = h * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 40) & mask;
    }
}

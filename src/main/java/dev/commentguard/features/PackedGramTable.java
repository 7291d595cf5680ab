package dev.commentguard.features;

import java.util.function.Predicate;

/**
 * The short character n-grams of the vocabulary, each stored as one exact 64-bit key: up to
 * {@value #MAX_LENGTH} characters below U+1000, twelve bits each, with the length in the top four bits.
 * Packing is one-to-one, so a probe is a single comparison of longs — no hash collisions to resolve and
 * no string to touch — and the whole table is two flat arrays that stay in the processor's cache.
 * N-grams that do not pack (longer, or with characters such as emoji and CJK) live in a
 * {@link TermTable} instead. Immutable after construction: thread-safe.
 */
final class PackedGramTable {

    /** Longest n-gram that packs. */
    static final int MAX_LENGTH = 5;
    /** Characters from here on do not pack. */
    static final char LIMIT = 0x1000;
    private static final int BITS = 12;

    private final long[] keys; // 0 marks an empty slot; a real key never is 0, its length bits are set
    private final int[] values;
    private final int mask;

    /** A table of the terms that pass {@code include} and pack, under their index in {@code terms}. */
    PackedGramTable(String[] terms, Predicate<String> include) {
        int count = 0;
        for (String t : terms) {
            if (include.test(t) && packs(t)) {
                count++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(4, count * 2) - 1) << 2; // load at most 1/4: short probe runs
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < terms.length; i++) {
            if (include.test(terms[i]) && packs(terms[i])) {
                long key = 0;
                for (int k = 0; k < terms[i].length(); k++) {
                    key = append(key, k, terms[i].charAt(k));
                }
                key = withLength(key, terms[i].length());
                int slot = slot(key);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                values[slot] = i;
            }
        }
    }

    /** True when {@code term} is stored here rather than in the fallback table. */
    static boolean packs(CharSequence term) {
        if (term.isEmpty() || term.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            if (term.charAt(i) >= LIMIT) {
                return false;
            }
        }
        return true;
    }

    /** The characters of a packed n-gram so far with {@code c} added as its character number {@code position}. */
    static long append(long packed, int position, char c) {
        return packed | (long) c << (BITS * position);
    }

    /** The key of the n-gram of {@code length} characters whose characters are {@code packed}. */
    static long withLength(long packed, int length) {
        return packed | (long) length << 60;
    }

    /** The feature index of the n-gram with this key, or -1. */
    int find(long key) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}

package dev.commentguard.features;

import java.util.function.Predicate;

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
        this(terms, t -> true);
    }

    /** A table of the terms that pass {@code include}, under their index in {@code terms}. */
    TermTable(String[] terms, Predicate<String> include) {
        this.terms = terms;
        boolean[] included = new boolean[terms.length];
        int count = 0;
        for (int i = 0; i < terms.length; i++) {
            included[i] = include.test(terms[i]);
            if (included[i]) {
                count++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(4, count * 2) - 1) << 1;
        this.slots = new int[capacity];
        this.hashes = new long[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < terms.length; i++) {
            if (!included[i]) {
                continue;
            }
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

    /**
     * The feature index of the word n-gram made of words {@code first .. first + count - 1} of {@code text}
     * (word {@code w} is {@code text[starts[w], ends[w])}), marked with {@code mark} and joined by single
     * spaces, whose hash is {@code h}; or -1.
     */
    int findWordGram(char mark, String text, int[] starts, int[] ends, int first, int count, long h) {
        int length = count; // the mark and the spaces between words
        for (int w = first; w < first + count; w++) {
            length += ends[w] - starts[w];
        }
        int slot = slot(h);
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (hashes[slot] == h) {
                String term = terms[entry - 1];
                if (term.length() == length && term.charAt(0) == mark && matchesWordGram(term, text, starts, ends, first, count)) {
                    return entry - 1;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean matchesWordGram(String term, String text, int[] starts, int[] ends, int first, int count) {
        int pos = 1; // after the mark
        for (int w = first; w < first + count; w++) {
            if (w > first && term.charAt(pos++) != ' ') {
                return false;
            }
            int n = ends[w] - starts[w];
            if (!term.regionMatches(pos, text, starts[w], n)) {
                return false;
            }
            pos += n;
        }
        return true;
    }

    int find(String term) {
        return find(term, 0, term.length(), hash(term, 0, term.length()));
    }

    private int slot(long h) {
        long mixed = h * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 40) & mask;
    }
}

package dev.commentguard.features;

import dev.commentguard.text.TextNormalizer;

import java.util.function.Predicate;

/**
 * The short character n-grams of the vocabulary, each looked up by an exact key packed into a long:
 * up to {@value #MAX_LENGTH} characters below U+1000, twelve bits each, with the length in the top
 * four bits. Packing is one-to-one, so a probe compares longs only — no hash collision to resolve, no
 * string to touch. N-grams of ASCII characters alone, nearly all of them, live in a table of single
 * longs that hold a seven-bit-per-character key and the feature index together: one memory access per
 * probe, in a table a quarter the size. N-grams that do not pack at all (longer ones, or with
 * characters such as emoji and CJK) live in a {@link TermTable} instead. Immutable: thread-safe.
 */
final class PackedGramTable {

    /** Longest n-gram that packs. */
    static final int MAX_LENGTH = 5;
    /** Characters from here on do not pack. */
    static final char LIMIT = 0x1000;
    private static final int BITS = 12;
    private static final int ASCII_BITS = 7;
    /** Bits of an ASCII entry that hold the key; the feature index + 1 sits above them. */
    private static final int ASCII_KEY_BITS = ASCII_BITS * MAX_LENGTH + 3;
    private static final long ASCII_KEY_MASK = (1L << ASCII_KEY_BITS) - 1;
    /** Feature indices that fit beside an ASCII key. */
    static final int MAX_INDEX = (1 << (64 - ASCII_KEY_BITS)) - 2;

    private final long[] ascii; // key | (index + 1) << ASCII_KEY_BITS; 0 marks an empty slot
    private final int asciiMask;
    private final long[] wideKeys; // 0 marks an empty slot; a real key never is 0, its length bits are set
    private final int[] wideValues;
    private final int wideMask;

    /** A table of the terms that pass {@code include} and pack, under their index in {@code terms}. */
    PackedGramTable(String[] terms, Predicate<String> include) {
        if (terms.length > MAX_INDEX) {
            throw new IllegalArgumentException("too many terms for packed keys: " + terms.length);
        }
        // One pass works out each stored term's key; 0, which no real key is, marks the terms left out.
        long[] keys = new long[terms.length];
        boolean[] asciiTerm = new boolean[terms.length];
        int asciiCount = 0;
        int wideCount = 0;
        for (int i = 0; i < terms.length; i++) {
            String t = terms[i];
            if (!packs(t) || !include.test(t)) {
                continue;
            }
            boolean a = TextNormalizer.isAscii(t);
            keys[i] = keyOf(t, t.length(), a);
            asciiTerm[i] = a;
            if (a) {
                asciiCount++;
            } else {
                wideCount++;
            }
        }
        ascii = new long[capacity(asciiCount)];
        asciiMask = ascii.length - 1;
        wideKeys = new long[capacity(wideCount)];
        wideValues = new int[wideKeys.length];
        wideMask = wideKeys.length - 1;
        for (int i = 0; i < terms.length; i++) {
            long key = keys[i];
            if (key == 0) {
                continue;
            }
            if (asciiTerm[i]) {
                int slot = slot(key, asciiMask);
                while (ascii[slot] != 0) {
                    slot = (slot + 1) & asciiMask;
                }
                ascii[slot] = key | (long) (i + 1) << ASCII_KEY_BITS;
            } else {
                int slot = slot(key, wideMask);
                while (wideKeys[slot] != 0) {
                    slot = (slot + 1) & wideMask;
                }
                wideKeys[slot] = key;
                wideValues[slot] = i;
            }
        }
    }

    /** The feature index of a term that {@link #packs}, or -1: the look-up of a whole string, off the hot path. */
    int find(String term) {
        return findPrefix(term, term.length());
    }

    /**
     * The feature index of the first {@code length} characters of {@code term} (which must pack), or -1,
     * without making the substring.
     */
    int findPrefix(String term, int length) {
        boolean a = true;
        for (int k = 0; k < length; k++) {
            a &= term.charAt(k) < 0x80;
        }
        long key = keyOf(term, length, a);
        return a ? findAscii(key) : find(key);
    }

    /** The key of the first {@code length} characters of a term: {@link #withAsciiLength} form when ASCII, else {@link #withLength} form. */
    private static long keyOf(String term, int length, boolean ascii) {
        long key = 0;
        for (int k = 0; k < length; k++) {
            key = ascii ? appendAscii(key, k, term.charAt(k)) : append(key, k, term.charAt(k));
        }
        return ascii ? withAsciiLength(key, length) : withLength(key, length);
    }

    /** A power of two at least twice {@code count}: linear probing stays short at half load. */
    private static int capacity(int count) {
        return Integer.highestOneBit(Math.max(4, count * 2) - 1) << 1;
    }

    /** True when {@code term} packs; only such terms are stored here. */
    static boolean packs(CharSequence term) {
        return packs(term, term.length());
    }

    /** True when the first {@code length} characters of {@code term} pack. */
    static boolean packs(CharSequence term, int length) {
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
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

    /** The same for an n-gram of ASCII characters only ({@code c < 0x80}). */
    static long appendAscii(long packed, int position, char c) {
        return packed | (long) c << (ASCII_BITS * position);
    }

    /** The key of the n-gram of {@code length} characters whose characters are {@code packed}. */
    static long withLength(long packed, int length) {
        return packed | (long) length << 60;
    }

    static long withAsciiLength(long packed, int length) {
        return packed | (long) length << (ASCII_BITS * MAX_LENGTH);
    }

    /** The n-gram behind a key from {@link #withAsciiLength}. */
    static String unpackAscii(long key) {
        int length = (int) (key >>> (ASCII_BITS * MAX_LENGTH));
        char[] chars = new char[length];
        for (int k = 0; k < length; k++) {
            chars[k] = (char) ((key >>> (ASCII_BITS * k)) & 0x7F);
        }
        return new String(chars);
    }

    /** The feature index of the ASCII n-gram with this key (from {@link #withAsciiLength}), or -1. */
    int findAscii(long key) {
        int slot = slot(key, asciiMask);
        while (true) {
            long entry = ascii[slot];
            if ((entry & ASCII_KEY_MASK) == key) {
                return (int) (entry >>> ASCII_KEY_BITS) - 1;
            }
            if (entry == 0) {
                return -1;
            }
            slot = (slot + 1) & asciiMask;
        }
    }

    /** The feature index of the n-gram with this key (from {@link #withLength}), or -1. */
    int find(long key) {
        int slot = slot(key, wideMask);
        while (true) {
            long k = wideKeys[slot];
            if (k == key) {
                return wideValues[slot];
            }
            if (k == 0) {
                return -1;
            }
            slot = (slot + 1) & wideMask;
        }
    }

    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
}

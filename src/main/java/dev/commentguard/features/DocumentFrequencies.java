package dev.commentguard.features;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * Counts, for every term, how many texts hold it: the document frequencies {@link NgramVectorizer#fit}
 * chooses the vocabulary by. Character n-grams of ASCII characters short enough to pack, the great
 * majority, are counted under their packed key (see {@link PackedGramTable}) in a table of primitives,
 * without a string or a map entry for each; every other term, word n-grams included, as a string. The
 * terms and counts are exactly those of counting every term of {@link NgramVectorizer#forEachTerm} as
 * a string. Not thread-safe: one counter per thread.
 */
final class DocumentFrequencies {

    private final NgramSettings settings;
    private long[] keys = new long[1 << 12]; // 0 marks an empty slot: a real key never is 0, its length bits are set
    private int[] counts = new int[keys.length];
    private int size;
    private final Map<String, int[]> others = new HashMap<>();
    private long[] found = new long[256]; // the packed keys of the text being added

    DocumentFrequencies(NgramSettings settings) {
        this.settings = settings;
    }

    /** Counts the terms of one text, each once however often it occurs there. */
    void add(String text) {
        Set<String> seen = new HashSet<>();
        String padded = " " + text + " ";
        int len = padded.length();
        int foundCount = 0;
        for (int i = 0; i < len; i++) {
            long packed = 0;
            boolean packs = true;
            boolean blank = true;
            for (int n = 1; n <= settings.charMax() && i + n <= len; n++) {
                char c = padded.charAt(i + n - 1);
                blank &= Character.isWhitespace(c); // String.isBlank, as forEachTerm tests
                packs &= n <= PackedGramTable.MAX_LENGTH && c < 0x80;
                if (packs) {
                    packed = PackedGramTable.appendAscii(packed, n - 1, c);
                }
                if (n < settings.charMin() || blank) {
                    continue;
                }
                if (packs) {
                    if (foundCount == found.length) {
                        found = Arrays.copyOf(found, foundCount * 2);
                    }
                    found[foundCount++] = PackedGramTable.withAsciiLength(packed, n);
                } else {
                    seen.add(padded.substring(i, i + n));
                }
            }
        }
        Arrays.sort(found, 0, foundCount);
        for (int k = 0; k < foundCount; k++) {
            if (k == 0 || found[k] != found[k - 1]) {
                increment(found[k]);
            }
        }
        if (settings.wordMax() > 0) {
            NgramVectorizer.forEachWordTerm(text, settings, seen::add);
        }
        for (String term : seen) {
            others.computeIfAbsent(term, t -> new int[1])[0]++;
        }
    }

    /** Calls {@code sink} with every term counted and its document frequency, in no particular order. */
    void forEach(ObjIntConsumer<String> sink) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != 0) {
                sink.accept(PackedGramTable.unpackAscii(keys[slot]), counts[slot]);
            }
        }
        others.forEach((term, count) -> sink.accept(term, count[0]));
    }

    private void increment(long key) {
        int slot = slot(key, keys.length - 1);
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & (keys.length - 1);
        }
        if (keys[slot] == 0) {
            keys[slot] = key;
            size++;
        }
        counts[slot]++;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i], keys.length - 1);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }
}

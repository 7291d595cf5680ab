package dev.commentguard.features;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The bit counts give every bucket the feature a table of one entry per bucket gives. */
class BucketFeaturesTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 6, 7, 10, 12})
    void everyBucketHasTheFeatureATableWouldGiveIt(int bits) {
        int size = 1 << bits;
        Random random = new Random(bits);
        for (double share : new double[] {0, 0.01, 0.3, 0.9, 1}) {
            TreeSet<Integer> kept = new TreeSet<>();
            for (int b = 0; b < 2 * size; b++) {
                if (random.nextDouble() < share) {
                    kept.add(b);
                }
            }
            // the edges of a block and of a 64-bucket word
            for (int b : new int[] {0, size - 1, size, 2 * size - 1, Math.min(63, size - 1), Math.min(64, size - 1)}) {
                if (share > 0) {
                    kept.add(b);
                }
            }
            int[] buckets = kept.stream().mapToInt(Integer::intValue).toArray();
            int[] table = new int[2 * size];
            Arrays.fill(table, -1);
            for (int f = 0; f < buckets.length; f++) {
                table[buckets[f]] = f;
            }
            BucketFeatures features = new BucketFeatures(buckets, size);
            for (int b = 0; b < size; b++) {
                assertThat(features.charFeature(b)).as("character bucket %d of %d, %s kept", b, size, share).isEqualTo(table[b]);
                assertThat(features.wordFeature(b)).as("word bucket %d of %d, %s kept", b, size, share).isEqualTo(table[size + b]);
            }
        }
    }
}

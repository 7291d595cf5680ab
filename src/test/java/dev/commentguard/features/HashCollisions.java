package dev.commentguard.features;

import dev.commentguard.bench.GeneralisationBenchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How often hashing makes n-grams share a feature, on the training corpus: of the n-grams an exact vocabulary
 * keeps (in two texts or more, the 300,000 most frequent), the share whose bucket holds another kept n-gram,
 * for several table sizes. Not a test: {@code java -cp ... dev.commentguard.features.HashCollisions [bits...]}.
 */
public final class HashCollisions {

    private HashCollisions() {
    }

    public static void main(String[] args) throws Exception {
        List<Prepared> prepared = FeaturePipeline.prepareAll(
                GeneralisationBenchmark.corpus().stream().map(GeneralisationBenchmark.Row::comment).toList(),
                FeatureSettings.CURRENT_VERSION);
        FeatureSettings settings = FeatureSettings.DEFAULT;
        NgramSettings ngrams = settings.ngrams();
        Map<String, int[]> docFreq = new HashMap<>();
        for (Prepared p : prepared) {
            Set<String> seen = new HashSet<>();
            VocabularyNgrams.forEachTerm(settings.ngramText(p), ngrams, seen::add);
            for (String term : seen) {
                docFreq.computeIfAbsent(term, t -> new int[1])[0]++;
            }
        }
        List<Map.Entry<String, int[]>> kept = new ArrayList<>();
        docFreq.forEach((term, count) -> {
            if (count[0] >= ngrams.minDocFreq()) {
                kept.add(Map.entry(term, count));
            }
        });
        kept.sort((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]));
        List<Map.Entry<String, int[]>> vocabulary = kept.subList(0, Math.min(kept.size(), ngrams.maxFeatures()));
        System.out.printf("%,d comments; %,d distinct n-grams, %,d in two texts or more, %,d kept%n", prepared.size(),
                docFreq.size(), kept.size(), vocabulary.size());
        for (String arg : args.length > 0 ? args : new String[] {"18", "20", "22"}) {
            int bits = Integer.parseInt(arg);
            Map<Integer, Integer> keptPerBucket = new HashMap<>();
            for (Map.Entry<String, int[]> e : vocabulary) {
                keptPerBucket.merge(bucket(e.getKey(), bits), 1, Integer::sum);
            }
            Set<Integer> keptBuckets = keptPerBucket.keySet();
            int shared = 0;
            for (Map.Entry<String, int[]> e : vocabulary) {
                shared += keptPerBucket.get(bucket(e.getKey(), bits)) > 1 ? 1 : 0;
            }
            long rareInKept = 0;
            for (Map.Entry<String, int[]> e : docFreq.entrySet()) {
                if (e.getValue()[0] < ngrams.minDocFreq() && keptBuckets.contains(bucket(e.getKey(), bits))) {
                    rareInKept++;
                }
            }
            System.out.printf("%d bits: %.1f%% of the kept n-grams share a bucket with another kept one;"
                            + " %,d n-grams of one text fall in a kept bucket (%.1f%% of them)%n", bits,
                    100.0 * shared / vocabulary.size(), rareInKept,
                    100.0 * rareInKept / (docFreq.size() - kept.size()));
        }
    }

    private static int bucket(String term, int bits) {
        boolean word = term.charAt(0) == '\u0000';
        return NgramHashes.bucketOf(word ? term.substring(1) : term, word, bits);
    }
}

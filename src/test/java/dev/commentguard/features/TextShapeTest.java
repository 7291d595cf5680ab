package dev.commentguard.features;

import dev.commentguard.TestData;
import dev.commentguard.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The repeated-word signal found from a few candidates says what counting every word says. */
class TextShapeTest {

    @Test
    void repeatedWordsAgreesWithCountingEveryWord() throws Exception {
        List<List<String>> texts = new ArrayList<>();
        for (String raw : TestData.corpusTextsAndDisguises()) {
            texts.add(NgramVectorizer.words(TextNormalizer.clean(raw)));
        }
        Random random = new Random(11);
        String[] vocabulary = {"buy", "now", "cheap", "spam", "the", "ok", "go", "yes", "no", "win", "a"};
        for (int i = 0; i < 100_000; i++) {
            List<String> words = new ArrayList<>();
            for (int k = 6 + random.nextInt(30); k > 0; k--) {
                words.add(vocabulary[random.nextInt(1 + random.nextInt(vocabulary.length))]);
            }
            texts.add(words);
        }
        int repeated = 0;
        for (List<String> words : texts) {
            double expected = counted(words);
            assertThat(TextShape.repeatedWords(words)).as("%s", words).isEqualTo(expected);
            repeated += expected > 0 ? 1 : 0;
        }
        assertThat(repeated).as("texts with a repeated word").isGreaterThan(1_000);
        assertThat(TextShape.repeatedWords(List.of("buy", "buy", "buy", "now", "cheap", "pills"))).isEqualTo(0.5);
    }

    /** The signal's definition: the most frequent word of three letters or more, counted with a map. */
    private static double counted(List<String> words) {
        if (words.size() < 6) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        int most = 0;
        for (String w : words) {
            if (w.length() > 2) {
                most = Math.max(most, counts.merge(w, 1, Integer::sum));
            }
        }
        double share = most / (double) words.size();
        return most < 3 || share < 0.25 ? 0 : Math.min(1.0, (share - 0.25) / 0.5);
    }
}

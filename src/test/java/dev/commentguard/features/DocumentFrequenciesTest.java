package dev.commentguard.features;

import dev.commentguard.bench.Obfuscator;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The packed counting of {@link DocumentFrequencies} against counting every term as a string. */
class DocumentFrequenciesTest {

    @Test
    void countsWhatCountingStringsCountsOnCorpusCommentsAndObfuscatedVariants() throws Exception {
        List<String> raw = new ArrayList<>();
        for (InputRow r : CommentReader.read(Path.of("training-data/train.csv"), InputOptions.DEFAULT, Map.of(), true)) {
            if (raw.size() < 2500) { // a third of the corpus keeps the string counting below a few seconds
                raw.add(r.comment().text());
            }
        }
        List<String> texts = new ArrayList<>();
        for (String t : raw) {
            texts.add(TextNormalizer.normalize(t).clean());
        }
        for (Obfuscator.Variant v : Obfuscator.variants(raw, 1, 3)) {
            texts.add(TextNormalizer.normalize(v.text()).clean()); // look-alikes and emoji the normaliser keeps
        }
        texts.addAll(List.of("", " ", "a", "tab\tand  two\u000Bspaces", "ünï cödé 🔥 and a longer gram"));
        for (NgramSettings s : List.of(new NgramSettings(2, 5, 2, 2, 300_000), new NgramSettings(1, 7, 3, 1, 10))) {
            DocumentFrequencies counter = new DocumentFrequencies(s);
            Map<String, Integer> plain = new HashMap<>();
            for (String text : texts) {
                counter.add(text);
                Set<String> seen = new HashSet<>();
                NgramVectorizer.forEachTerm(text, s, seen::add);
                seen.forEach(term -> plain.merge(term, 1, Integer::sum));
            }
            Map<String, Integer> packed = new HashMap<>();
            counter.forEach((term, count) -> assertThat(packed.put(term, count)).as("counted twice: %s", term).isNull());
            assertThat(packed).as("%s", s).isEqualTo(plain);
            assertThat(packed.keySet()).anyMatch(t -> !TextNormalizer.isAscii(t)).anyMatch(t -> t.length() > 5);
        }
    }
}

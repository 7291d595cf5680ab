package dev.commentguard.features;

import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.model.ModelFile;
import dev.commentguard.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation-free lookup finds exactly the terms a plain substring-and-map lookup finds. */
class TermTableTest {

    @Test
    void rollingLookupMatchesSubstringLookupOnTheWholeCorpus() throws Exception {
        NgramVectorizer v = ModelFile.load(Path.of("models/default.model")).pipeline().vectorizer();
        Map<String, Integer> plain = new HashMap<>();
        String[] terms = v.terms();
        for (int i = 0; i < terms.length; i++) {
            plain.put(terms[i], i);
        }
        List<String> texts = new ArrayList<>();
        for (String file : new String[] {"training-data/train.csv", "training-data/heldout.csv"}) {
            for (InputRow r : CommentReader.read(Path.of(file), InputOptions.DEFAULT, Map.of(), true)) {
                texts.add(TextNormalizer.normalize(r.comment().text()).canonical());
            }
        }
        texts.addAll(List.of("", "  ", "\u2028x\u2028", "ｆｕｌｌ", "emoji 🔥🔥 and 𝐦𝐚𝐭𝐡", "a"));
        for (String text : texts) {
            List<Integer> expected = new ArrayList<>();
            NgramVectorizer.forEachTerm(text, v.settings(), term -> {
                Integer k = plain.get(term);
                if (k != null) {
                    expected.add(k);
                }
            });
            int[] want = expected.stream().mapToInt(Integer::intValue).sorted().toArray();
            assertThat(v.termHits(text)).as(text).isEqualTo(want);
        }
        assertThat(texts).hasSizeGreaterThan(9000);
    }

    @Test
    void findsEveryTermAndNothingElse() {
        String[] terms = {"ab", "abc", "\u0000two words", "zz"};
        TermTable t = new TermTable(terms);
        for (int i = 0; i < terms.length; i++) {
            assertThat(t.find(terms[i])).isEqualTo(i);
        }
        assertThat(t.find("abd")).isEqualTo(-1);
        assertThat(t.find("xabcx", 1, 3, TermTable.hash("xabcx", 1, 4))).isEqualTo(1);
        assertThat(Arrays.stream(terms).map(t::find).toList()).containsExactly(0, 1, 2, 3);
    }
}

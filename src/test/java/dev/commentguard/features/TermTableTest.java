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
        texts.addAll(List.of("", "  ", "\u2028x\u2028", "ｆｕｌｌ", "emoji 🔥🔥 and 𝐦𝐚𝐭𝐡", "a", "tab\tand\u001Funit  sep\u000Bx ~\u007F"));
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
        assertThat(v.prefixClosed()).as("the shortcut applies to the default model").isTrue();
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

    @Test
    void packedKeysTellApartWhatTheyHoldAndLeaveTheRestToTheFallback() {
        String[] terms = {"ab", "abc", "ba", "\u0fffx", "abcde", "abcdef", "\u1000x", "\u0000ab", "\u00e9t\u00e9"};
        PackedGramTable t = new PackedGramTable(terms, s -> !NgramVectorizer.isWordTerm(s));
        assertThat(asciiKey("ab")).isNotEqualTo(asciiKey("ba")).isNotEqualTo(asciiKey("abc")).isNotEqualTo(asciiKey("ab\u0000"));
        assertThat(t.findAscii(asciiKey("ab"))).isZero();
        assertThat(t.findAscii(asciiKey("abc"))).isEqualTo(1);
        assertThat(t.findAscii(asciiKey("ba"))).isEqualTo(2);
        assertThat(t.findAscii(asciiKey("abcde"))).isEqualTo(4);
        assertThat(t.findAscii(asciiKey("abcd"))).isEqualTo(-1);
        assertThat(t.find(wideKey("\u0fffx"))).isEqualTo(3);
        assertThat(t.find(wideKey("\u00e9t\u00e9"))).isEqualTo(8);
        assertThat(t.find(wideKey("\u00e9t"))).isEqualTo(-1);
        assertThat(PackedGramTable.packs("abcdef")).isFalse(); // too long
        assertThat(PackedGramTable.packs("\u1000x")).isFalse(); // beyond twelve bits
        assertThat(t.findAscii(asciiKey("\u0000ab"))).as("word terms are not stored here").isEqualTo(-1);
    }

    private static long asciiKey(String s) {
        long packed = 0;
        for (int i = 0; i < s.length(); i++) {
            packed = PackedGramTable.appendAscii(packed, i, s.charAt(i));
        }
        return PackedGramTable.withAsciiLength(packed, s.length());
    }

    private static long wideKey(String s) {
        long packed = 0;
        for (int i = 0; i < s.length(); i++) {
            packed = PackedGramTable.append(packed, i, s.charAt(i));
        }
        return PackedGramTable.withLength(packed, s.length());
    }

    @Test
    void aVocabularyWithGapsIsSearchedInFull() {
        NgramSettings s = new NgramSettings(2, 4, 2, 1, 100);
        // "abc" without "ab", and a bigram without its first word: not what fit makes, but a model file could hold it.
        NgramVectorizer gaps = NgramVectorizer.of(s, new String[] {"abc", "\u0000x y"}, new double[] {1, 1});
        assertThat(gaps.prefixClosed()).isFalse();
        assertThat(gaps.termHits("abc x y")).containsExactly(0, 1);
        NgramVectorizer fitted = NgramVectorizer.fit(List.of("abc x y", "abc x y z", "ab"), s);
        assertThat(fitted.prefixClosed()).isTrue();
        // Each kind of prefix: packed ASCII, packed wide, too long to pack, and a word n-gram's first words.
        NgramSettings upTo7 = new NgramSettings(2, 7, 2, 1, 100);
        assertThat(closed(upTo7, "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "\u00e9t", "\u00e9t\u00e9", "\u0000x", "\u0000x y"))
                .isTrue();
        assertThat(closed(upTo7, "ab", "abc", "abcd", "abcde", "abcdefg")).as("no abcdef").isFalse();
        assertThat(closed(upTo7, "ab", "abc", "abcd", "abcdef")).as("no abcde").isFalse();
        assertThat(closed(upTo7, "\u00e9t\u00e9")).as("no \u00e9t").isFalse();
        assertThat(closed(upTo7, "\u0000x y")).as("no x").isFalse();
        assertThat(closed(upTo7, "  a", "xy")).as("a blank prefix needs no term").isTrue();
    }

    private static boolean closed(NgramSettings s, String... terms) {
        return NgramVectorizer.of(s, terms, new double[terms.length]).prefixClosed();
    }

    @Test
    void blankAndControlCharactersAreHandledAlikeOnTheAsciiAndTheGeneralPath() {
        // Spacing that normalisation would collapse, so that blank n-grams are prefixes of vocabulary terms.
        List<String> texts = List.of("a  b\tc", "a \t b", "\u000B\u001F x  y", "  lead", "trail  ", "\u00e9t\u00e9  x");
        for (NgramSettings s : List.of(new NgramSettings(2, 5, 2, 1, 1000), new NgramSettings(1, 4, 1, 1, 1000))) {
            NgramVectorizer v = NgramVectorizer.fit(texts, s);
            assertThat(v.prefixClosed()).isTrue();
            Map<String, Integer> plain = new HashMap<>();
            String[] terms = v.terms();
            for (int i = 0; i < terms.length; i++) {
                plain.put(terms[i], i);
            }
            assertThat(terms).as("blank-prefixed terms exist").anyMatch(t -> t.startsWith("  "));
            for (String text : texts) {
                List<Integer> expected = new ArrayList<>();
                NgramVectorizer.forEachTerm(text, s, term -> expected.add(plain.get(term)));
                assertThat(v.termHits(text)).as(text).isEqualTo(expected.stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        }
    }
}

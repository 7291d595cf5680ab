package dev.commentguard.features;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Both ways of finding an n-gram's feature: hashed (bits > 0) and an exact vocabulary (bits 0). */
class NgramVectorizerTest {

    private static NgramSettings settings(int hashBits) {
        return new NgramSettings(2, 3, 2, 2, 1000, hashBits);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16})
    void keepsOnlyNgramsInAtLeastMinDocFreqTexts(int bits) {
        NgramVectorizer v = NgramVectorizer.fit(List.of("call now", "call later", "zebra"), settings(bits));
        assertThat(v.wordFeature("call")).isNotNegative();
        assertThat(v.wordFeature("zebra")).isNegative();
        assertThat(v.transform("zebra", 0).size()).isZero(); // no n-gram of it is in two texts
        assertThat(v.transform("call", 0).size()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16})
    void capsTheFeaturesAtMaxFeaturesKeepingTheMostFrequent(int bits) {
        NgramSettings capped = new NgramSettings(2, 2, 1, 1, 3, bits);
        NgramVectorizer v = NgramVectorizer.fit(List.of("aaa", "aab", "abc"), capped);
        assertThat(v.dimension()).isEqualTo(3);
        // " a" and "a" are in all three texts, "aa" in two: those are kept; "bc", "c " and "abc" are not.
        assertThat(v.wordFeature("aaa")).isNegative();
        assertThat(v.transform("bc", 0).size()).isZero();
        assertThat(v.transform("aa", 0).size()).isEqualTo(2); // " a" and "aa" ("a " is in one text only)
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16})
    void eachBlockHasUnitLength(int bits) {
        NgramVectorizer v = NgramVectorizer.fit(List.of("free money now", "free money today", "money now"), settings(bits));
        SparseVector x = v.transform("free money now", 0);
        double chars = 0;
        double words = 0;
        for (int i = 0; i < x.size(); i++) {
            double sq = x.values()[i] * x.values()[i];
            if (v.isWordFeature(x.indices()[i])) {
                words += sq;
            } else {
                chars += sq;
            }
        }
        assertThat(chars).isCloseTo(1.0, within(1e-9));
        assertThat(words).isCloseTo(1.0, within(1e-9));
        assertThat(x.indices()).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16})
    void unknownTextGivesAnEmptyVectorAndOffsetShiftsIndices(int bits) {
        NgramVectorizer v = NgramVectorizer.fit(List.of("abc", "abc"), settings(bits));
        assertThat(v.transform("xyz", 0).size()).isZero();
        SparseVector x = v.transform("abc", 100);
        assertThat(x.indices()[0]).isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16})
    void fittingIsDeterministic(int bits) {
        List<String> texts = List.of("one two three", "two three four", "three four five", "one five");
        assertThat(NgramVectorizer.fit(texts, settings(bits))).isEqualTo(NgramVectorizer.fit(texts, settings(bits)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16})
    void wordFeaturesAreNamedByTheTextsOwnNgrams(int bits) {
        NgramVectorizer v = NgramVectorizer.fit(List.of("free money now", "free money today", "money now"), settings(bits));
        for (String gram : List.of("free", "money", "now", "free money", "money now")) {
            assertThat(v.wordName("free money, now", v.wordFeature(gram))).isEqualTo(gram);
        }
        assertThat(v.wordName("free money, now", v.wordFeature("money now"))).isEqualTo("money now");
        assertThat(v.wordName("free money, now", v.wordFeature("free"))).isEqualTo("free");
        assertThat(v.wordName("nothing here", v.wordFeature("free"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16})
    void oneReadingOfTheTextNamesEveryFeatureAsOneSearchEach(int bits) {
        NgramVectorizer v = NgramVectorizer.fit(List.of("free money now", "free money today", "money now"), settings(bits));
        String text = "money now! free money, now. nothing else"; // an n-gram text: lower case
        var names = v.wordNames(text);
        for (String gram : List.of("free", "money", "now", "free money", "money now")) {
            int feature = v.wordFeature(gram);
            assertThat(feature).as(gram).isNotNegative(); // in two texts: kept
            assertThat(names.apply(feature)).as(gram).isEqualTo(firstNgramWith(v, text, feature)).isEqualTo(gram);
        }
        assertThat(v.wordFeature("today")).as("in one text: not kept").isNegative();
        assertThat(names.apply(-1)).isNull();
        assertThat(v.wordNames("nothing else").apply(v.wordFeature("free"))).isNull();
        assertThat(v.wordNames("").apply(v.wordFeature("free"))).isNull();
    }

    /** The first word n-gram of the text, in reading order, whose feature is {@code feature}: one look-up per n-gram. */
    private static String firstNgramWith(NgramVectorizer v, String text, int feature) {
        List<String> words = NgramVectorizer.words(text);
        for (int i = 0; i < words.size(); i++) {
            for (int n = 1; n <= v.settings().wordMax() && i + n <= words.size(); n++) {
                String gram = String.join(" ", words.subList(i, i + n));
                if (v.wordFeature(gram) == feature) {
                    return gram;
                }
            }
        }
        return null;
    }

    /** Hashing and the exact vocabulary give the same vector when no two kept n-grams share a bucket. */
    @Test
    void hashingWithoutCollisionsWeighsAsTheVocabularyDoes() {
        List<String> texts = List.of("free money now", "free money today", "money now", "call me now", "ich bin hier, heute");
        NgramVectorizer exact = NgramVectorizer.fit(texts, settings(0));
        NgramVectorizer hashed = NgramVectorizer.fit(texts, settings(20));
        assertThat(hashed.dimension()).isEqualTo(exact.dimension());
        for (String text : texts) {
            // The same values; the order of the features, and so of the sums that scale each block, differs.
            List<Double> h = sorted(hashed.transform(text, 0).values());
            List<Double> e = sorted(exact.transform(text, 0).values());
            assertThat(h).hasSameSizeAs(e);
            for (int i = 0; i < h.size(); i++) {
                assertThat(h.get(i)).isCloseTo(e.get(i), within(1e-12));
            }
        }
    }

    @Test
    void aSmallTableSharesBucketsAndStillGivesOneEntryPerFeature() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add("comment number " + i + " says " + Integer.toString(i * 7919, 36));
        }
        NgramSettings tiny = new NgramSettings(2, 5, 2, 1, 100_000, 10);
        NgramVectorizer v = NgramVectorizer.fit(texts, tiny);
        assertThat(v.dimension()).isLessThanOrEqualTo(2 * 1024);
        SparseVector x = v.transform(texts.get(42), 0);
        assertThat(x.indices()).doesNotHaveDuplicates();
    }

    @Test
    void wordsAreRunsOfLettersAndDigits() {
        assertThat(NgramVectorizer.words("call xphonex, now!! 24/7")).containsExactly("call", "xphonex", "now", "24", "7");
    }

    private static List<Double> sorted(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double d : values) {
            out.add(d);
        }
        out.sort(null);
        return out;
    }

    /** The scan's own whitespace test answers as the library's, for every character. */
    @Test
    void whitespaceIsDecidedAsTheLibraryDecides() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertThat(NgramHashes.isWhitespace((char) c)).as("U+%04X", c).isEqualTo(Character.isWhitespace((char) c));
        }
    }

    private static final List<String> TEXTS = List.of("call now for cheap loans", "call later, thanks",
            "Grüße aus Köln \u2003 und\u00a0so", "   ", "", "x", "call now", "日本語のテキスト call",
            "error: cannot find symbol\n  at Foo.bar(Foo.java:12)");

    /** Training hashes a comment once and hands its buckets to each fold's vectoriser: the same vector as from the text. */
    @Test
    void bucketsGiveTheVectorTheTextGives() {
        HashedNgrams v = (HashedNgrams) NgramVectorizer.fit(TEXTS, settings(16));
        NgramBuckets scratch = new NgramBuckets(settings(16)); // kept from text to text, long and short in turn
        for (String text : TEXTS) {
            SparseVector direct = v.transform(text, 3, new int[] {9_999}, new double[] {0.5});
            SparseVector viaBuckets = v.transformBuckets(scratch.scan(text), 3, new int[] {9_999}, new double[] {0.5});
            assertThat(viaBuckets.indices()).as(text).containsExactly(direct.indices());
            assertThat(viaBuckets.values()).as(text).containsExactly(direct.values());
        }
    }

    /** Document frequencies counted by part and summed fit the vectoriser the whole data fits. */
    @Test
    void frequenciesSummedOverPartsFitAsTheWhole() {
        NgramSettings s = new NgramSettings(2, 4, 2, 2, 40, 12); // a cap, so that which buckets survive matters
        int[] sum = new int[2 << s.hashBits()];
        for (List<String> part : List.of(TEXTS.subList(0, 4), TEXTS.subList(4, TEXTS.size()))) {
            DocumentFrequencies counted = new DocumentFrequencies(s);
            NgramBuckets found = new NgramBuckets(s);
            for (String text : part) {
                counted.add(found.scan(text + " " + text)); // repeats count once
            }
            assertThat(counted.texts()).isEqualTo(part.size());
            counted.addTo(sum);
        }
        List<String> doubled = TEXTS.stream().map(t -> t + " " + t).toList();
        assertThat(HashedNgrams.fromFrequencies(sum, TEXTS.size(), s)).isEqualTo(NgramVectorizer.fit(doubled, s));
    }

    /** What a thread keeps from text to text changes nothing: the same vector after a huge text and on another thread. */
    @Test
    void aTextsVectorDoesNotDependOnTheTextsBeforeIt() throws Exception {
        HashedNgrams v = (HashedNgrams) NgramVectorizer.fit(TEXTS, settings(16));
        for (String text : TEXTS) {
            SparseVector first = v.transform(text, 0);
            assertThat(v.transform("call now for cheap loans ".repeat(4_000), 0).size()).isPositive(); // past what is kept
            SparseVector again = v.transform(text, 0);
            assertThat(v.transform("call later, thanks ".repeat(150), 0).size()).isPositive(); // grows what is kept
            SparseVector afterGrowing = v.transform(text, 0);
            SparseVector elsewhere = java.util.concurrent.CompletableFuture.supplyAsync(() -> v.transform(text, 0)).get();
            for (SparseVector other : List.of(again, afterGrowing, elsewhere)) {
                assertThat(other.indices()).as(text).containsExactly(first.indices());
                assertThat(other.values()).as(text).containsExactly(first.values());
            }
        }
    }
}

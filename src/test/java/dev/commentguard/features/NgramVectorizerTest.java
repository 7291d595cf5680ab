package dev.commentguard.features;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NgramVectorizerTest {

    private static final NgramSettings SETTINGS = new NgramSettings(2, 3, 2, 2, 1000);

    @Test
    void keepsOnlyTermsInAtLeastMinDocFreqTexts() {
        NgramVectorizer v = NgramVectorizer.fit(List.of("call now", "call later", "zebra"), SETTINGS);
        assertThat(List.of(v.terms())).contains("ca", "cal", "\u0000call").doesNotContain("zeb", "\u0000zebra");
    }

    @Test
    void capsTheVocabularyAtMaxFeaturesKeepingTheMostFrequent() {
        NgramSettings capped = new NgramSettings(2, 2, 0, 1, 3);
        NgramVectorizer v = NgramVectorizer.fit(List.of("aaa", "aab", "abc"), capped);
        assertThat(v.dimension()).isEqualTo(3);
        assertThat(List.of(v.terms())).contains(" a", "aa"); // in all three texts, then in two
    }

    @Test
    void eachBlockHasUnitLength() {
        NgramVectorizer v = NgramVectorizer.fit(List.of("free money now", "free money today", "money now"), SETTINGS);
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
    }

    @Test
    void unknownTextGivesAnEmptyVectorAndOffsetShiftsIndices() {
        NgramVectorizer v = NgramVectorizer.fit(List.of("abc", "abc"), SETTINGS);
        assertThat(v.transform("xyz", 0).size()).isZero();
        SparseVector x = v.transform("abc", 100);
        assertThat(x.indices()[0]).isGreaterThanOrEqualTo(100);
    }

    @Test
    void fittingIsDeterministic() {
        List<String> texts = List.of("one two three", "two three four", "three four five", "one five");
        assertThat(NgramVectorizer.fit(texts, SETTINGS)).isEqualTo(NgramVectorizer.fit(texts, SETTINGS));
    }

    @Test
    void wordsAreRunsOfLettersAndDigits() {
        assertThat(NgramVectorizer.words("call xphonex, now!! 24/7")).containsExactly("call", "xphonex", "now", "24", "7");
    }
}

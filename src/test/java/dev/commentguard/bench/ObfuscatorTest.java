package dev.commentguard.bench;

import dev.commentguard.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ObfuscatorTest {

    private static final String SPAM = "Call 0300-1234567 or visit www.cheap-offers.com for a FREE loan, WhatsApp us today";

    @Test
    void everyTrickChangesTypicalSpam() {
        for (Obfuscator.Trick t : Obfuscator.Trick.values()) {
            assertThat(t.apply(SPAM, new Random(1))).as(t.name()).isNotEqualTo(SPAM);
        }
    }

    @Test
    void normalisationUndoesTheCharacterLevelTricks() {
        for (Obfuscator.Trick t : List.of(Obfuscator.Trick.CONFUSABLES, Obfuscator.Trick.ZERO_WIDTH, Obfuscator.Trick.FULL_WIDTH,
                Obfuscator.Trick.SPACED_LETTERS, Obfuscator.Trick.SPACED_DIGITS, Obfuscator.Trick.LEET)) {
            String disguised = t.apply(SPAM, new Random(7));
            assertThat(TextNormalizer.clean(disguised).replace("-", "").replace(" ", ""))
                    .as(t.name() + ": " + disguised)
                    .isEqualTo(TextNormalizer.clean(SPAM).replace("-", "").replace(" ", ""));
        }
    }

    @Test
    void variantsAreDeterministicAndCoverEveryTrick() {
        List<String> texts = List.of(SPAM, "Earn cash from home, email me at promo@mail.com", "Best casino bonus www.win-big.net");
        var a = Obfuscator.variants(texts, 4, 3);
        assertThat(a).isEqualTo(Obfuscator.variants(texts, 4, 3));
        assertThat(a.stream().flatMap(v -> v.tricks().stream()).distinct()).hasSize(Obfuscator.Trick.values().length);
    }
}

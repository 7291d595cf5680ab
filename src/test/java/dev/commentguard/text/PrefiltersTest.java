package dev.commentguard.text;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cheap looks that decide whether a costly pattern runs may say yes too often, never too seldom: checked against the
 * patterns themselves on texts built from the characters those patterns care about, and on the spellings they exist for.
 */
class PrefiltersTest {

    @Test
    void aSpacedAddressIsAlwaysLookedFor() {
        for (String text : new String[]{"mail me: jon.smith @ gmail . com", "jon@ yahoo.com", "jon@yahoo .com", "jon @yahoo. com",
                "JON @ GMAIL . COM"}) {
            assertThat(SpacedAddresses.maySpaceAnAddress(text)).as(text).isTrue();
            assertThat(SpacedAddresses.holdsSpacedEmail(text)).as(text).isTrue();
        }
        for (String text : new String[]{"@Lars agreed. Thanks", "jon@yahoo.com", "mail from @site.com", "no at sign at all"}) {
            assertThat(SpacedAddresses.maySpaceAnAddress(text)).as(text).isFalse();
        }
    }

    @Test
    void theAddressLookNeverMissesWhatThePatternFinds() {
        Random random = new Random(19);
        String[] pieces = {"ab", "x9", "Jo", "-", "_", ".", "@", " ", " ", "com", "net", "Co", "de", "!"};
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = 3 + random.nextInt(10); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            Matcher m = SpacedAddresses.SPACED_EMAIL.matcher(text);
            boolean spaced = false;
            while (m.find()) {
                spaced |= SpacedAddresses.spacedAfterAt(m.group());
            }
            if (spaced) {
                found++;
                assertThat(SpacedAddresses.maySpaceAnAddress(text)).as(text).isTrue();
            }
        }
        assertThat(found).as("texts the pattern finds a spaced address in").isGreaterThan(100);
    }

    @Test
    void theBracketLookNeverMissesWhatThePatternFinds() {
        Random random = new Random(7);
        String alphabet = "([{)]} .dDoOtTx\t";
        int found = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = randomText(random, alphabet, 3 + random.nextInt(12));
            if (LinkRepair.BRACKET_DOT.matcher(text).find()) {
                found++;
                assertThat(LinkRepair.mayHoldBracketDot(text)).as(text).isTrue();
            }
        }
        assertThat(found).as("texts the pattern matches").isGreaterThan(100);
        assertThat(LinkRepair.mayHoldBracketDot("visit cheapmeds[.]com or cheapmeds( dot )com")).isTrue();
        assertThat(LinkRepair.mayHoldBracketDot("(as the article says) [citation needed] {x}")).isFalse();
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}

package dev.commentguard.features;

import dev.commentguard.Comment;

import dev.commentguard.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureSettingsTest {

    @Test
    void roundTripsThroughItsMap() {
        assertThat(FeatureSettings.fromMap(FeatureSettings.DEFAULT.toMap())).isEqualTo(FeatureSettings.DEFAULT);
    }

    @Test
    void modelsFromBeforeTheSettingKeepTheirContactTokens() {
        var old = new HashMap<>(FeatureSettings.DEFAULT.toMap());
        old.remove("contactTokens");
        old.remove("ngramText");
        assertThat(FeatureSettings.fromMap(old).text()).isEqualTo(FeatureSettings.NgramText.PLACEHOLDERS);
    }

    @Test
    void versionOneModelsSeeContactDetailsAsWrittenUnlessTheyAskedForTokens() {
        var text = TextNormalizer.normalize("Call 0300-1234567 or visit cheap-ads.com");
        var prepared = new Prepared(text, SignalExtractor.extract(Comment.of(text.raw()), text, null, false, null, 1));
        var plain = new FeatureSettings(NgramSettings.DEFAULT, true, FeatureSettings.DEFAULT_SIGNAL_WEIGHT, FeatureSettings.NgramText.WRITTEN, 1);
        assertThat(plain.ngramText(prepared)).contains("0300-1234567").contains("cheap-ads.com");
        var tokens = new FeatureSettings(NgramSettings.DEFAULT, true, FeatureSettings.DEFAULT_SIGNAL_WEIGHT, FeatureSettings.NgramText.PLACEHOLDERS, 1);
        assertThat(tokens.ngramText(prepared)).contains("xphonex").contains("xurlx").doesNotContain("0300");
    }

    @Test
    void versionTwoMarksEachLinkByWhatItPointsToAndOnlyRealPhoneNumbers() {
        Comment c = Comment.builder().site("https://www.harbourtimes.co.uk/")
                .text("Call 0300-1234567, see https://github.com/psf/requests/issues/6432 or harbourtimes.co.uk/faq,"
                        + " not best-cheap-roofing-leeds.com; version 3.11.4 build 20240611").build();
        var text = TextNormalizer.normalize(c.text());
        Contacts contacts = Contacts.of(c, text);
        var prepared = new Prepared(text, SignalExtractor.extract(c, text, null, false, contacts, FeatureSettings.CURRENT_VERSION), contacts);
        String marked = FeatureSettings.DEFAULT.ngramText(prepared);
        assertThat(marked).contains("xurlx xlinkref").contains("xurlx xlinkself").contains("xurlx xlinksales best cheap roofing leeds")
                .contains("xphonex 0300-1234567").contains("3.11.4 build 20240611").doesNotContain("github");
        assertThat(contacts.links()).containsExactly(Links.Kind.REFERENCE, Links.Kind.SELF, Links.Kind.COMMERCIAL);
        assertThat(prepared.signals().get(Signal.LINK_COMMERCIAL)).isEqualTo(1.0);
        assertThat(prepared.signals().get(Signal.LINK_SELF)).isEqualTo(1.0);
    }

    @Test
    void modelsWithoutAFeatureVersionAreVersionOne() {
        var old = new HashMap<>(FeatureSettings.DEFAULT.toMap());
        old.remove("featureVersion");
        old.remove("ngramText");
        assertThat(FeatureSettings.fromMap(old).version()).isEqualTo(1);
        assertThat(FeatureSettings.fromMap(old).signalCount()).isEqualTo(Signal.VERSION_1_COUNT);
        assertThat(FeatureSettings.fromMap(FeatureSettings.DEFAULT.toMap())).isEqualTo(FeatureSettings.DEFAULT);
    }

    @Test
    void theNgramTextIsRecordedByNameFromVersionFourAndReadFromTheFlagBefore() {
        for (FeatureSettings.NgramText text : FeatureSettings.NgramText.values()) {
            FeatureSettings settings = FeatureSettings.DEFAULT.withText(text);
            assertThat(settings.toMap()).containsEntry("ngramText", text.code());
            assertThat(FeatureSettings.fromMap(settings.toMap())).isEqualTo(settings);
        }
        var version3 = new HashMap<>(FeatureSettings.DEFAULT.toMap());
        version3.remove("ngramText");
        version3.put("featureVersion", "3");
        assertThat(FeatureSettings.fromMap(version3).text()).isEqualTo(FeatureSettings.NgramText.MARKED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FeatureSettings(NgramSettings.DEFAULT, true, 0.25,
                FeatureSettings.NgramText.WRITTEN, 3)).as("a version 3 file could not say so").isInstanceOf(IllegalArgumentException.class);
        version3.put("contactTokens", "true");
        assertThat(FeatureSettings.fromMap(version3).text()).isEqualTo(FeatureSettings.NgramText.PLACEHOLDERS);
    }

    @Test
    void writtenNgramTextKeepsLinksAndNumbersAsWritten() {
        Comment c = Comment.of("Call 0300-1234567 or see best-cheap-roofing-leeds.com/offer");
        var text = TextNormalizer.normalize(c.text());
        Contacts contacts = Contacts.of(c, text);
        var prepared = new Prepared(text, SignalExtractor.extract(c, text, null, false, contacts, FeatureSettings.CURRENT_VERSION), contacts);
        assertThat(FeatureSettings.DEFAULT.withText(FeatureSettings.NgramText.WRITTEN).ngramText(prepared))
                .isEqualTo("call 0300-1234567 or see best-cheap-roofing-leeds.com/offer");
        assertThat(FeatureSettings.DEFAULT.ngramText(prepared)).contains("xphonex", "xlinksales").doesNotContain(".com");
    }
}

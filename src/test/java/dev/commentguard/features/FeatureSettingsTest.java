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
        assertThat(FeatureSettings.fromMap(old).contactTokens()).isTrue();
    }

    @Test
    void versionOneModelsSeeContactDetailsAsWrittenUnlessTheyAskedForTokens() {
        var text = TextNormalizer.normalize("Call 0300-1234567 or visit cheap-ads.com");
        var prepared = new Prepared(text, SignalExtractor.extract(Comment.of(text.raw()), text, null, false, null, 1));
        var plain = new FeatureSettings(NgramSettings.DEFAULT, true, FeatureSettings.DEFAULT_SIGNAL_WEIGHT, false, 1);
        assertThat(plain.ngramText(prepared)).contains("0300-1234567").contains("cheap-ads.com");
        var tokens = new FeatureSettings(NgramSettings.DEFAULT, true, FeatureSettings.DEFAULT_SIGNAL_WEIGHT, true, 1);
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
        assertThat(FeatureSettings.fromMap(old).version()).isEqualTo(1);
        assertThat(FeatureSettings.fromMap(old).signalCount()).isEqualTo(Signal.VERSION_1_COUNT);
        assertThat(FeatureSettings.fromMap(FeatureSettings.DEFAULT.toMap())).isEqualTo(FeatureSettings.DEFAULT);
    }
}

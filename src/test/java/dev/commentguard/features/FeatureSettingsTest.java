package dev.commentguard.features;

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
    void ngramsSeeContactDetailsAsWrittenByDefault() {
        var text = TextNormalizer.normalize("Call 0300-1234567 or visit cheap-ads.com");
        assertThat(FeatureSettings.DEFAULT.ngramText(text)).contains("0300-1234567").contains("cheap-ads.com");
        var tokens = new FeatureSettings(NgramSettings.DEFAULT, true, FeatureSettings.DEFAULT_SIGNAL_WEIGHT, true);
        assertThat(tokens.ngramText(text)).contains("xphonex").contains("xurlx").doesNotContain("0300");
    }
}

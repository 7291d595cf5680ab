package dev.commentguard.features;

import dev.commentguard.Comment;
import dev.commentguard.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnchorsTest {

    @Test
    void anAnchorThatShowsItsOwnAddressHidesNothing() {
        assertThat(Anchors.allShowTheirAddress("Roar: <a href=\"https://youtu.be/CevxZvSJLk8\">https://youtu.be/CevxZvSJLk8</a> love it"))
                .isTrue();
        assertThat(Anchors.allShowTheirAddress("<a href=\"https://www.example.org/a/b/\" rel=\"nofollow ugc\">example.org/a/b</a>"))
                .as("scheme, www. and the closing slash aside").isTrue();
        assertThat(Anchors.allShowTheirAddress("<a href=\"https://example.org/guides/very-long-title?x=1&amp;y=2\">https://example.org/guides/very…</a>"))
                .as("cut short with an ellipsis").isTrue();
        assertThat(Anchors.allShowTheirAddress("[url]http://example.org/x[/url]")).isTrue();
        assertThat(Anchors.allShowTheirAddress("[url=http://example.org/x]example.org/x[/url]")).isTrue();
    }

    @Test
    void wordsInPlaceOfTheAddressHideIt() {
        assertThat(Anchors.allShowTheirAddress("Great post. <a href=\"http://cheap-dentist.ae\">Best dentist in Dubai</a>")).isFalse();
        assertThat(Anchors.allShowTheirAddress("<a href=\"https://a.org/x\">https://a.org/x</a> and <a href=\"http://pills.shop\">cheap pills</a>"))
                .as("one hides").isFalse();
        assertThat(Anchors.allShowTheirAddress("[url=http://pills.shop]cheap pills[/url]")).isFalse();
        assertThat(Anchors.allShowTheirAddress("[cheap pills](https://pills.shop/buy)")).isFalse();
        assertThat(Anchors.allShowTheirAddress("<a href=\"http://pills.shop\">http://other.org</a>")).as("another address").isFalse();
        assertThat(Anchors.allShowTheirAddress("<a href=\"http://pills.shop\">cheap pills")).as("never closed").isFalse();
        assertThat(Anchors.allShowTheirAddress("<a href=\"http://pills.shop/\">…</a>")).as("an ellipsis alone").isFalse();
    }

    @Test
    void featureVersion7ReadsAnAutoLinkedAddressAsNoAnchorTextAndEarlierVersionsAsBefore() {
        String text = "The official video: <a href=\"https://youtu.be/CevxZvSJLk8\">https://youtu.be/CevxZvSJLk8</a>";
        Comment c = Comment.of(text);
        var normalized = TextNormalizer.normalize(text);
        Contacts contacts = Contacts.of(c, normalized);
        assertThat(SignalExtractor.extract(c, normalized, null, false, contacts, 7).get(Signal.ANCHOR_TEXT)).isZero();
        assertThat(SignalExtractor.extract(c, normalized, null, false, contacts, 6).get(Signal.ANCHOR_TEXT)).isEqualTo(1.0);
        String hidden = "Great post. <a href=\"http://cheap-dentist.ae\">Best dentist in Dubai</a>";
        var h = TextNormalizer.normalize(hidden);
        assertThat(SignalExtractor.extract(Comment.of(hidden), h, null, false, Contacts.of(Comment.of(hidden), h), 7)
                .get(Signal.ANCHOR_TEXT)).isEqualTo(1.0);
    }
}

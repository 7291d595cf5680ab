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
        assertThat(Anchors.allShowTheirAddress("<a href=\"https://best-dentist.ae\">Best…</a>")).as("cut inside the host").isFalse();
        assertThat(Anchors.allShowTheirAddress("<a title=\"see href=https://x.org/a\" href=\"https://pills.shop\">https://x.org/a</a>"))
                .as("href inside another attribute's value").isFalse();
        assertThat(Anchors.allShowTheirAddress("<a href=\"https://pills.shop\">https://pills.shop</abbr> cheap pills</a>"))
                .as("</abbr> closes nothing").isFalse();
        assertThat(Anchors.allShowTheirAddress("[url =https://pills.shop]cheap pills[/url]")).isFalse();
        assertThat(Anchors.allShowTheirAddress("[url title=x]https://pills.shop[/url]")).isFalse();
    }

    @Test
    void entitiesAndQuotesAsCommentSystemsWriteThemStillShowTheAddress() {
        assertThat(Anchors.allShowTheirAddress("<a href=\"https://x.org/?a=1&#038;b=2\">https://x.org/?a=1&amp;b=2</a>")).isTrue();
        assertThat(Anchors.allShowTheirAddress("<a href=\"https://x.org/a/b/c\">https://x.org/a&hellip;</a>")).isTrue();
        assertThat(Anchors.allShowTheirAddress("[url=\"http://x.org/a\"]http://x.org/a[/url]")).isTrue();
        assertThat(Anchors.allShowTheirAddress("<A HREF='https://x.org/a' rel=nofollow>https://x.org/a\u00a0</A>")).isTrue();
    }

    @Test
    void aTextOfUnclosedTagsInsideAnAnchorIsReadToItsEnd() {
        assertThat(Anchors.allShowTheirAddress("<a href=\"x\">" + "<".repeat(19_000) + "</a>")).isFalse();
        assertThat(Anchors.allShowTheirAddress("<a href=\"https://x.org/a\">https://x.org/a" + "<b>".repeat(5_000) + "</a>")).isTrue();
    }
}

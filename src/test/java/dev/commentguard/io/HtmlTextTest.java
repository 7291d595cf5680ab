package dev.commentguard.io;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTextTest {

    @Test
    void linksKeepTheirAddressAfterTheAnchorText() {
        assertThat(HtmlText.toText("Nice post <a href=\"http://cheap.example/bags\" rel=\"nofollow\">cheap bags</a>!"))
                .isEqualTo("Nice post cheap bags http://cheap.example/bags !");
        assertThat(HtmlText.toText("<a href='https://x.example/'>https://x.example</a>")).as("said once").isEqualTo("https://x.example");
        assertThat(HtmlText.toText("<a data-href=\"a\" href=x.example/page>here</a>")).isEqualTo("here x.example/page");
        assertThat(HtmlText.toText("<a href=\"http://a.example/?a=1&amp;b=2\">go")).isEqualTo("go http://a.example/?a=1&b=2");
    }

    @Test
    void anAddressIsReadAsTheScorerReadsIt() {
        // the same reading of attributes and of "the text is the address" as the scorer's (Markup)
        assertThat(HtmlText.toText("<a title=\"see href=https://x.example\" href=\"http://shop.example\">cheap</a>"))
                .as("a name inside another attribute's value").isEqualTo("cheap http://shop.example");
        assertThat(HtmlText.toText("<a href=\"https://www.x.example/a\">x.example/a</a>")).as("said once").isEqualTo("x.example/a");
        assertThat(HtmlText.toText("<a href=\"https://best-dentist.example/\">Best…</a>")).isEqualTo("Best… https://best-dentist.example/");
    }

    @Test
    void anImageSaysItsAltTextElseWhereItIs() {
        // An image-only comment was read as empty, and stopped training and the scoring of the whole export.
        assertThat(HtmlText.toText("<img src=\"https://img.example/s.png\" />")).isEqualTo("https://img.example/s.png");
        assertThat(HtmlText.toText("so good <img class=\"wp-smiley\" alt=\"😀\" src=\"https://s.w.org/1f600.png\">"))
                .as("WordPress's emoji").isEqualTo("so good 😀");
        assertThat(HtmlText.toText("<a href=\"http://shop.example\"><img src=\"b.png\"></a>")).isEqualTo("b.png http://shop.example");
    }

    @Test
    void paragraphsBecomeLinesAndReferencesAreDecoded() {
        assertThat(HtmlText.toText("<!-- wp:paragraph --><p>First&nbsp;one &amp; more&#8230;</p>\n<!-- /wp:paragraph -->"
                + "<p>Second<br/>line &rsquo;s &unknown; a&lt;b</p>")).isEqualTo("First one & more…\n\nSecond\nline ’s &unknown; a<b");
        assertThat(HtmlText.toText("line one\n\n\n\nline   two  ")).isEqualTo("line one\n\nline two");
        assertThat(HtmlText.toText("<script>alert(1)</script><style>p{}</style>text")).isEqualTo("text");
        assertThat(HtmlText.toText("3 < 5 and <b>bold</b> and < unclosed")).isEqualTo("3 < 5 and bold and < unclosed");
        assertThat(HtmlText.toText("<p>one</p><p>two</p>")).as("paragraphs apart").isEqualTo("one\n\ntwo");
    }
}

package dev.commentguard.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void foldsFullWidthDigitsAndLettersWithNfkc() {
        assertThat(TextNormalizer.clean("Ｃａｌｌ ０３００")).isEqualTo("call 0300");
    }

    @Test
    void removesZeroWidthCharacters() {
        assertThat(TextNormalizer.clean("wh\u200Bats\u200Dapp me")).isEqualTo("whatsapp me");
    }

    @Test
    void foldsCyrillicAndGreekLookAlikes() {
        assertThat(TextNormalizer.clean("Cаll nоw")).isEqualTo("call now"); // Cyrillic а and о
        assertThat(TextNormalizer.clean("ΒΟΝUS")).isEqualTo("bonus");       // Greek Β and Ο
    }

    @Test
    void joinsLettersAndDigitsSpacedOrDottedApart() {
        assertThat(TextNormalizer.clean("c a l l me on w.h.a.t.s.a.p.p")).isEqualTo("call me on whatsapp");
        assertThat(TextNormalizer.clean("0 3 0 0 1 2 3 4 5 6 7")).isEqualTo("03001234567");
        assertThat(TextNormalizer.clean("a nice day in the U.K.")).isEqualTo("a nice day in the u.k.");
    }

    @Test
    void readsDigitsStandingForLettersInsideWordsOnly() {
        assertThat(TextNormalizer.clean("Fr33 c4sh 0nline")).isEqualTo("free cash online");
        assertThat(TextNormalizer.clean("my mp3 player, 2019 and 4g, room 101b")).isEqualTo("my mp3 player, 2019 and 4g, room 101b");
    }

    @Test
    void repairsObfuscatedLinksAndAddresses() {
        assertThat(TextNormalizer.clean("see example dot com now")).isEqualTo("see example.com now");
        assertThat(TextNormalizer.clean("Email drkamauspells @ yahoo . com today")).isEqualTo("email drkamauspells@yahoo.com today");
        assertThat(TextNormalizer.clean("write hackwizard@ outlook. com or privatelender @ gmx dot com"))
                .isEqualTo("write hackwizard@outlook.com or privatelender@gmx.com");
        assertThat(TextNormalizer.clean("phishing mails from @blockwire-news.com, not from us"))
                .as("a domain after a word and an at sign, nothing spaced after it").isEqualTo("phishing mails from @blockwire-news.com, not from us");
        assertThat(TextNormalizer.clean("like the dot com bubble, a dot com era startup"))
                .as("the era, not an address").isEqualTo("like the dot com bubble, a dot com era startup");
        assertThat(TextNormalizer.clean("shopnow dot com boom")).isEqualTo("shopnow dot com boom");
        assertThat(TextNormalizer.clean("I saw a red dot in the sky, polka dot me and my sister, a red dot in 2019"))
                .as("words after a domain that is also a word").isEqualTo("i saw a red dot in the sky, polka dot me and my sister, a red dot in 2019");
        assertThat(TextNormalizer.clean("sold at punesale dot in, wa dot me slash 4477, craftysell dot co today"))
                .isEqualTo("sold at punesale.in, wa.me slash 4477, craftysell.co today");
        assertThat(TextNormalizer.clean("see example[.]com")).isEqualTo("see example.com");
        assertThat(TextNormalizer.clean("hxxp://bad.example.org/x")).isEqualTo("http://bad.example.org/x");
        assertThat(TextNormalizer.clean("write to john.doe at gmail dot com")).isEqualTo("write to john.doe@gmail.com");
    }

    @Test
    void unwrapsHtmlAndBbcodeLinksKeepingAnchorAndAddress() {
        assertThat(TextNormalizer.clean("<a href=\"http://cheap.example.com\">best dentist</a>"))
                .isEqualTo("best dentist http://cheap.example.com");
        assertThat(TextNormalizer.clean("see <A HREF='http://a.example.com' target=_blank>first</a> and <b>bold</b> "
                + "<a name=x>no link</a> then <a href=http://b.example.com>second</a>!"))
                .isEqualTo("see first http://a.example.com and bold no link then second http://b.example.com !");
        assertThat(TextNormalizer.clean("[url=http://x.example.com]cheap loans[/url]"))
                .isEqualTo("cheap loans http://x.example.com");
        assertThat(TextNormalizer.clean("<a href=https://pills.example.com/>cialis")).isEqualTo("cialis https://pills.example.com/");
        assertThat(TextNormalizer.clean("<a href=http://pills.example.com>")).isEqualTo("http://pills.example.com");
        assertThat(TextNormalizer.clean("<a href=http://a.example.com>one</a> and <a href=http://b.example.com>two"))
                .isEqualTo("one http://a.example.com and two http://b.example.com");
        assertThat(TextNormalizer.clean("<a href=http://x.example.com>cheap <a href=http://y.example.com>pills"))
                .isEqualTo("cheap http://x.example.com pills http://y.example.com");
        assertThat(TextNormalizer.clean("<a href=http://x.example.com>the <abbr>NHS</abbr> site</a>"))
                .isEqualTo("the nhs site http://x.example.com");
    }

    @Test
    void canonicalTextReplacesContactDetailsWithPlaceholders() {
        NormalizedText t = TextNormalizer.normalize("Call +92 300 1234567 or visit www.shop.example.com or mail a@b.com");
        assertThat(t.phones()).hasSize(1);
        assertThat(t.urls()).containsExactly("www.shop.example.com");
        assertThat(t.emails()).containsExactly("a@b.com");
        assertThat(t.canonical()).isEqualTo("call xphonex or visit xurlx or mail xemailx");
    }

    @Test
    void decodesHtmlCharacterReferencesAndDropsTags() {
        assertThat(TextNormalizer.clean("I don&#39;t know &amp; <br />don&#x27;t care")).isEqualTo("i don't know & don't care");
    }

    @Test
    void keepsRawTextForFeaturesThatNeedIt() {
        NormalizedText t = TextNormalizer.normalize("SHOUT!!!");
        assertThat(t.raw()).isEqualTo("SHOUT!!!");
        assertThat(t.clean()).isEqualTo("shout!!!");
    }

    @Test
    void capsVeryLongTextSoThatScoringStaysBounded() {
        String huge = "a".repeat(TextNormalizer.MAX_CHARS * 3);
        assertThat(TextNormalizer.clean(huge)).hasSize(TextNormalizer.MAX_CHARS);
    }

    @Test
    void collapsesEveryKindOfSpaceTheRegularExpressionSawAsSpace() {
        assertThat(TextNormalizer.collapseWhitespace("a  b\t\tc\nd\u000B\fe\r\n f")).isEqualTo("a b c d e f");
        assertThat(TextNormalizer.collapseWhitespace("one space each")).isSameAs("one space each".intern());
        assertThat(TextNormalizer.collapseWhitespace("\u00a0keeps\u2028other spaces")).isEqualTo("\u00a0keeps\u2028other spaces");
        assertThat(TextNormalizer.collapseWhitespace("  ")).isEqualTo(" ");
        assertThat(TextNormalizer.collapseWhitespace("")).isEmpty();
    }

    @Test
    void stepsSkippedForPlainTextStillRunWhenNeeded() {
        // Each of these needs one of the steps a quick look lets most comments skip.
        assertThat(TextNormalizer.clean("HXXPS://x.com")).isEqualTo("https://x.com");
        assertThat(TextNormalizer.clean("site(dot)com")).contains("site.com");
        assertThat(TextNormalizer.clean("shop DOT com")).isEqualTo("shop.com");
        assertThat(TextNormalizer.clean("jo AT Gmail dot com")).isEqualTo("jo@gmail.com");
        assertThat(TextNormalizer.clean("ｗｗｗ")).isEqualTo("www");
    }
}

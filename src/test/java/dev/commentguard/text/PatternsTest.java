package dev.commentguard.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatternsTest {

    @ParameterizedTest
    @ValueSource(strings = {"+1 (888) 555-0199", "1-800-555-0142", "0300-1234567", "+44 7700 900123",
            "+234 803 555 0101", "+91 98765 43210", "0800 123 4567", "(020) 7946 0018"})
    void findsPhoneNumbersInInternationalAndLocalForms(String number) {
        assertThat(Patterns.phoneNumbers("ring " + number + " today")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"in 2019 and 2020", "on 2017-05-21", "cost 1,250,000 dollars", "at 10:30", "scored 3-1"})
    void ignoresYearsDatesAmountsAndScores(String text) {
        assertThat(Patterns.phoneNumbers(text)).isEmpty();
    }

    @Test
    void findsLinksWithAndWithoutScheme() {
        assertThat(Patterns.urls("go to https://a.example.com/x?y=1, www.b.example.org or cheapdeals.shop now"))
                .containsExactly("https://a.example.com/x?y=1", "www.b.example.org", "cheapdeals.shop");
        assertThat(Patterns.urls("Please visit this Website: oldchat.tk")).as("a free domain spam favours").containsExactly("oldchat.tk");
        assertThat(Patterns.urls("join before it goes private: discord.gg/solgems, or sklep-tani.pl")).as("community and country domains")
                .containsExactly("discord.gg/solgems", "sklep-tani.pl");
        assertThat(Patterns.urls("saved the weights to best.pt, e.g. this")).isEmpty();
        assertThat(Patterns.urls("i will ask my mom and send you.my mom is out of reach now")).as("a run-on sentence").isEmpty();
        assertThat(Patterns.urls("I like this song for two reasons: 1.it is about Africa")).as("a list number").isEmpty();
        assertThat(Patterns.urls("my life should happen around her.my life, and ME.IN the end")).isEmpty();
        assertThat(Patterns.urls("loans at kta-cepat.id, pics on you.my/gallery, or it.in.example.com and ask.my"))
                .as("real hosts, a path, a further label").containsExactly("kta-cepat.id", "you.my/gallery", "it.in.example.com", "ask.my");
        assertThat(Patterns.urls("short link is.gd and the group on ok.ru")).containsExactly("is.gd", "ok.ru");
    }

    @Test
    void recognisesShorteners() {
        assertThat(Patterns.isShortener("http://bit.ly/abc")).isTrue();
        assertThat(Patterns.isShortener("https://www.example.com/abc")).isFalse();
    }

    @Test
    void findsMoneyAndMessengers() {
        assertThat(Patterns.MONEY.matcher("only $49.99 today").find()).isTrue();
        assertThat(Patterns.MONEY.matcher("earn 500 dollars").find()).isTrue();
        assertThat(Patterns.MESSENGER.matcher("message me on telegram").find()).isTrue();
        assertThat(Patterns.MONEY.matcher("three cats").find()).isFalse();
    }

    @Test
    void hostileInputIsMatchedInLinearTime() {
        String hostile = "a".repeat(200_000) + "@" + "b.".repeat(50_000);
        long start = System.nanoTime();
        Patterns.emails(hostile);
        Patterns.urls(hostile);
        Patterns.phoneNumbers("1 ".repeat(100_000));
        for (String messengers : List.of("whatsapp ".repeat(20_000), "telegram 1 ".repeat(20_000), "whatsapp " + "1 ".repeat(50_000),
                " @abc".repeat(30_000) + " telegram", "contact me on the ".repeat(20_000) + "signal.",
                "escríbeme a ".repeat(20_000), "1x".repeat(50_000) + " whatsapp", "whatsapp" + ", ".repeat(50_000))) {
            Patterns.MESSENGER_CONTACT.matcher(messengers).find();
        }
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
    }

    @Test
    void theQuickLookForLinksNeverHidesOne() {
        for (String text : new String[] {"see example.com", "WWW.X", "ftp://a", "go to x.Io now", "a.b.c.d.org/x?y=1"}) {
            assertThat(Patterns.mayHoldUrl(text)).as(text).isTrue();
            assertThat(Patterns.urls(text)).as(text).isNotEmpty();
        }
        for (String text : new String[] {"no link here. None at all.", "3.5 percent", "end.", "..."}) {
            assertThat(Patterns.mayHoldUrl(text)).as(text).isFalse();
            assertThat(Patterns.URL.matcher(text).find()).as(text).isFalse();
        }
    }
}

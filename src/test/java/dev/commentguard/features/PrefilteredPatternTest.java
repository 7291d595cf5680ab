package dev.commentguard.features;

import dev.commentguard.TestData;
import dev.commentguard.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-filtered search answers exactly what the plain search answers. */
class PrefilteredPatternTest {

    /** One or more phrases for every alternative of the two lexicon patterns, and near misses. */
    private static final List<String> PHRASES = List.of(
            "thanks for sharing", "thank you so much for the post", "thanks a lot for this", "very nice post", "really good article",
            "so great read", "quite useful info", "most helpful content", "nice post", "good article", "great blog", "informative site",
            "helpful information", "useful stuff", "amazing piece", "awesome work", "excellent writeup", "outstanding write-up",
            "wonderful share", "fantastic website", "superb topic", "interesting read", "valuable content", "fabulous post",
            "impressive work", "brilliant article", "keep it up", "keep up the good work", "keep posting", "keep sharing",
            "keep writing", "i enjoyed reading your post", "i really like this article", "i truly appreciate the content",
            "i loved your site", "bookmarked", "bookmark", "your site is very helpful", "this blog was so informative",
            "very informative", "really helpful", "so useful", "looking forward to your next post", "looking forward to more updates",
            "call +92", "call (0300)", "call 0300", "call us", "call me now", "contact us", "contact them", "visit our",
            "visit the website", "click here", "click on the link", "check out my", "check our ", "whatsapp me", "text me",
            "dm us", "message him", "subscribe", "follow my", "order now", "apply today", "sign up", "register here",
            "book your", "reach out", "for more info visit", "for details, call", "for help whatsapp", "email me", "mail us",
            "get in touch", "get it now", "buy today", "go to our", "toll free", "toll-free", "tollfree", "hotline", "helpline",
            // near misses: inside words, or phrases cut short
            "recall us", "xemail me", "also nice", "thankful", "greatest post", "recontact us", "unsubscribed", "so  helpful",
            "the hotlines", "i am", "this is", "your call", "for me",
            // messengers
            "whatsapp me", "whats app", "whatsap", "watsapp", "wa.me/123", "telegram", "t.me/x", "viber", "signal", "wechat",
            "kik", "imo", "somewhatsapp", "imogen", "kiko",
            // amounts
            "$49", "£1,500", "€ 20", "₹999", "₦5000", "¥300", "usd 50", "gbp20", "eur 1.5m", "rs. 500", "rs 500", "inr 20k",
            "pkr 3000", "ngn 50000", "kes 200", "php 99", "500 dollars", "20 pounds", "3 euros", "100 rupees", "5000 naira",
            "20 bucks", "1.5 usd", "30eur", "oursusd 5", "years 20", "x$5", "5,000,000 bn", "2 million dollars");

    @Test
    void agreesWithThePlainSearchOnEveryPhraseAndTheCorpus() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String phrase : PHRASES) {
            texts.add(phrase);
            texts.add("well, " + phrase + " and more");
            texts.add("x" + phrase);
        }
        List<String> raw = TestData.corpusTextsAndDisguises();
        for (String r : raw) {
            texts.add(TextNormalizer.clean(r));
        }
        int praise = 0;
        int action = 0;
        int messenger = 0;
        int money = 0;
        for (String text : texts) {
            money += check(Lexicon.MONEY_SEARCH, text.toLowerCase(java.util.Locale.ROOT));
            praise += check(Lexicon.GENERIC_PRAISE_SEARCH, text);
            action += check(Lexicon.CALL_TO_ACTION_SEARCH, text);
            messenger += check(Lexicon.MESSENGER_SEARCH, text.toLowerCase(java.util.Locale.ROOT));
        }
        // Both patterns do match, often: the comparison is not between two searches that never find anything.
        assertThat(praise).isGreaterThan(500);
        assertThat(action).isGreaterThan(500);
        assertThat(messenger).isGreaterThan(100);
        assertThat(money).isGreaterThan(500);
    }

    private static int check(PrefilteredPattern search, String text) {
        boolean expected = search.pattern().matcher(text).find();
        assertThat(search.find(text)).as("%s in \"%s\"", search.pattern().pattern().substring(0, 20), text).isEqualTo(expected);
        return expected ? 1 : 0;
    }

    @Test
    void lookBehindAndWordBoundariesSeeTheTextBeforeThePlaceTried() {
        PrefilteredPattern p = new PrefilteredPattern(Pattern.compile("(?<!x)\\bab"), List.of("ab"));
        assertThat(p.find("xab")).isFalse();
        assertThat(p.find("cab ab")).isTrue();
        assertThat(p.find("x ab")).isTrue();
        assertThat(p.find("cab")).isFalse();
    }
}

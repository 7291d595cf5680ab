package dev.commentguard.features;

import dev.commentguard.Article;
import dev.commentguard.Comment;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignalExtractorTest {

    private static final Article ARTICLE = Article.of("Council approves new tram line",
            "The city council voted on Tuesday to approve a new tram line between the station and the university. "
                    + "Construction is expected to begin next spring and last two years. Residents raised concerns about noise.");

    private static SignalValues signals(Comment c) {
        ArticleContext ctx = c.article() == null ? null : ArticleContext.of(c.article());
        return SignalExtractor.extract(c, TextNormalizer.normalize(c.text()), ctx, false);
    }

    @Test
    void contactDetailsFire() {
        SignalValues s = signals(Comment.of("Call +1 (888) 555-0199 or WhatsApp me, see bit.ly/abc and mail x@y.com"));
        assertThat(s.get(Signal.PHONE)).isEqualTo(1);
        assertThat(s.get(Signal.MESSENGER)).isEqualTo(1);
        assertThat(s.get(Signal.LINK)).isEqualTo(1);
        assertThat(s.get(Signal.SHORTENER)).isEqualTo(1);
        assertThat(s.get(Signal.EMAIL)).isEqualTo(1);
        assertThat(s.get(Signal.CALL_TO_ACTION)).isEqualTo(1);
        assertThat(signals(Comment.of("Call 0300-1234567 for free ads")).get(Signal.CALL_TO_ACTION)).isEqualTo(1);
    }

    @Test
    void aMessengerNamedIsNotAMessengerToReach() {
        for (String given : List.of("Trading tips daily, WhatsApp +44 7700 900123", "forex signals, contact Mr Dale on telegram",
                "join t.me/gemhunters now", "Escríbeme por WhatsApp y te explico", "Ganhe R$ 200 por dia, me chama no WhatsApp",
                "Pandit ji ka WhatsApp number profile me", "iptv 20k channels, all sports, whatsapp")) {
            assertThat(signals(Comment.of(given)).get(Signal.MESSENGER)).as(given).isEqualTo(1);
        }
        for (String named : List.of("Real support never messages you first. Anyone on Telegram offering help is a scammer.",
                "My aunt got a 'wrong number' on WhatsApp, then two weeks of chat, then a trading app.",
                "Como saber se um perfil do Telegram é oficial de uma corretora?",
                "The Signal Fade demo at 4:10 made me jump", "Shared with my family WhatsApp group, three of them are affected.",
                "imo the 2010-2015 period was worse", "the zimmermann telegram of 1917-1918",
                "whatsapp (2009-2014) was bought by facebook", "from 2015-2020 telegram usage doubled",
                "telegram desktop looks blurry at 1920x1080", "whatsapp v2.24.10.85 broke backups",
                "background: https://en.wikipedia.org/wiki/telegram", "my vote: whatsapp", "which one do you use - whatsapp?",
                "i use signal, telegram, whatsapp")) {
            assertThat(signals(Comment.of(named)).get(Signal.MESSENGER)).as(named).isZero();
        }
    }

    @Test
    void theSitesOwnStaffAreNotReadAsKeywords() {
        Comment staff = new Comment("1", "Yes, enter your VAT ID at checkout and the invoice shows it.", "Priya (FormWright Support)",
                "https://support.formwright.io/", "", null);
        assertThat(signals(staff).get(Signal.AUTHOR_KEYWORDS)).isEqualTo(1);
        assertThat(signals(staff.withSite("https://support.formwright.io", "")).get(Signal.AUTHOR_KEYWORDS)).isZero();
        assertThat(signals(staff.withSite("https://www.othersite.org", "")).get(Signal.AUTHOR_KEYWORDS)).isEqualTo(1);
        Comment onSite = staff.withSite("https://support.formwright.io", "");
        var text = TextNormalizer.normalize(onSite.text());
        assertThat(SignalExtractor.extract(onSite, text, null, false, Contacts.of(onSite, text), 2).get(Signal.AUTHOR_KEYWORDS))
                .as("feature version 2 keeps its signal").isEqualTo(1);
    }

    @Test
    void featureVersionTwoCountsEveryMessengerNamed() {
        String named = "Anyone on Telegram offering to recover your coins is a scammer.";
        assertThat(signal(named, 2, Signal.MESSENGER)).isEqualTo(1);
        assertThat(signal(named, 3, Signal.MESSENGER)).isZero();
    }

    @Test
    void plainOpinionFiresNoPromotionalSignal() {
        SignalValues s = signals(Comment.of("I doubt the council can finish this in two years, they never do."));
        for (Signal signal : List.of(Signal.PHONE, Signal.LINK, Signal.EMAIL, Signal.CALL_TO_ACTION, Signal.GENERIC_PRAISE,
                Signal.KEYWORD_LIST, Signal.SHOUTING)) {
            assertThat(s.get(signal)).as(signal.code()).isZero();
        }
    }

    @Test
    void theShareCopiedCountsEachDistinctShingleOnce() {
        Article article = Article.of("Foxes", "The quick brown fox jumps over the lazy dog.");
        // seven four-word windows, six distinct; one of them ("the quick brown fox") is the article's
        SignalValues s = signals(Comment.builder().text("the quick brown fox the quick brown fox runs home")
                .article(article).build());
        assertThat(s.get(Signal.COPIED_FROM_ARTICLE)).isEqualTo(1 / 6.0);
        assertThat(s.copiedSentenceShare()).isEqualTo(1 / 6.0); // one of the sentence's six shingles
        // every word is the article's, no four of them in its order
        SignalValues shuffled = signals(Comment.builder().text("dog lazy the over jumps fox brown quick the")
                .article(article).build());
        assertThat(shuffled.get(Signal.COPIED_FROM_ARTICLE)).isZero();
    }

    @Test
    void pastedArticleSentenceIsCopiedAndUnrelatedArticleIsNot() {
        String pasted = "Construction is expected to begin next spring and last two years.";
        SignalValues under = signals(Comment.builder().text(pasted).article(ARTICLE).build());
        assertThat(under.get(Signal.COPIED_FROM_ARTICLE)).isEqualTo(1.0);
        assertThat(under.copiedSentenceShare()).isEqualTo(1.0);
        Article other = Article.of("Local bakery wins award", "A family bakery in the old town won a national prize for its rye bread.");
        SignalValues elsewhere = signals(Comment.builder().text(pasted).article(other).build());
        assertThat(elsewhere.get(Signal.COPIED_FROM_ARTICLE)).isZero();
    }

    @Test
    void offTopicNeedsAnArticleAndEnoughWords() {
        Comment offTopic = Comment.builder().text("My grandmother's lasagne recipe uses nutmeg, ricotta and homemade pasta sheets")
                .article(ARTICLE).build();
        assertThat(signals(offTopic).get(Signal.OFF_TOPIC)).isEqualTo(1);
        assertThat(signals(offTopic.withArticle(null)).get(Signal.OFF_TOPIC)).isZero();
    }

    @Test
    void genericPraiseShoutingAndRepetition() {
        assertThat(signals(Comment.of("Thank you for sharing this information")).get(Signal.GENERIC_PRAISE)).isEqualTo(1);
        assertThat(signals(Comment.of("Great article on the tram line, but the 2019 cost figures quoted are wrong"))
                .get(Signal.GENERIC_PRAISE)).isLessThan(0.5);
        assertThat(signals(Comment.of("THIS IS A TOTAL DISGRACE")).get(Signal.SHOUTING)).isEqualTo(1);
        assertThat(signals(Comment.of("Sooooooooooo")).get(Signal.REPEATED_CHARACTERS)).isGreaterThan(0.5);
        assertThat(signals(Comment.of("spam spam spam spam spam spam lovely")).get(Signal.REPEATED_WORDS)).isGreaterThan(0);
    }

    @Test
    void keywordStuffedListFires() {
        assertThat(TextShape.keywordList("cheap flights, cheap flights dubai, best flight deals, flights to london, "
                + "cheap tickets, budget airlines")).isGreaterThan(0);
        assertThat(TextShape.keywordList("I went, I saw, and I left.")).isZero();
    }

    @Test
    void authorSignals() {
        SignalValues s = signals(Comment.builder().text("nice article").author("Best Printer Support Number")
                .authorUrl("http://printer-help.example.com").build());
        assertThat(s.get(Signal.AUTHOR_KEYWORDS)).isEqualTo(1);
        assertThat(s.get(Signal.AUTHOR_URL)).isEqualTo(1);
        assertThat(ContactSignals.commercialAuthor("Maria Lopez", FeatureSettings.CURRENT_VERSION)).isFalse();
    }

    @Test
    void aLongAuthorNameIsKeywordsOnlyForWhatItSaysFromFeatureVersionFive() {
        for (String joke : List.of("This Is Really Not Lois Arceo", "Trevor B, East Stand since 1971")) {
            assertThat(ContactSignals.commercialAuthor(joke, 4)).as(joke).isTrue();
            assertThat(ContactSignals.commercialAuthor(joke, 5)).as(joke).isFalse();
        }
        for (String advert : List.of("Best Printer Support Number USA", "Cheap Flights To Dubai Online", "flights4less.com")) {
            assertThat(ContactSignals.commercialAuthor(advert, 5)).as(advert).isTrue();
        }
        Comment c = Comment.builder().text("NEW GOAL! 3,000,000! Let's go for it!").author("This Is Really Not Lois Arceo").build();
        NormalizedText text = TextNormalizer.normalize(c.text());
        assertThat(SignalExtractor.extract(c, text, null, false, Contacts.of(c, text), 4).get(Signal.AUTHOR_KEYWORDS)).isEqualTo(1);
        assertThat(SignalExtractor.extract(c, text, null, false, Contacts.of(c, text), 5).get(Signal.AUTHOR_KEYWORDS)).isZero();
    }

    @Test
    void aReadersBlogOrProfileIsNotTheSignalOfAnAuthorsWebSiteButATokenOfItsOwn() {
        Prepared blog = FeaturePipeline.prepareAll(List.of(Comment.builder().text("Mine sank in the middle, any idea why?")
                .authorUrl("https://lindakcooks.wordpress.com/").build()), 2).get(0);
        assertThat(blog.signals().get(Signal.AUTHOR_URL)).isZero();
        assertThat(blog.contacts().markedText()).endsWith(Contacts.AUTHOR_URL_TOKEN + " " + Links.Kind.PERSONAL.token());
        Prepared shop = FeaturePipeline.prepareAll(List.of(Comment.builder().text("Mine sank in the middle, any idea why?")
                .authorUrl("https://www.best-roofing-leeds.co.uk/").build()), 2).get(0);
        assertThat(shop.signals().get(Signal.AUTHOR_URL)).isEqualTo(1);
        assertThat(shop.contacts().markedText()).endsWith(Contacts.AUTHOR_URL_TOKEN + " " + Links.Kind.COMMERCIAL.token()
                + " best roofing leeds");
    }

    @Test
    void praiseThatTurnsOnAButToAPointIsNotGenericFromFeatureVersionSix() {
        assertThat(signal("Nice article, but the dates are wrong.", 5, Signal.GENERIC_PRAISE)).isEqualTo(1.0);
        assertThat(signal("Nice article, but the dates are wrong.", 6, Signal.GENERIC_PRAISE)).isEqualTo(0.2);
        assertThat(signal("Nice article, but thanks", 6, Signal.GENERIC_PRAISE))
                .as("a but with nothing of its own after the praise").isEqualTo(1.0);
    }

    /** One signal of a comment alone, as a model of feature version {@code version} reads it. */
    private static double signal(String comment, int version, Signal signal) {
        Comment c = Comment.of(comment);
        NormalizedText text = TextNormalizer.normalize(c.text());
        return SignalExtractor.extract(c, text, null, false, Contacts.of(c, text), version).get(signal);
    }

    @Test
    void aCommentUnderAnArticleIsPostedOnTheArticlesSiteUnlessItGivesItsOwn() {
        Article article = new Article("a1", "Tram", "The new tram line.", "https://news.example.org",
                "https://news.example.org/2026/tram");
        Comment under = Comment.of("See the plans at https://news.example.org/2026/tram-map").withArticle(article);
        NormalizedText text = TextNormalizer.normalize(under.text());
        assertThat(Contacts.of(under, text).links()).containsExactly(Links.Kind.SELF);
        Comment elsewhere = under.withSite("https://other.example.com", "https://other.example.com/p/1");
        assertThat(Contacts.of(elsewhere, text).links()).doesNotContain(Links.Kind.SELF);
    }

    @Test
    void aNumberWrittenThreeTimesIsMarkedThreeTimesAndTheTextGrowsInLineWithIt() {
        Comment thrice = Comment.of("Call 0300-1234567 or 0300-1234567 or 0300-1234567 today");
        NormalizedText text = TextNormalizer.normalize(thrice.text());
        String marked = Contacts.of(thrice, text).markedText();
        assertThat(marked.split(NormalizedText.PHONE_TOKEN, -1)).as(marked).hasSize(4);
        assertThat(text.canonical().split(NormalizedText.PHONE_TOKEN, -1)).hasSize(4);
        Comment many = Comment.of("Call" + " or 0300-1234567".repeat(1000));
        NormalizedText manyText = TextNormalizer.normalize(many.text());
        assertThat(Contacts.of(many, manyText).markedText().length()).as("one token and one copy a number")
                .isLessThan(3 * many.text().length());
    }

    @Test
    void disguisedTextIsNoticedFromTheRawText() {
        assertThat(signals(Comment.of("Cаll nоw")).get(Signal.DISGUISED)).isEqualTo(1);
        assertThat(signals(Comment.of("wh\u200Batsapp")).get(Signal.DISGUISED)).isEqualTo(1);
        assertThat(signals(Comment.of("Привет, как дела?")).get(Signal.DISGUISED)).isZero();
    }

    @Test
    void duplicatesAreFoundWithinABatch() {
        List<Prepared> batch = FeaturePipeline.prepareAll(List.of(Comment.of("First!!"), Comment.of("first"),
                Comment.of("A genuine point about trams")), FeatureSettings.CURRENT_VERSION);
        assertThat(batch.get(0).signals().get(Signal.DUPLICATE)).isEqualTo(1);
        assertThat(batch.get(1).signals().get(Signal.DUPLICATE)).isEqualTo(1);
        assertThat(batch.get(2).signals().get(Signal.DUPLICATE)).isZero();
    }
}

package dev.commentguard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A block must be earned: what the rule holds for review, on a small model of the current feature version. */
class BlockRuleTest {

    private static final CommentScorer SCORER = CommentScorer.of(TestModels.small());

    /** A scorer that would block this comment on its score alone: the block threshold at its score. */
    private static Verdict atBlock(Comment c) {
        double score = SCORER.score(c).spamScore();
        return SCORER.withThresholds(new Thresholds(score, score)).score(c);
    }

    @Test
    void aCommentThatPromotesNothingIsHeldNotBlockedUnlessTheModelIsAllButCertain() {
        Comment plain = Comment.of("The mayor's plan is a bad idea and nobody asked us, sign up and vote against it");
        assertThat(SCORER.score(plain).spamScore()).isLessThan(BlockRule.NO_PAYLOAD_BLOCK);
        Verdict v = atBlock(plain);
        assertThat(v.action()).isEqualTo(Action.REVIEW);
        assertThat(v.reasons().get(0).message()).isEqualTo(BlockRule.NO_PAYLOAD);
        Comment salesCopy = Comment.of("Best deals online! Cheap printer support, earn money from home");
        assertThat(SCORER.score(salesCopy).spamScore()).isGreaterThanOrEqualTo(BlockRule.NO_PAYLOAD_BLOCK);
        assertThat(atBlock(salesCopy).action()).isEqualTo(Action.BLOCK);
    }

    @Test
    void linksToReferencesAndToTheSiteItselfAreNoPayload() {
        Comment ref = Comment.of("The mayor's plan is a bad idea, see https://en.wikipedia.org/wiki/Congestion_pricing");
        assertThat(atBlock(ref).reasons().get(0).message()).isEqualTo(BlockRule.NO_PAYLOAD);
        Comment own = Comment.builder().text("The mayor's plan is a bad idea, see www.harbourtimes.co.uk/news/plan")
                .site("https://www.harbourtimes.co.uk/").build();
        assertThat(atBlock(own).reasons().get(0).message()).isEqualTo(BlockRule.NO_PAYLOAD);
    }

    @Test
    void aSalesDomainOrTwoContactsLetTheBlockStand() {
        assertThat(atBlock(Comment.of("Best deals online! visit www.cheap-deals-online.com now")).action()).isEqualTo(Action.BLOCK);
        assertThat(atBlock(Comment.of("Cheap printer support call 0300-1234567 or whatsapp +1 555 201 7788")).action())
                .isEqualTo(Action.BLOCK);
    }

    @Test
    void oneSiteOrNumberGivenTwiceIsOneContact() {
        String rest = "The mayor's plan is a bad idea and nobody asked us.";
        for (String twice : List.of(" see mayorwatch.org or https://mayorwatch.org/plan", " see https://mayorwatch.org. or "
                + "https://mayorwatch.org/plan", " see https://mayorwatch.org, or https://mayorwatch.org/plan",
                " call 0300-1234567, again 0300-1234567",
                " call +44 7700 900844 or 07700 900844")) {
            Verdict v = atBlock(Comment.of(rest + twice));
            assertThat(v.action()).as(twice).isEqualTo(Action.REVIEW);
            assertThat(v.reasons().get(0).message()).isEqualTo(BlockRule.SINGLE_SIGNAL);
        }
        assertThat(atBlock(Comment.of(rest + " see mayorwatch.org or https://planfacts.org/plan")).action())
                .as("two sites").isEqualTo(Action.BLOCK);
        // the site's own address, whose local part ends like a domain ("customer.info"), is no contact and no link:
        // the one weak contact is planfacts.org, and it is what the rest of the comment is scored without
        Comment withOwnAddress = new Comment("", rest + " email customer.info@mayorwatch.org, see planfacts.org or "
                + "https://planfacts.org/plan", "", "", "", null, "https://mayorwatch.org", "");
        var text = dev.commentguard.text.TextNormalizer.normalize(withOwnAddress.text());
        assertThat(dev.commentguard.features.Contacts.of(withOwnAddress, text).linkTexts())
                .containsExactly("planfacts.org", "https://planfacts.org/plan");
        Verdict v = atBlock(withOwnAddress);
        assertThat(v.action()).isEqualTo(Action.REVIEW);
        assertThat(v.reasons().get(0).message()).isEqualTo(BlockRule.SINGLE_SIGNAL);
    }

    @Test
    void aSinglePhoneNumberThatAloneReachesTheThresholdIsHeld() {
        String rest = "The mayor's plan is a bad idea and nobody asked us.";
        Comment withNumber = Comment.of(rest + " call 0300-1234567");
        double with = SCORER.score(withNumber).spamScore();
        double without = SCORER.score(Comment.of(rest)).spamScore();
        assertThat(without).as("the number is what raises the score").isLessThan(with);
        Verdict v = atBlock(withNumber);
        assertThat(v.action()).isEqualTo(Action.REVIEW);
        assertThat(v.reasons().get(0).message()).isEqualTo(BlockRule.SINGLE_SIGNAL);
    }

    @Test
    void theRestOfACommentWithOneNumberMustScoreHalfWayFromReviewToBlock() {
        String rest = "The mayor's plan is a bad idea and nobody asked us.";
        Comment withNumber = Comment.of(rest + " call 0300-1234567");
        double with = SCORER.score(withNumber).spamScore();
        double without = SCORER.score(Comment.of(rest + " call")).spamScore(); // what the rule scores: the number taken out
        assertThat(without).isGreaterThan(0).isLessThan(with);
        double block = Math.min(with, 1.5 * without); // above the rest's score, at most the whole comment's
        double halfWayJustUnder = 2 * without - block - 1e-6;
        double halfWayJustOver = 2 * without - block + 1e-6;
        assertThat(SCORER.withThresholds(new Thresholds(halfWayJustUnder, block)).score(withNumber).action())
                .isEqualTo(Action.BLOCK);
        Verdict held = SCORER.withThresholds(new Thresholds(halfWayJustOver, block)).score(withNumber);
        assertThat(held.action()).isEqualTo(Action.REVIEW);
        assertThat(held.reasons().get(0).message()).isEqualTo(BlockRule.SINGLE_SIGNAL);
    }

    @Test
    void aMessengerGivenWithANumberIsAPayloadAndOneMerelyNamedIsNot() {
        String rest = "The mayor's plan is a bad idea and nobody asked us.";
        assertThat(atBlock(Comment.of(rest + " whatsapp me on 0300-1234567")).action()).isEqualTo(Action.BLOCK);
        for (String notBeside : List.of(" I got a WhatsApp about it from a stranger. Call 0300-1234567",
                " I will never ask you to contact me on Telegram. Call the office on 0300-1234567")) {
            Verdict v = atBlock(Comment.of(rest + notBeside));
            assertThat(v.action()).as(notBeside).isEqualTo(Action.REVIEW);
            assertThat(v.reasons().get(0).message()).as(notBeside).isEqualTo(BlockRule.SINGLE_SIGNAL);
        }
        Verdict nothingToReach = atBlock(Comment.of(rest + " I will never ask you to contact me on Telegram."));
        assertThat(nothingToReach.reasons().get(0).message()).isEqualTo(BlockRule.NO_PAYLOAD);
        assertThat(Payloads.numberBesideMessenger("whatsapp +44 7700 900844",
                List.of(new dev.commentguard.text.PhoneNumbers.Found("+44 7700 900844", dev.commentguard.text.PhoneNumbers.Type.OTHER))))
                .isTrue();
    }

    @Test
    void anAddressNamedForAScamIsAPayloadAndAPersonsIsOneWeakContact() {
        String rest = "The mayor's plan is a bad idea and nobody asked us. Write to ";
        assertThat(atBlock(Comment.of(rest + "rexdalton.hack@gmail.com")).action()).isEqualTo(Action.BLOCK);
        for (String person : List.of("hollie.brennan92@gmail.com", "jane.spellman@gmail.com")) {
            Verdict v = atBlock(Comment.of(rest + person));
            assertThat(v.action()).as(person).isEqualTo(Action.REVIEW);
            assertThat(v.reasons().get(0).message()).as(person).isEqualTo(BlockRule.SINGLE_SIGNAL);
        }
    }

    @Test
    void modelsOfFeatureVersionTwoKeepTheirVerdicts() {
        CommentScorer version2 = CommentScorer.of(TestModels.smallVersion2());
        String rest = "The mayor's plan is a bad idea and nobody asked us. ";
        for (String contact : List.of("whatsapp me on 0300-1234567", "Write to rexdalton.hack@gmail.com")) {
            Comment c = Comment.of(rest + contact);
            double score = version2.score(c).spamScore();
            Verdict v = version2.withThresholds(new Thresholds(score, score)).score(c);
            assertThat(v.action()).as(contact).isEqualTo(Action.REVIEW);
            assertThat(v.reasons().get(0).message()).as(contact).isEqualTo(BlockRule.SINGLE_SIGNAL);
        }
    }

    @Test
    void anAuthorSiteOfASalesNameIsAPayloadAndAnyOtherMustHaveTheRestReachTheBlock() {
        String text = "The mayor's plan is a bad idea and nobody asked us.";
        Comment reader = Comment.builder().text(text).authorUrl("https://kitchen-notes.example.net/").build();
        Verdict held = atBlock(reader);
        assertThat(held.action()).isEqualTo(Action.REVIEW);
        assertThat(held.reasons().get(0).message()).isEqualTo(BlockRule.SINGLE_SIGNAL);
        Comment seller = Comment.builder().text(text).authorUrl("https://www.best-roofing-leeds.co.uk/").build();
        assertThat(atBlock(seller).action()).isEqualTo(Action.BLOCK);
        Comment saysNothing = Comment.builder().text("nice post").authorUrl("https://kitchen-notes.example.net/").build();
        assertThat(atBlock(saysNothing).action()).as("praise that says nothing, carrying a web site").isEqualTo(Action.BLOCK);
        // a bare sales phrase that the model reads as neither a genuine comment nor mere praise, carrying a web site of
        // a name that sells nothing: without the site it scores below the bar, yet it is no reader's comment either
        Comment anchor = Comment.builder().text("Nice. loans online").authorUrl("https://kitchen-notes.example.net/").build();
        Verdict alone = SCORER.score(Comment.of(anchor.text()));
        assertThat(alone.spamScore()).as("below the bar without the site").isLessThan(SCORER.score(anchor).spamScore());
        assertThat(alone.probabilities().get("ok")).isLessThan(0.5);
        assertThat(alone.label()).isNotEqualTo("low_quality");
        assertThat(atBlock(anchor).action()).as("an anchor phrase, carrying a web site").isEqualTo(Action.BLOCK);
    }

    @Test
    void aContactWrittenToSlipPastAFilterIsAPayload() {
        String rest = "The mayor's plan is a bad idea and nobody asked us, sign up and vote against it. ";
        for (String hidden : List.of("Email drkamau @ yahoo . com",
                "whatsapp nine one, eight eight nine, one one",
                "Txt VOTE to 8 4 4 8 4 2 now", "follow me on insta @vote_against_it", "@vote.against.it on TikTok",
                "Email drkamau at gmail dot com", "details at vote-against-it[.]net", "more at voteagainstit dot org",
                "call 0 3 0 0 - 1 2 3 4 5 6 7")) {
            Verdict v = atBlock(Comment.of(rest + hidden));
            assertThat(v.action()).as(hidden).isEqualTo(Action.BLOCK);
        }
        assertThat(atBlock(Comment.of(rest + "@mike_t you are right about that")).reasons().get(0).message())
                .isEqualTo(BlockRule.NO_PAYLOAD);
        assertThat(List.of("name @ yahoo . com", "nine one eight eight nine zero one", "txt win to 84484"))
                .allMatch(HiddenContacts::hidden);
        assertThat(List.of("insta @some_shop", "follow @some_shop on tiktok")).allMatch(Payloads::pointsToAuthor);
        assertThat(List.of("@mike_t you are right", "one two three four five six, the count went on", "email me @ work",
                "text me at the meeting at 8", "instagram is full of ads, @mike_t", "version 2.0 at home . com"))
                .noneMatch(t -> HiddenContacts.hidden(t) || Payloads.pointsToAuthor(t));
        assertThat(List.of("Slots at BestSlots DOT com", "see hxxp://x.example", "name (at) gmail (dot) com",
                "mail jo at yahoo.co.uk", "bestslots[.]net", "drkamau @ yahoo . com", "hackwizard@ outlook. com",
                "his email is efemenaherbs at gmail", "streamboost dot gg"))
                .allMatch(s -> HiddenContacts.spelled(s, false));
        assertThat(List.of("the dot com bubble burst in 2000", "a dot com era relic", "I work at mail order",
                "array[i] is 0", "see https://example.com/a.b", "mail from @blockwire-news.com", "write to jo@example.com. Thanks",
                "the team at gmail", "my account at gmail", "friends at hotmail", "my inbox at gmail is full",
                "worked at yandex", "jonathan at gmail\u2019s office"))
                .noneMatch(s -> HiddenContacts.spelled(s, false));
        assertThat(HiddenContacts.spelled("call 0 3 0 0 1 2 3 4 5 6 7", true)).isTrue();
        assertThat(HiddenContacts.spelled("call 0 3 0 0 1 2 3 4 5 6 7", false)).as("no phone number found").isFalse();
        assertThat(HiddenContacts.spelled("we lost 3 - 1, won 2 0 at home; call 0300 1234567", true)).isFalse();
    }

    @Test
    void aChannelToFindOrAListOfSearchKeywordsIsAPayload() {
        String rest = "The mayor's plan is a bad idea and nobody asked us, sign up and vote against it. ";
        for (String pointer : List.of("Sub to my channel for more", "Link in bio", "Ask me how")) {
            assertThat(atBlock(Comment.of(rest + pointer)).action()).as(pointer).isEqualTo(Action.BLOCK);
        }
        assertThat(atBlock(Comment.of(rest + "Ask me how I know")).reasons().get(0).message()).isEqualTo(BlockRule.NO_PAYLOAD);
        // lists of words the small model knows, so that they are not held as unfamiliar
        Comment keywords = Comment.of("vote against, vote now, vote no, mayor plan, bad idea, the mayor, nobody asked");
        assertThat(SCORER.score(keywords).spamScore()).isLessThan(BlockRule.NO_PAYLOAD_BLOCK);
        assertThat(atBlock(keywords).action()).isEqualTo(Action.BLOCK);
        assertThat(atBlock(Comment.of("mayor plan 4, vote against 2, bad idea 1, sign up 9, vote now 6, the mayor 7"))
                .reasons().get(0).message()).isEqualTo(BlockRule.NO_PAYLOAD);
    }

    @Test
    void aCommentInWordsTheModelNeverSawIsHeld() {
        Verdict v = atBlock(Comment.of("Ruf an unter 0300-1234567, günstige Kleinanzeigen, schnelle Kredite, Bestpreise garantiert heute"));
        assertThat(v.action()).isEqualTo(Action.REVIEW);
        assertThat(v.reasons().get(0).message()).isEqualTo(BlockRule.UNFAMILIAR);
    }

    @Test
    void lowQualityBelowReviewIsDemotedNotAllowed() {
        Verdict v = SCORER.withThresholds(new Thresholds(1, 1)).score(Comment.of("nice post"));
        assertThat(v.label()).isEqualTo("low_quality");
        assertThat(v.action()).isEqualTo(Action.DEMOTE);
        assertThat(SCORER.withThresholds(new Thresholds(1, 1)).score(Comment.of("The rail strike needs a second look before the vote."))
                .action()).isEqualTo(Action.ALLOW);
    }
}

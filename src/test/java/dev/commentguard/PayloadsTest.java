package dev.commentguard;

import dev.commentguard.features.PrefilteredPattern;
import dev.commentguard.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a comment gets readers to reach without a plain link, number or address. */
class PayloadsTest {

    /** The text as the block rule sees it: normalised ("sub4sub" reads as "subasub"), lower case. */
    private static String clean(String raw) {
        return TextNormalizer.normalize(raw).clean();
    }

    /** Whether the block rule would count a payload of these kinds in the raw comment. */
    private static boolean payload(String raw) {
        String clean = clean(raw);
        return Payloads.pointsToAuthor(clean) || HiddenContacts.hidden(clean);
    }

    @Test
    void anInvitationToFindTheAuthorElsewhereIsAPayload() {
        assertThat(List.of("sub to my channel pls", "subscribe to my gaming channel", "plz subscribe to my 2nd channel",
                "go sub to KaiGamez!!!", "pls sub to kaigamez", "sub4sub anyone", "follow4follow?? 💕", "sub to me 🥺",
                "sub to me for more", "follow me for more content", "plz follow my insta", "follow me on tiktok for more",
                "full reaction video on my channel Footy Banter", "my etsy shop is BreeBeadsStudio",
                "check out my little shop", "visit my little etsy shop", "Sigam meu canal no YouTube", "details in profile",
                "link in bio", "essay due tmrw? link in name", "info en mi perfil.", "yo check my tiktok",
                "pls check out my podcast", "search @biscuitthecorgi, he's got 12k followers", "i quit my job. ask me how",
                "pay someone to do ur exam, ask me how 👀", "my channel is called Fibre Fred", "add me on kik: chloebby02",
                "Insta: mehwish.lawn.collection", "ig - jess_art", "snapchat: bella_2002",
                "Just opened my bakery's Instagram page! @hannahsbakehouse 🧁 we take orders",
                "I'm a biology student and make TikToks explaining topics like this, @biowithbea 🧬",
                "i post GRWM on tiktok, follow @rubyreadyy", "more every week: @vote.against.it on TikTok"))
                .allMatch(s -> Payloads.pointsToAuthor(clean(s)));
    }

    @Test
    void theSameWordsInAReadersSentenceAreNot() {
        assertThat(List.of("ask me how i know 😂", "don't ask me how they got away with it", "Please don't even ask me how.",
                "People always ask me how.", "ask me how much i paid", "if i move to australia, do slc repayments follow me?",
                "follow my advice and wait", "if you follow my logic", "if you follow me on this point",
                "follow my account of events", "I subscribe to my local paper", "please subscribe to the guardian",
                "go subscribe to the Guardian", "Pep would never sub me, he said", "my store was out of eggs",
                "prices in my shop went up", "I do my online shop at Tesco every Sunday", "Someone hacked my Instagram page",
                "full details on page 7 of the council report", "more info on bio fuels", "check my profile settings",
                "check my store receipt", "the channel is full of misinformation", "the english channel is rough today",
                "my Channel 4 app keeps crashing", "my channel of choice is the BBC", "mi canal favorito",
                "i searched for it on google and found nothing", "You can't sub a sub in the same half",
                "Researchers should follow a follow-up protocol", "discord: the server is down again",
                "tiktok: 150 million americans", "tiktok: 150m users", "instagram - 2 billion users",
                "the cafe is so instagram-worthy.", "Discord: down. Again.", "@anya they're on my instagram stories",
                "@anya @ben they're on my instagram", "@anya, tiktok is awful for kids", "as @mike_t said above, tiktok is ruining kids",
                "I agree with @mike_t, tiktok is bad", "thanks @jo_b, instagram is bad", "@jo_b: twitter is dead",
                "cold snap this week, @metoffice warned us", "i scroll tiktok @home", "instagram is full of ads, @mike_t",
                "I deleted instagram last year. @mike_b did the same", "Kids spend hours on tiktok. @sarah_k what do you think?",
                "The instagram post from @nasa is stunning", "I saw on twitter that @bbcbreaking reported it",
                "the shop on my street closed", "follow the instructions on screen", "the link in the article is broken"))
                .noneMatch(PayloadsTest::payload);
    }

    @Test
    void aListOfSearchKeywordsIsAPayloadAndAReadersListIsNot() {
        assertThat(Payloads.seoKeywords("car accident lawyer, truck accident lawyer, personal injury attorney, "
                + "wrongful death lawyer, slip and fall lawyer")).isTrue();
        assertThat(Payloads.seoKeywords("comet, comet tonight, star map, meteor shower 2025, comet viewing, dark sky parks")).isTrue();
        assertThat(Payloads.seoKeywords("cbd oil, cbd gummies, buy cbd oil, cbd for anxiety, hemp oil")).as("short heads").isTrue();
        assertThat(Payloads.seoKeywords("ingredients: flour, sugar, eggs, butter, milk, vanilla")).as("nothing repeated").isFalse();
        assertThat(Payloads.seoKeywords("the mayor, the plan, the vote, the idea, nobody asked")).as("a stop word").isFalse();
        assertThat(Payloads.seoKeywords("roughly: £4,100 installation and removal, £2,300 insurance, £1,800 installation "
                + "repairs, £1,200 installation power")).as("figures").isFalse();
    }

    @Test
    void moreWaysOfSpellingAnAddressOrAShortCode() {
        assertThat(List.of("cricwin dot bet", "goldenkeyvisa dot ca", "shopkart dot in", "visit bestdeals dot co. now",
                "correo: vortexrecovery arroba protonmail", "vortexrecovery arroba proton punto me"))
                .allMatch(s -> HiddenContacts.spelled(s, false));
        assertThat(List.of("a red dot in the sky", "a red dot in 2019", "la dot de sa fille", "o valor por arroba subiu",
                "O preço por arroba caiu. Produtores reclamam.", "cada arroba custa mais caro"))
                .noneMatch(s -> HiddenContacts.spelled(s.toLowerCase(java.util.Locale.ROOT), false));
        assertThat(List.of("get ur ex back, email drwalezaki @ gmail", "hey lucky! txt LUCKY 2 8 6 6 8 8 NOW", "txt BOOKS 2 84488"))
                .allMatch(s -> HiddenContacts.hidden(clean(s)));
        assertThat(List.of("jonathan @ gmail's office hours", "i used to work @ yahoo", "I worked 5 years @ yahoo",
                "the spam filter @ gmail is useless", "our team @ gmail was great", "txt me 2 say hi",
                "the full text is 20000 words long", "i had to send over 20000 emails"))
                .noneMatch(s -> HiddenContacts.hidden(clean(s)));
    }

    @Test
    void aPhoneNumberWithLettersForDigitsIsWrittenToSlipPastAFilter() {
        assertThat(List.of("Call McAfee support +1-855-9O2-1147 today", "AVG support number 1-844-5O2-8871 toll free",
                "call +1-888-20O-7741", "1-8O5-223-7719")).allMatch(s -> HiddenContacts.hidden(clean(s)));
        assertThat(List.of("call 0800 555 0199 or look at room 1o1", "the 10 o'clock train, 2 of 3 lol 555 0199",
                "version 1.0.1 log 2024-01-01 12:00", "we won 3-0 in october 2023, 1 goal each"))
                .noneMatch(s -> HiddenContacts.hidden(clean(s)));
    }

    @Test
    void longRunsOfWordsOrDigitsNeitherOverflowNorCrawl() {
        // these overflowed the stack (an unbounded repeated group) or took seconds (no look-behind) before
        String words = "one ".repeat(5_000);
        String digits = "1 ".repeat(5_000);
        String letters = "a".repeat(20_000);
        String handles = "tiktok @a ".repeat(2_000);
        String numbers = "1o1 ".repeat(5_000);
        long start = System.nanoTime();
        assertThat(HiddenContacts.hidden(words)).isTrue();
        assertThat(HiddenContacts.spelled(digits, true)).isTrue();
        assertThat(HiddenContacts.hidden(letters)).isFalse();
        assertThat(Payloads.pointsToAuthor(letters)).isFalse();
        Payloads.pointsToAuthor(handles);
        HiddenContacts.hidden(numbers);
        assertThat((System.nanoTime() - start) / 1e9).as("seconds for 70,000 characters").isLessThan(2.0);
    }

    /**
     * The cheap test before each search never skips a match: on every comment of the corpus and an obfuscated copy
     * of each, the guarded searches answer what the plain ones answer.
     */
    @Test
    void theTestBeforeEachSearchNeverSkipsAMatch() throws Exception {
        List<String> raw = TestData.corpusTextsAndDisguises();
        int[] matches = new int[6];
        for (String text : raw) {
            String clean = clean(text);
            String lower = text.toLowerCase(Locale.ROOT);
            matches[0] += agree(Payloads.POINTER_SEARCH, clean);
            matches[1] += agree(HiddenContacts.SPOKEN_NUMBER, clean);
            matches[2] += agree(HiddenContacts.TEXT_TO_SHORT_CODE, clean);
            if (found(Payloads.NETWORK_HANDLE, Payloads.OPENING_HANDLES.matcher(clean).replaceFirst(""))) {
                assertThat(Payloads.mayHoldHandle(clean)).as(clean).isTrue();
                matches[3]++;
            }
            matches[4] += agree(HiddenContacts.HIDDEN_CONTACT_AT, clean);
            matches[5] += agree(HiddenContacts.SPELLED_ADDRESS, lower);
        }
        // every search does match: the comparison is not between searches that never find anything
        assertThat(java.util.Arrays.stream(matches).min().orElseThrow()).as(java.util.Arrays.toString(matches))
                .isGreaterThanOrEqualTo(10);
    }

    private static boolean found(Pattern pattern, String text) {
        return pattern.matcher(text).find();
    }

    private static int agree(PrefilteredPattern search, String text) {
        boolean expected = found(search.pattern(), text);
        assertThat(search.find(text)).as(text).isEqualTo(expected);
        return expected ? 1 : 0;
    }
}

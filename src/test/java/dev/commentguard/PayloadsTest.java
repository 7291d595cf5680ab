package dev.commentguard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a comment gets readers to reach without a plain link, number or address. */
class PayloadsTest {

    @Test
    void anInvitationToFindTheAuthorElsewhereIsAPayload() {
        assertThat(List.of("sub to my channel pls", "go sub to kaigamez!!!", "sub4sub anyone", "follow for follow?? 💕",
                "plz follow my insta", "follow me on tiktok for more", "full reaction video on my channel footy banter",
                "my etsy shop is breebeadsstudio", "sigam meu canal no youtube", "details in profile", "link in bio",
                "essay due tmrw? link in name", "info en mi perfil.", "yo check my tiktok", "pls check out my podcast",
                "search \"cashline pro\" on google", "search cold files on spotify or apple",
                "search @biscuitthecorgi, he's got 12k followers", "i quit my job. ask me how",
                "channel is called fibre fred", "add me on kik: chloebby02", "insta: mehwish.lawn.collection",
                "just opened my bakery's instagram page! @hannahsbakehouse"))
                .allMatch(Payloads::pointsToAuthor);
    }

    @Test
    void wordsThatOnlyLookLikeAnInvitationAreNot() {
        assertThat(List.of("ask me how i know 😂", "if i move to australia, do slc repayments follow me?",
                "i searched for it on google and found nothing", "the channel was cut off at 9pm",
                "discord: the server is down again", "@anya they're on my instagram stories",
                "the shop on my street closed", "subscribers to the newsletter got it first",
                "follow the instructions on screen", "the link in the article is broken"))
                .noneMatch(Payloads::pointsToAuthor);
    }

    @Test
    void aListOfKeywordsIsAPayloadAndAListOfFiguresIsNot() {
        assertThat(Payloads.keywordsOnly("car accident lawyer, truck accident lawyer, personal injury attorney, "
                + "wrongful death lawyer, slip and fall lawyer")).isTrue();
        assertThat(Payloads.keywordsOnly("comet, comet tonight, star map, meteor shower 2025, dark sky parks")).isTrue();
        assertThat(Payloads.keywordsOnly("roughly: £4,100 installation and removal, £2,300 insurance and road closure, "
                + "£1,800 bulbs and repairs, £1,200 power")).isFalse();
    }

    @Test
    void moreWaysOfSpellingAnAddressOrAShortCode() {
        assertThat(List.of("cricwin dot bet", "goldenkeyvisa dot ca", "shopkart dot in", "visit bestdeals dot co. now", "correo: vortexrecovery arroba protonmail"))
                .allMatch(s -> Payloads.spellsAddress(s, false));
        assertThat(List.of("a red dot in the sky", "connect the dots at home", "the dot me and my sister drew")).noneMatch(s -> Payloads.spellsAddress(s, false));
        assertThat(List.of("get ur ex back, email drwalezaki @ gmail", "txt lucky 2 86688 now", "txt books 2 84488"))
                .allMatch(Payloads::hidesContact);
        assertThat(List.of("email me @ gmail's office hours", "txt me 2 say hi")).noneMatch(Payloads::hidesContact);
    }
}

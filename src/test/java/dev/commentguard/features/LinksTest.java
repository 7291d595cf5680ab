package dev.commentguard.features;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    private static final Set<String> SITE = Set.of("harbourtimes.co.uk");

    @Test
    void linksAreSortedByWhatTheyPointTo() {
        assertThat(Links.kind("https://github.com/psf/requests/issues/6432", SITE)).isEqualTo(Links.Kind.REFERENCE);
        assertThat(Links.kind("https://docs.python.org/3/library/asyncio.html", SITE)).isEqualTo(Links.Kind.REFERENCE);
        assertThat(Links.kind("https://en.wikipedia.org/wiki/Tram", SITE)).isEqualTo(Links.Kind.REFERENCE);
        assertThat(Links.kind("https://www.gov.uk/council-tax", SITE)).isEqualTo(Links.Kind.REFERENCE);
        assertThat(Links.kind("https://www.ox.ac.uk/research", SITE)).isEqualTo(Links.Kind.REFERENCE);
        assertThat(Links.kind("https://www.youtube.com/watch?v=abc", SITE)).isEqualTo(Links.Kind.VIDEO);
        assertThat(Links.kind("https://bit.ly/3xYz", SITE)).isEqualTo(Links.Kind.SHORTENER);
        assertThat(Links.kind("https://www.harbourtimes.co.uk/news/trams", SITE)).isEqualTo(Links.Kind.SELF);
        assertThat(Links.kind("https://forum.harbourtimes.co.uk/t/12", SITE)).isEqualTo(Links.Kind.SELF);
        assertThat(Links.kind("https://best-roofing-company-leeds.co.uk", SITE)).isEqualTo(Links.Kind.COMMERCIAL);
        assertThat(Links.kind("cheapflightsdubai.com", SITE)).isEqualTo(Links.Kind.COMMERCIAL);
        assertThat(Links.kind("https://win-big.bet/", SITE)).isEqualTo(Links.Kind.COMMERCIAL);
        assertThat(Links.kind("https://janesmith.net/2024/trams", SITE)).isEqualTo(Links.Kind.OTHER);
        assertThat(Links.kind("https://developer.android.com/guide", SITE)).isEqualTo(Links.Kind.REFERENCE);
        assertThat(Links.kind("https://play.google.com/store/apps/details?id=com.example.editor", SITE))
                .as("one app's page, not a reference").isEqualTo(Links.Kind.OTHER);
        assertThat(Links.kind("https://apps.apple.com/app/id123", SITE)).isEqualTo(Links.Kind.OTHER);
    }

    @Test
    void documentationUnderAnOrdinaryDomainIsAReferenceAndASalesDomainStaysOne() {
        for (String doc : new String[] {"https://nix.dev/manual/nix/stable/command-ref/nix-env", "https://www.bogleheads.org/wiki/x",
                "https://www.atlassian.com/git/tutorials/rewriting-history", "https://trezor.io/learn/a/what-is-shamir-backup",
                "https://example.org/DOCS/"}) {
            assertThat(Links.kind(doc, SITE)).as(doc).isEqualTo(Links.Kind.REFERENCE);
        }
        for (String versioned : new String[] {"https://flask.palletsprojects.com/en/3.0.x/config/",
                "https://flask.palletsprojects.com/en/30x/", "https://packaging.python.org/en/latest/",
                "https://docs.example.org/de/5.0/topics/", "https://x.org/en/v2/"}) {
            assertThat(Links.kind(versioned, SITE)).as(versioned).isEqualTo(Links.Kind.REFERENCE);
        }
        for (String other : new String[] {"https://www.villa-example.com/en/2020/", "https://bot-example.com/en/464939433",
                "https://example.org/wp/19", "https://example.org/en/products/"}) {
            assertThat(Links.kind(other, SITE)).as(other).isEqualTo(Links.Kind.OTHER);
        }
        assertThat(Links.kind("https://example.org/a/b/docs/", SITE)).as("deeper than two segments").isEqualTo(Links.Kind.OTHER);
        assertThat(Links.kind("https://example.org/documentary", SITE)).isEqualTo(Links.Kind.OTHER);
        assertThat(Links.kind("https://cheap-casino-bonus.com/guides/slots", SITE)).isEqualTo(Links.Kind.COMMERCIAL);
    }

    @Test
    void prizeAndLookAlikeDomainsAreSalesDomainsButANobelPrizeIsNot() {
        for (String sales : new String[] {"amazon30-survey-claim.com", "ketoburnx-official.com", "nowagerbonus.co.uk",
                "hookupfinder-singles.net", "giftcard-offers.net"}) {
            assertThat(Links.kind("https://" + sales + "/", SITE)).as(sales).isEqualTo(Links.Kind.COMMERCIAL);
        }
        assertThat(Links.kind("https://www.nobelprize.org/prizes/medicine/2023/", SITE)).isEqualTo(Links.Kind.OTHER);
        assertThat(Links.kind("https://www.mayoclinic.org/diseases-conditions/x", SITE)).as("a reference, whatever \"clinic\" says")
                .isEqualTo(Links.Kind.REFERENCE);
        assertThat(Links.kind("annualcreditreport.com", SITE)).isEqualTo(Links.Kind.REFERENCE);
        assertThat(Links.kind("brackleyclinic.co.uk", SITE)).isEqualTo(Links.Kind.COMMERCIAL);
    }

    @Test
    void salesWordsInTheCorpusLanguagesMakeASalesDomainButNotInsideAPlaceOrAnAccreditation() {
        for (String sales : new String[] {"autazniemiec-okazje.pl", "autoaccess-rabais.fr", "tensiometros-baratos.es",
                "handy-angebote.de", "korting-codes.nl", "pinjaman-cepat.id", "bahis-giris.com", "sepatu-murah.co.id"}) {
            assertThat(Links.kind("https://" + sales + "/oferta", SITE)).as(sales).isEqualTo(Links.Kind.COMMERCIAL);
        }
        for (String other : new String[] {"ambassade-mauritanie.fr", "dakks-akkreditierung.de", "premises-licence.org",
                "obligacjeskarbowe.pl", "tesourodireto.com.br", "sc-billigheim.de", "afkortingen.nl", "ferienangebote.de",
                "judi-dench.com", "ayto-loja.es", "toko.ch", "kemurahan.id"}) {
            assertThat(Links.kind("https://www." + other + "/", SITE)).as(other).isEqualTo(Links.Kind.OTHER);
        }
    }

    @Test
    void blogsAndProfilesOnPlatformsArePersonal() {
        assertThat(Links.kind("https://mikerunsslow.blogspot.com/c25k-diary", SITE)).isEqualTo(Links.Kind.PERSONAL);
        assertThat(Links.kind("https://gigdiaries.substack.com/p/velvet-arcade", SITE)).isEqualTo(Links.Kind.PERSONAL);
        assertThat(Links.kind("https://www.flickr.com/people/jo123/", SITE)).isEqualTo(Links.Kind.PERSONAL);
    }

    @Test
    void aSalesWordMustBeAWordOfTheDomainNotAFewLettersInsideOne() {
        assertThat(Links.kind("https://smartphonefreechildhood.co.uk/pact", SITE)).isEqualTo(Links.Kind.OTHER);
        assertThat(Links.kind("https://zero-to-nix.com/", SITE)).isEqualTo(Links.Kind.OTHER);
        assertThat(Links.kind("https://cheap-flights-dubai.com/", SITE)).isEqualTo(Links.Kind.COMMERCIAL);
        assertThat(Links.kind("https://bestcasinobonus.net/", SITE)).isEqualTo(Links.Kind.COMMERCIAL);
    }

    @Test
    void aMailboxNamedForAScamIsOneAndATradeOrAPersonIsNot() {
        for (String scam : new String[] {"rexdalton.hack", "loans4u", "bitcoinrecoverypro", "recovery2024", "spell.caster_amara",
                "fastpaydayuk"}) {
            assertThat(Links.isScamMailbox(scam)).as(scam).isTrue();
        }
        for (String other : new String[] {"support", "hollie.brennan92", "editor", "sales", "steve.holt", "info", "bettina.k",
                "clinic.bookings", "the.specialist.team", "w.thackeray", "jane.spellman", "dislikes.mondays", "essayist",
                "pharmacist.jones", "john.pillsbury", "cryptographer.bob"}) {
            assertThat(Links.isScamMailbox(other)).as(other).isFalse();
        }
    }

    @Test
    void hostsOfDotsAloneAreNothing() {
        assertThat(Links.kind("http://.../x", SITE)).isEqualTo(Links.Kind.OTHER);
        assertThat(Links.kind("www....", SITE)).isEqualTo(Links.Kind.OTHER);
        assertThat(Links.hostWords("http://...")).isEmpty();
    }

    @Test
    void withoutSiteContextNoLinkIsTheSitesOwn() {
        assertThat(Links.kind("https://www.harbourtimes.co.uk/news/trams", Set.of())).isEqualTo(Links.Kind.OTHER);
    }

    @Test
    void aDomainIsNotInsideALongerOneThatEndsTheSameWay() {
        assertThat(Links.within("notharbourtimes.co.uk", "harbourtimes.co.uk")).isFalse();
        assertThat(Links.within("www2.harbourtimes.co.uk", "harbourtimes.co.uk")).isTrue();
    }

    @Test
    void hostWordsAreWhatAReaderSeesOfTheDomain() {
        assertThat(Links.hostWords("https://www.best-dentist-dubai.co.uk/offers")).containsExactly("best", "dentist", "dubai");
    }
}

package dev.commentguard.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    private static java.util.List<String> found(String text) {
        return PhoneNumbers.find(TextNormalizer.clean(text)).stream().map(PhoneNumbers.Found::text).toList();
    }

    @Test
    void spamNumbersAreFoundInTheFormsSpamWritesThem() {
        assertThat(found("Call 0300-1234567 for free classified ads")).containsExactly("0300-1234567");
        assertThat(found("whatsapp +44 7700 900123 now")).containsExactly("+44 7700 900123");
        assertThat(found("printer help 1-800-555-0199 anytime")).hasSize(1);
        assertThat(found("ring 020 7946 0123 today")).containsExactly("020 7946 0123");
    }

    @Test
    void numbersSpacedOutDigitByDigitOrSplitByLongDashesAreFound() {
        assertThat(found("canon support number (1 888 – 2 1 9 – 4 0 1 6). just posting")).hasSize(1);
        assertThat(found("my number is +1 (4 0 5) 7 7 2 – 1 9 3 0")).hasSize(1);
        assertThat(found("Contact Lahore Property Advisors, 0 4 2 – 3 5 7 8 1 9 0 0")).hasSize(1);
    }

    @Test
    void nineDigitsWithoutATrunkPrefixCountOnlyWhenDialled() {
        assertThat(found("Pożyczki dla emerytów! Zadzwoń 7 3 3 5 5 5 0 1 8")).containsExactly("733555018");
        assertThat(found("Masaż leczniczy w domu, Tel. 511 555 044")).containsExactly("511 555 044");
        assertThat(found("the checksum was 733555018 both times")).isEmpty();
    }

    @Test
    void rangesOfYearsAreNotPhoneNumbers() {
        assertThat(Patterns.phoneNumbers("we lived there 2019 – 2023, then 1998-2004")).isEmpty();
        assertThat(found("call the office 2019 – 2023 anytime")).isEmpty();
    }

    @Test
    void helplinesTooShortToBePhoneNumbersAreNotFound() {
        assertThat(found("If you are struggling, call Samaritans on 116 123")).isEmpty();
        assertThat(found("In an emergency ring 999, otherwise 111")).isEmpty();
    }

    @Test
    void helplinesAndEmergencyNumbersAreServiceNumbersWhenDialled() {
        assertThat(PhoneNumbers.serviceNumbers(TextNormalizer.clean("If you are struggling, call Samaritans on 116 123")))
                .containsExactly("116 123");
        assertThat(PhoneNumbers.serviceNumbers("in the us call or text 988. in the uk it's samaritans 116123"))
                .containsExactly("988", "116123");
        assertThat(PhoneNumbers.serviceNumbers("w razie wątpliwości zadzwońcie sami na 112.")).containsExactly("112");
        assertThat(PhoneNumbers.serviceNumbers("stay belted in and call 999 immediately")).containsExactly("999");
    }

    @Test
    void pricesCountsAndPremiumCodesAreNotServiceNumbers() {
        assertThat(PhoneNumbers.serviceNumbers("tours from $999 including hotels, only ₹999 for 10k followers")).isEmpty();
        assertThat(PhoneNumbers.serviceNumbers("the 911 turbo does 0-100 in 2.7s and 999 people saw it")).isEmpty();
        assertThat(PhoneNumbers.serviceNumbers("rp 999.000 all in, call 999.5 fm")).isEmpty();
        assertThat(PhoneNumbers.serviceNumbers("txt win to 84484 now, call 844842")).isEmpty();
        assertThat(PhoneNumbers.serviceNumbers("call 020 7946 0662 or 0808 157 0144 to book")).as("parts of phone numbers").isEmpty();
        assertThat(PhoneNumbers.serviceNumbers("found your contact form! want 100 leads a month?")).isEmpty();
    }

    @Test
    void numbersThatAreNotPhoneNumbersAreNotFound() {
        assertThat(found("pi is 3.14159265358979 and the build is 20240611")).isEmpty();
        assertThat(found("upgraded from 3.11.4 to 3.12.1 and it took 1234567 ms")).isEmpty();
        assertThat(found("the stadium holds 80,000 and 1,250,000 watched")).isEmpty();
        assertThat(found("my order number is 4471 2230 9")).isEmpty();
    }

    @Test
    void countsGroupedInThousandsOrRoundAreNotPhoneNumbers() {
        assertThat(found("1000000000 views. next goal 2000000000")).isEmpty();
        assertThat(found("how can there be 2.124.821.694 views, it had 1.000.000.000 in may")).isEmpty();
        assertThat(found("1 753 682 421 people and counting")).isEmpty();
        assertThat(found("call 912 345 678 or 0687119038")).as("three groups of three, and a trunk prefix, still dial")
                .hasSize(2);
        assertThat(found("call 1-800-555-0199")).as("a North American number's last group has four digits").hasSize(1);
    }

    @Test
    void programOutputDatesTimesRangesAndIdentifiersAreNotPhoneNumbers() {
        assertThat(found("seq scan on invoices (cost=0.00..48213.00 rows=1) (actual time=412.301..412.302 rows=1 loops=1)"
                + " rows removed by filter: 1999999 and rows=1999999")).isEmpty();
        assertThat(found("sat 2026-12-06 15:41:00 utc 6h left, dates as \"01.02.2024 0:00:00\", 2026-03-29 01:00 utc")).isEmpty();
        assertThat(found("home assistant 2026.11.2 (10.0.0.12): connection closed")).isEmpty();
        assertThat(found("doi:10.5194/acp-14-2987-2014 and dossier g30-2026-11-4471")).isEmpty();
        assertThat(found("the game uses udp 27015-27030, ports 50000-50100 and 45123 45123")).isEmpty();
        assertThat(found("1234567890 or 0987654321 or 1111111111")).isEmpty();
        assertThat(found("call 0300-1234567, ring 020 7946 0123, text 07700 900123")).as("still numbers")
                .hasSize(3);
        assertThat(found("ring 01.42.68.53.00 or 98271-43510")).as("French pairs, India's five and five").hasSize(2);
        assertThat(found("message me on whatsapp wa.me/447700900652")).as("a number in a messenger's link").hasSize(1);
        assertThat(found("call 98450 99123 or 98450-99123")).as("India's five and five, the second half above").hasSize(2);
        assertThat(found("whatsapp:-+2348031234567 call:-08031234567")).as("the ':-' some adverts write").hasSize(2);
        assertThat(found("api.whatsapp.com/send?phone=447700900652")).as("a click-to-chat link's number").hasSize(1);
        assertThat(found("free call 1 800 123 456 or 1300 975 707")).as("Australia's 1800 and 1300").hasSize(2);
    }

    @Test
    void tollFreeNumbersSayWhatTheyAre() {
        assertThat(PhoneNumbers.find("call 0800 123 4567").get(0).type()).isEqualTo(PhoneNumbers.Type.TOLL_FREE);
        assertThat(PhoneNumbers.find("call 0300-1234567").get(0).type()).isEqualTo(PhoneNumbers.Type.OTHER);
    }
}

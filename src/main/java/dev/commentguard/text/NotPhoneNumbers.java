package dev.commentguard.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs of digits that libphonenumber would accept as phone numbers but that are something else: decimals, counts,
 * program output, ranges, made-up sequences. Each is a pure function of the candidate as written (without a country
 * code; a number written with one is taken as a phone number). Used by {@link PhoneNumbers}. Thread-safe.
 */
final class NotPhoneNumbers {

    private NotPhoneNumbers() {
    }

    /**
     * "3.14159265" and "1.234.567" are numbers, not phone numbers: a single dot among digits, or dots
     * grouping thousands, never separate the parts of a phone number written without a country code
     * in the plans above when the text has no other separator.
     */
    static boolean looksLikeDecimal(String s) {
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return dots == 1;
    }

    /** Thousands written with one separator throughout: "1.000.000.000", "2 124 821 694". */
    private static final Pattern THOUSANDS = Pattern.compile("(?!1[ .](?:800|300|900)[ .])[1-9]\\d{0,2}([., ])\\d{3}(?:\\1\\d{3}){2,}");

    /** A round number: a digit other than 0, then five zeros or more ("1000000000"). */
    private static final Pattern ROUND = Pattern.compile("[1-9]\\d?0{5,}");

    /**
     * "1000000000 views" and "2.124.821.694 views" are counts, not phone numbers: a round number, or a number of
     * ten digits or more grouped in threes with one separator, as thousands are written. No plan of the
     * {@link PhoneNumbers#REGIONS} but Australia's 1800, 1300 and 1900 numbers ("1 800 123 456", kept) writes its numbers in four
     * groups ending with three of three digits, and numbers ending in five zeros are not handed to the public; nine
     * digits in threes ("912 345 678", Spain's plan) still count.
     */
    static boolean looksLikeCount(String s) {
        return ROUND.matcher(s).matches() || THOUSANDS.matcher(s).matches();
    }

    /**
     * Program output, dates and versions: a range written "0.00..48213.00", a date at the start or the end
     * ("2026-12-06 15", "01.02.2024 0"), or a run of numbers joined by dots with a group of one digit, as versions
     * and network addresses are written ("2026.11.2 (10.0.0.12"); phone numbers written with dots group their digits
     * in twos or more ("01.23.45.67.89").
     */
    private static final Pattern OUTPUT = Pattern.compile("\\.\\.|^(?:19|20)\\d\\d[-./]\\d{1,2}[-./]\\d{1,2}(?!\\d)"
            + "|(?<!\\d)\\d{1,2}[-./]\\d{1,2}[-./](?:19|20)\\d\\d(?!\\d)|\\.\\d(?!\\d)");

    static boolean looksLikeOutput(String s) {
        return OUTPUT.matcher(s).find();
    }

    /** Two numbers of the same length joined by a dash or a space. */
    private static final Pattern TWO_NUMBERS = Pattern.compile("(\\d{4,})\\s?[\\p{Pd}\\s]\\s?(\\d{4,})");

    /**
     * A range or a repeat: "27015-27030" (ports), "50000-50100", "45123 45123": the second number the first or at most
     * 200 above it. India's plan writes its mobile numbers five and five ("98271-43510", "98450 99123"), which this
     * leaves alone unless the second half is that close above the first.
     */
    static boolean looksLikeRange(String s) {
        Matcher m = TWO_NUMBERS.matcher(s);
        if (!m.matches() || m.group(1).length() != m.group(2).length() || m.group(1).length() > 9) {
            return false;
        }
        long first = Long.parseLong(m.group(1));
        long second = Long.parseLong(m.group(2));
        return second >= first && second - first <= 200;
    }

    /**
     * Digits typed as a run of the keyboard or one key held down, as readers test a form or fill a field:
     * "1234567890", "0987654321", "1111111111". No plan gives these out.
     */
    static boolean madeUp(String s) {
        boolean same = true;
        boolean up = true;
        boolean down = true;
        char previous = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            if (previous != 0) {
                int step = Math.floorMod(c - previous, 10);
                same &= step == 0;
                up &= step == 1;
                down &= step == 9;
            }
            previous = c;
        }
        return same || up || down;
    }
}

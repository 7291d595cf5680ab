package dev.commentguard;

import dev.commentguard.features.PrefilteredPattern;
import dev.commentguard.text.Patterns;
import dev.commentguard.text.SpacedAddresses;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways to be reached written so that a filter will not see them, which a reader with a genuine reason to give an
 * address or number has no cause to use: addresses spaced or spelled out, numbers in words, digit by digit or with a
 * letter for a digit, a word to text to a short code. Each is a payload of its own for the block rule ({@link
 * Payloads} has the invitations to find the author). Each search runs only on a text holding what every one of its
 * matches must hold: run at every position of every comment the model would block, the searches cost a tenth of all
 * scoring. Stateless: thread-safe.
 */
final class HiddenContacts {

    private HiddenContacts() {
    }

    /** Words before an at sign or "at" that name people, an account or work, not a mailbox ("the team at gmail"). */
    private static final String NOT_A_MAILBOX = "(?:the|team|someone|people|friends?|guys|folks|staff|accounts?|inbox|mailbox"
            + "|address|works?|worked|working|emails?|mails?|me|us|him|her|them)\\b";
    /** After the provider's name: its own team or office, or a possessive ("gmail's office hours"). */
    private static final String NOT_THE_PROVIDER = "(?! ?(?:team|staff|engineers?|support|office|['\u2019]s))";

    /**
     * A way to be reached that is written so that a filter will not see it, which a reader with a genuine
     * reason to give an address has no cause to do: an e-mail address spaced or spelled out
     * ("name @ yahoo . com", "name (at) gmail (dot) com"), a phone number in words ("nine one eight eight …",
     * seven digits or more), or a word to text to a short code ("txt WIN to 84484"; handles named with their
     * network are {@link Payloads#pointsToAuthor}). Matched against the clean text (lower case; runs of
     * spaced digits already joined). Kept as three searches, each run only on a text holding what its matches must
     * hold: tried at every position of every comment the model would block, one alternation cost 3% of all scoring.
     */
    static final PrefilteredPattern HIDDEN_CONTACT_AT = PrefilteredPattern.containing(Pattern.compile(String.join("|",
            // each run of name characters is tried from its first character only (the look-behinds): linear time
            "(?<![a-z0-9._-])[a-z0-9._-]{2,}+ ?(?:\\(at\\)|\\[at\\]|\\{at\\}|(?: @ |@ | @)) ?[a-z0-9-]{2,}+ ?(?:\\.|\\(dot\\)|\\[dot\\]| dot ) ?(?:com|net|org|co|in|ng|uk|ru)\\b",
            "(?<![a-z0-9._-])[a-z0-9._-]{2,}+ ?(?:\\(at\\)|\\[at\\]) ?[a-z0-9-]{2,}+",
            // an address spaced around its at sign with the provider's name only, after a word that asks to be written
            // to: "email drwalezaki @ gmail"; not "i worked 5 years @ yahoo", "the spam filter @ gmail is useless"
            "\\b(?:e-?mail|mail|contact|write|reach|message|correo)\\b[^.!?\\n@]{0,25}?(?<![a-z0-9._-])(?!" + NOT_A_MAILBOX
                    + ")[a-z0-9._-]{3,}+ ?(?: @ |@ | @)(?:gmail|yahoo|hotmail|outlook|protonmail|icloud|yandex)\\b" + NOT_THE_PROVIDER)),
            List.of("@", "(at)", "[at]", "{at}")); // what every match holds: an at sign, or "at" in brackets

    /** A phone number in words (seven digits or more), tried only where a number's name begins. */
    static final PrefilteredPattern SPOKEN_NUMBER = new PrefilteredPattern(Pattern.compile(
            // {7}, not {7,}: find() needs no more, and a longer run overflowed the stack
            "\\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)\\b[\\s,.-]*+){7}"),
            List.of("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "double", "triple"));

    /**
     * A word to text to a short code: "txt WIN to 84484"; after "txt" or "sms", "to" may be written "2", and a short
     * code spaced digit by digit is joined with it: "txt LUCKY 2 8 6 6 8 8" (not "the text has 20000 words").
     */
    static final PrefilteredPattern TEXT_TO_SHORT_CODE = new PrefilteredPattern(Pattern.compile(String.join("|",
            "\\b(?:txt|text|sms|send)\\s+[a-z0-9]{2,12}\\s+to\\s+\\d{4,6}\\b",
            "\\b(?:txt|sms)\\s+[a-z0-9]{2,12}\\s+(?:2\\s+\\d{4,6}|2\\d{4,6})\\b")), List.of("txt", "text", "sms", "send"));

    /**
     * An address spelled so that a filter will not read it as one: "slotmaniax[.]net", "example dot com",
     * "name at gmail dot com", "hxxp://" (an address spaced around its at sign: {@link SpacedAddresses#holdsSpacedEmail}).
     * Matched against the raw text, lower-cased: the normaliser repairs these spellings, so the clean text no longer
     * shows them.
     */
    static final PrefilteredPattern SPELLED_ADDRESS = PrefilteredPattern.containing(Pattern.compile(String.join("|",
            // each run of name characters is tried from its first character only (the look-behinds): linear time
            "(?<![a-z0-9-])[a-z0-9-]{2,}+ ?(?:\\[\\.\\]|\\(\\.\\)|\\{\\.\\}|\\[dot\\]|\\(dot\\)|\\{dot\\}) ?[a-z]{2,}",
            "(?<![a-z0-9-])[a-z0-9-]{2,}+" + Patterns.NOT_AFTER_ERA_WORD + " dot (?:com|net|org|info|biz|io|pk|uk|ng|ke|ph|xyz"
                    + "|online|site|shop|store|ly|ru|gg|bet|ca|eu"
                    // domains that are also words: not before a word that carries a sentence on ("a red dot in the sky");
                    // after "dot", French: "la dot de sa fille", only where no word or number follows
                    + "|(?:co|me|in|us)\\b" + Patterns.NOT_BEFORE_SENTENCE_WORD + "|(?:de|fr|au|pro|app)(?!\\s*+[a-z0-9]))\\b"
                    + Patterns.NOT_BEFORE_ERA_WORD,
            "(?<![a-z0-9._-])[a-z0-9._-]{2,}+ at (?:gmail|yahoo|hotmail|outlook|protonmail|proton|icloud|aol|mail|yandex) ?"
                    + "(?:dot|\\.|\\(dot\\)|\\[dot\\]) ?[a-z]{2,}",
            // the provider named without its domain: "efemenaherbs at gmail"; a name of four or more characters, not a word
            // for people, an account or work, and only providers that are not also employers ("the team at gmail", "my
            // account at gmail", "worked at yahoo" are not addresses)
            "(?<![a-z0-9._-])(?!" + NOT_A_MAILBOX + ")[a-z0-9._-]{4,}+ at (?:gmail|hotmail|protonmail)\\b" + NOT_THE_PROVIDER,
            // "at" in Spanish and Portuguese, before a provider or a dot: "vortexrecovery arroba protonmail"; not the
            // arroba that weighs cattle ("o valor por arroba subiu")
            "(?<![a-z0-9._-])[a-z0-9._-]{3,}+ arroba (?:gmail|yahoo|hotmail|outlook|protonmail|proton|icloud|yandex"
                    + "|[a-z0-9-]{2,}+(?:\\.| ?(?:punto|ponto|dot) ?)(?:com|net|org|br|es|me|io|co)\\b)",
            "\\bhxxps?\\b")),
            // what every match holds: the search is run only on a text that holds one
            List.of("[.]", "(.)", "{.}", "[dot]", "(dot)", "{dot}", " dot ", " at ", " arroba ", "hxxp"));

    /**
     * A number written one digit at a time ("7 0 1 7 3 4 5 6 7 8", "(5 6 2) 2 0 9 – 4 4 8 1"): seven single digits
     * or more, each set apart. Counted only when the comment holds a phone number, so that a run of scores
     * ("3-1 2-0 4-2 1-1") is not one.
     */
    private static final Pattern SPACED_DIGITS = Pattern.compile(
            "(?<!\\d)\\d(?:[\\s\\p{Pd}().]{1,4}+\\d(?!\\d)){6}");

    /**
     * Whether the raw text spells an address so that a filter will not read it, or, when the comment holds a phone
     * number, writes a number one digit at a time.
     */
    static boolean spelled(String raw, boolean holdsPhone) {
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        return SPELLED_ADDRESS.find(lower) || SpacedAddresses.holdsSpacedEmail(lower)
                || holdsPhone && SPACED_DIGITS.matcher(lower).find();
    }

    /**
     * Whether a clean text gives a way to be reached written to slip past a filter (see {@link #HIDDEN_CONTACT_AT},
     * {@link #SPOKEN_NUMBER}, {@link #TEXT_TO_SHORT_CODE}).
     */
    static boolean hidden(String clean) {
        return HIDDEN_CONTACT_AT.find(clean) || SPOKEN_NUMBER.find(clean)
                || TEXT_TO_SHORT_CODE.find(clean) || disguisesNumber(clean);
    }

    /** A phone-like run in which a letter may stand for a digit: "+1-855-9o2-1147", "1-8o5-223-7719". */
    private static final Pattern NUMBER_WITH_LETTERS = Pattern.compile("(?<![\\w+])\\+?\\d[\\dol().\\s-]{6,20}+");

    /**
     * Whether the text holds a phone number with the letter o or l written for a digit ("+1-855-9o2-1147"): seven
     * digits or more, and a letter between digits of the same group, which no reader has cause to write.
     */
    static boolean disguisesNumber(String clean) {
        if (clean.indexOf('o') < 0 && clean.indexOf('l') < 0) {
            return false;
        }
        Matcher m = NUMBER_WITH_LETTERS.matcher(clean);
        while (m.find()) {
            String run = m.group();
            int digits = 0;
            boolean letterInGroup = false;
            for (int i = 0; i < run.length(); i++) {
                char c = run.charAt(i);
                if (Character.isDigit(c)) {
                    digits++;
                } else if ((c == 'o' || c == 'l') && i > 0 && i + 1 < run.length()
                        && (Character.isDigit(run.charAt(i - 1)) || Character.isDigit(run.charAt(i + 1)))
                        && !Character.isWhitespace(run.charAt(i - 1)) && !Character.isWhitespace(run.charAt(i + 1))) {
                    letterInGroup = true;
                }
            }
            if (digits >= 7 && letterInGroup) {
                return true;
            }
        }
        return false;
    }
}

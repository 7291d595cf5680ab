package dev.commentguard;

import dev.commentguard.text.Patterns;
import dev.commentguard.text.PhoneNumbers;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a comment gets its readers to reach, beyond the links, numbers and addresses that {@code Contacts} finds:
 * contacts written to slip past a filter, handles, a channel, shop or profile to go and find, and a list of search
 * keywords. {@link BlockRule} counts each as a payload of its own. Pure functions of the text: thread-safe.
 */
final class Payloads {

    /**
     * An invitation to go and find the author somewhere a reader can reach without a link: to subscribe or follow
     * ("sub to my channel", "follow my insta", "sub4sub"), a channel, shop or store of one's own, a link or details
     * "in bio", "in my profile" or "in name", a name to search on a platform ("search \"Cashline Pro\" on google",
     * "search Cold Files on Spotify"), "ask me how". Each is a way to a destination as surely as a link, written where a
     * link would be removed. Matched against the clean text (lower case). "Ask me how I know" is an idiom, not an
     * invitation.
     */
    private static final Pattern POINTER = Pattern.compile(String.join("|",
            "\\b(?:sub|subscribe|subbed)\\s+(?:to\\s+)?(?:me|my|us|our|each other)\\b",
            "\\bsub ?4 ?sub\\b|\\bsub for sub\\b|\\bfollow for follow\\b",
            "\\bfollow (?:me|us) (?:on|@|for|back)\\b|\\bfollow (?:my|our)\\b",
            "\\b(?:go|pls|please|plz) (?:sub|subscribe) to\\b",
            "\\bmy (?:youtube |yt |tiktok |twitch |insta |instagram |etsy |small |little )?(?:channel|shop|store)\\b",
            "\\b(?:meu|mi|mein|meinen|il mio) (?:canal|kanal|canale)\\b",
            "\\b(?:link|links|details|info) (?:is |are )?(?:in|on) (?:my )?(?:bio|name|profile|page|perfil)\\b",
            "\\binfo en mi perfil\\b",
            "\\bcheck (?:out )?my (?:page|channel|shop|store|tiktok|insta|instagram|profile|podcast)\\b",
            "\\bsearch (?:for )?[\"\u201c\u201d][^\"\u201c\u201d\\n]{2,40}+[\"\u201c\u201d] on\\b",
            "\\bsearch (?:for )?[^.!?\\n]{2,40}? on (?:youtube|spotify|apple|tiktok|instagram|insta|facebook|twitch)\\b",
            "\\bsearch @[a-z0-9_.]{3,30}",
            "\\bask me how\\b(?! i\\b)",
            "\\bchannel (?:is|name is|is called|called) "));

    /**
     * A handle on a network that is a way to be reached: one given after the network's name and a colon
     * ("kik: chloebby02", "insta: mehwish.lawn.collection"; a handle with a digit, dot or underscore, so that
     * "discord: the server is down" is not one), or an {@code @name} later than the comment's first word in a comment
     * that names a network ("my bakery's Instagram page! @hannahsbakehouse"). A comment that opens with
     * {@code @name} is a reply to that reader.
     */
    private static final Pattern NETWORK_HANDLE = Pattern.compile(String.join("|",
            "\\b(?:insta|instagram|ig|tiktok|kik|snap|snapchat|skype|telegram|discord)\\s*+[:-]\\s*+"
                    + "(?:@[a-z0-9_.]{3,30}|[a-z0-9_.]*[0-9_.][a-z0-9_.]*)",
            "^(?=[\\s\\S]*\\b(?:insta|instagram|ig|tiktok|tiktoks|twitter|snapchat|snap|twitch|threads)\\b)[\\s\\S]+?"
                    + "(?<![\\w@.])@[a-z0-9_.]{3,30}(?![\\w@])"));

    private Payloads() {
    }

    /** Whether a clean text invites readers to find the author somewhere without a link (see {@link #POINTER}). */
    static boolean pointsToAuthor(String clean) {
        return POINTER.matcher(clean).find() || NETWORK_HANDLE.matcher(clean).find();
    }

    /**
     * Whether a comma-separated list of search keywords ("car accident lawyer, truck accident lawyer, …": the
     * {@code KEYWORD_LIST} signal) is made of words rather than figures: a list of costs or measurements
     * ("£4,100 installation, £2,300 insurance, …") is a reader's breakdown, and at most one part may hold a digit.
     */
    static boolean keywordsOnly(String clean) {
        int withDigits = 0;
        for (String part : clean.split("[,|;]")) {
            if (part.chars().anyMatch(Character::isDigit) && ++withDigits > 1) {
                return false;
            }
        }
        return true;
    }

    /** A handle or invitation link on a messenger: {@code @name}, wa.me/…, t.me/…. */
    static final Pattern HANDLE = Pattern.compile(
            "(?<![\\w.])@[a-z0-9_]{3,32}+(?![\\w@.])|\\b(?:wa|t)\\.me/");

    /**
     * A way to be reached that is written so that a filter will not see it, which a reader with a genuine
     * reason to give an address has no cause to do: an e-mail address spaced or spelled out
     * ("name @ yahoo . com", "name (at) gmail (dot) com"), a phone number in words ("nine one eight eight …",
     * seven digits or more), a word to text to a short code ("txt WIN to 84484"), or a handle named with the
     * network it is on ("insta @name", "@name on TikTok"). Matched against the clean text (lower case; runs of
     * spaced digits already joined).
     */
    private static final Pattern HIDDEN_CONTACT = Pattern.compile(String.join("|",
            "[a-z0-9._-]{2,}+ ?(?:\\(at\\)|\\[at\\]|\\{at\\}|(?: @ |@ | @)) ?[a-z0-9-]{2,}+ ?(?:\\.|\\(dot\\)|\\[dot\\]| dot ) ?(?:com|net|org|co|in|ng|uk|ru)\\b",
            "[a-z0-9._-]{2,}+ ?(?:\\(at\\)|\\[at\\]) ?[a-z0-9-]{2,}+",
            "\\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)\\b[\\s,.-]*+){7,}",
            // "to" may be written "2", and a short code spaced digit by digit is joined with it: "txt LUCKY 2 8 6 6 8 8"
            "\\b(?:txt|text|sms|send)\\s+[a-z0-9]{2,12}\\s+(?:(?:to|2)\\s+\\d{4,6}|2\\d{4,6})\\b",
            // an address spaced around its at sign with the provider's name only: "drwalezaki @ gmail"
            "[a-z0-9._-]{3,}+ ?(?: @ |@ | @)(?:gmail|yahoo|hotmail|outlook|protonmail|icloud|yandex)\\b",
            "\\b(?:insta|instagram|ig|tiktok|tik tok|twitter|snapchat|snap|fb|facebook|telegram|discord|onlyfans|threads)\\b[\\s:-]{0,3}(?:(?:is|page|account|handle|id|at|me|dm|name|@)[\\s:-]{0,3}){0,2}@[a-z0-9_.]{3,30}",
            "(?<![\\w.])@[a-z0-9_.]{3,30}[\\s,:-]{1,3}(?:on |at |in )?(?:insta|instagram|ig|tiktok|twitter|snapchat|snap|telegram|discord|onlyfans)\\b"));

    /**
     * An address spelled so that a filter will not read it as one: "slotmaniax[.]net", "example dot com",
     * "name at gmail dot com", "hxxp://" (an address spaced around its at sign: {@link Patterns#holdsSpacedEmail}).
     * Matched against the raw text, lower-cased: the normaliser repairs these spellings, so the clean text no longer
     * shows them.
     */
    private static final Pattern SPELLED_ADDRESS = Pattern.compile(String.join("|",
            // each run of name characters is tried from its first character only (the look-behinds): linear time
            "(?<![a-z0-9-])[a-z0-9-]{2,}+ ?(?:\\[\\.\\]|\\(\\.\\)|\\{\\.\\}|\\[dot\\]|\\(dot\\)|\\{dot\\}) ?[a-z]{2,}",
            "(?<![a-z0-9-])[a-z0-9-]{2,}+" + Patterns.NOT_AFTER_ERA_WORD + " dot (?:com|net|org|info|biz|io|pk|uk|ng|ke|ph|xyz"
                    + "|online|site|shop|store|ly|ru|gg|bet|ca|eu|de|fr|au|pro|app"
                    // domains that are also words, only where no word follows: "shopkart dot in", not "a red dot in the sky"
                    + "|(?:co|me|in|us)(?!\\s*+[a-z]))\\b" + Patterns.NOT_BEFORE_ERA_WORD,
            "(?<![a-z0-9._-])[a-z0-9._-]{2,}+ at (?:gmail|yahoo|hotmail|outlook|protonmail|proton|icloud|aol|mail|yandex) ?"
                    + "(?:dot|\\.|\\(dot\\)|\\[dot\\]) ?[a-z]{2,}",
            // the provider named without its domain: "efemenaherbs at gmail"; a name of four or more characters, not a word
            // for people, an account or work, and only providers that are not also employers ("the team at gmail", "my
            // account at gmail", "worked at yahoo" are not addresses)
            "(?<![a-z0-9._-])(?!(?:the|team|someone|people|friends?|guys|folks|staff|accounts?|inbox|mailbox|address|works?|worked"
                    + "|working|emails?|mails?)\\b)[a-z0-9._-]{4,}+ at (?:gmail|hotmail|protonmail)\\b(?! ?(?:team|staff|engineers?"
                    + "|support|office|['\u2019]s))",
            // "at" in Spanish and Portuguese: "vortexrecovery arroba proton"
            "(?<![a-z0-9._-])[a-z0-9._-]{3,}+ arroba [a-z0-9-]{3,}",
            "\\bhxxps?\\b"));

    /**
     * A number written one digit at a time ("7 0 1 7 3 4 5 6 7 8", "(5 6 2) 2 0 9 – 4 4 8 1"): seven single digits
     * or more, each set apart. Counted only when the comment holds a phone number, so that a run of scores
     * ("3-1 2-0 4-2 1-1") is not one.
     */
    private static final Pattern SPACED_DIGITS = Pattern.compile(
            "(?<!\\d)\\d(?:[\\s\\p{Pd}().]{1,4}+\\d(?!\\d)){6,}");


    /** Whether one of {@code phones} stands within 30 characters of a messenger's name, in the same sentence. */
    static boolean numberBesideMessenger(String clean, List<PhoneNumbers.Found> phones) {
        if (phones.isEmpty()) {
            return false;
        }
        int[] at = phones.stream().mapToInt(phone -> clean.indexOf(phone.text())).toArray();
        Matcher messenger = Patterns.MESSENGER.matcher(clean);
        while (messenger.find()) {
            for (int i = 0; i < at.length; i++) {
                if (at[i] < 0) {
                    continue;
                }
                int from = Math.min(messenger.end(), at[i] + phones.get(i).text().length());
                int to = Math.max(messenger.start(), at[i]);
                String between = from <= to ? clean.substring(from, to) : "";
                if (between.length() <= 30 && between.chars().noneMatch(c -> c == '.' || c == '!' || c == '?' || c == '\n')) {
                    return true;
                }
            }
        }
        return false;
    }


    /**
     * Whether the raw text spells an address so that a filter will not read it, or, when the comment holds a phone
     * number, writes a number one digit at a time.
     */
    static boolean spellsAddress(String raw, boolean holdsPhone) {
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        return SPELLED_ADDRESS.matcher(lower).find() || Patterns.holdsSpacedEmail(lower)
                || holdsPhone && SPACED_DIGITS.matcher(lower).find();
    }

    /** Whether a clean text gives a way to be reached written to slip past a filter (see {@link #HIDDEN_CONTACT}). */
    static boolean hidesContact(String clean) {
        return HIDDEN_CONTACT.matcher(clean).find();
    }
}

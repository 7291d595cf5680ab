package dev.commentguard;

import dev.commentguard.features.Lexicon;
import dev.commentguard.text.Patterns;
import dev.commentguard.text.PhoneNumbers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a comment gets its readers to reach, beyond the links, numbers and addresses that {@code Contacts} finds:
 * contacts written to slip past a filter, handles, a channel, shop or profile to go and find, and a list of search
 * keywords. {@link BlockRule} counts each as a payload of its own. Pure functions of the text: thread-safe.
 */
final class Payloads {

    /** Networks on which a handle is a way to be reached. */
    private static final String NETWORKS = "insta|instagram|ig|tiktok|tiktoks|twitter|snapchat|twitch";

    /**
     * An {@code @name}, not one being quoted, cited or thanked ("as @mike_t said", "a post from @nasa", "thanks @jo"),
     * nor part of an address, nor "@home", "@work".
     */
    private static final String LISTED_HANDLE = "(?<!\\bas |\\blike |\\bper |thanks |thank you |\\bcc |\\bvia |\\bfrom |\\bby "
            + "|\\bthat |\\bwith |\\bto |\\band |\\bhi |\\bhey |\\bsorry )(?<![\\w@.])"
            + "@(?!(?:home|work|school|night|the)\\b)[a-z0-9_.]{3,30}+(?![\\w@])";

    /** A network's name after the writer's own word for it, in the same sentence: "my bakery's instagram", "i make tiktoks". */
    private static final String OWN_NETWORK = "\\b(?:my|our|i|i'm|im|we)\\b[^.!?\\n@]{0,40}?\\b(?:" + NETWORKS + ")\\b";

    /**
     * An invitation to go and find the author somewhere a reader can reach without a link: to subscribe or follow
     * ("sub to my channel", "follow my insta", "sub4sub"), a channel of one's own, a shop on a platform, a link or
     * details "in bio", "in my profile" or "in name", a handle to search, "ask me how" ending a sentence. Each is a way
     * to a destination as surely as a link, written where a link would be removed. Matched against the clean text
     * (lower case; the normaliser reads the 4 of "sub4sub" as a letter). Not the same words in a reader's sentence:
     * "follow my advice", "I subscribe to my local paper", "my store was out of eggs", "details on page 7", "don't ask
     * me how they got away with it", "the channel is full of misinformation", "ask me how I know".
     */
    private static final Pattern POINTER = Pattern.compile(String.join("|",
            "\\b(?:sub|subscribe|subbed) (?:to )?(?:my|our) (?:[a-z0-9']{1,15}+ ){0,2}?(?:channel|page|tiktok|youtube|podcast)\\b",
            "\\b(?:sub|subscribe) to (?:me|us)(?:(?!\\s*+[a-z])| for (?:more|daily)| and\\b)",
            "\\bsub (?:to )?each other\\b|\\bsub ?4 ?sub\\b|\\bsubasub\\b|\\bsub for sub\\b|\\bfollow ?(?:4|for) ?follow\\b"
                    + "|\\bfollowafollow\\b",
            "\\bfollow (?:me|us) (?:on (?:" + NETWORKS + "|here)\\b|@|back\\b|for (?:more|daily)\\b)",
            "\\bfollow (?:my|our) (?:page|channel|insta|instagram|tiktok|account(?! of)|blog|twitter|ig|twitch)\\b",
            "\\b(?:go|pls|plz) sub to \\w",
            "\\bmy (?:new |little |small |youtube |yt |tiktok |twitch |gaming |music )?channel\\b(?! ?(?:\\d|of\\b|crossing\\b|app\\b))",
            "\\bmy etsy (?:shop|store)\\b",
            "\\b(?:check out|visit|follow) (?:my|our) (?:[a-z0-9']{1,15}+ ){0,2}?(?:shop|store|page|channel)\\b",
            "\\b(?:sigam|siga|segue|sigan|inscreva-se no|suscr[i\u00ed]bete a) (?:o |a |al )?(?:meu|mi|nosso|nuestro) canal\\b",
            "\\b(?:link|links|details|info) (?:is |are )?(?:(?:in|on) (?:my )?(?:bio|profile|perfil)|(?:in|on) my (?:page|name)"
                    + "|in name)\\b(?! ?(?:settings|fuels?|pic|picture|photo))",
            "\\binfo en mi perfil\\b",
            "\\bcheck out my (?:page|channel|shop|store|tiktok|insta|instagram|profile|podcast)\\b",
            "\\bcheck my (?:page|channel|shop|store|tiktok|insta|instagram|profile|podcast)(?=\\s*+(?:$|[^\\w\\s]))",
            "\\bsearch @[a-z0-9_.]{3,30}",
            // at the start of a clause, as an invitation: not "people always ask me how", "don't even ask me how"
            "(?:^|[.!?,;:]\\s*+|\\b(?:lol|now|just|dm)\\s++)ask me how\\b(?=\\s*+(?:$|[^\\w\\s']))",
            "\\b(?:my|our) channel(?: name)? is\\b|\\b(?:my|our) channel(?: is)? called\\b"));

    /**
     * A handle on a network given as a way to be reached: after the network's name and a colon or dash ("kik:
     * chloebby02", "insta: mehwish.lawn.collection", "ig - jess_art"; a name with a letter and a digit, underscore or
     * inner dot, so that "discord: the server is down", "tiktok: 150m users" and "Discord: down." are not one); an
     * {@code @name} after a network's name that the writer calls their own ("my bakery's Instagram page!
     * @hannahsbakehouse", "I make TikToks explaining this, @biowithbea") or asks readers to follow ("on tiktok, follow
     * @rubyreadyy"), in the same sentence or ending the comment; right after the network's name ("insta @name"); or "@name on
     * TikTok". Matched after the {@code @name}s
     * a reply opens with; a reader quoted, cited or thanked by handle is not one (see {@link #LISTED_HANDLE}).
     */
    private static final Pattern NETWORK_HANDLE = Pattern.compile(String.join("|",
            "\\b(?:insta|instagram|ig|tiktok|kik|snapchat|snap|skype|telegram|discord)(?:\\s*+:\\s*+|\\s++-\\s++)"
                    + "(?:@[a-z0-9_.]{3,30}+|(?![0-9])(?=[a-z0-9_]{2})(?=[a-z0-9_.]{0,29}[0-9_]|[a-z0-9_]++\\.[a-z0-9_])"
                    + "[a-z0-9_]{1,30}+(?:\\.[a-z0-9_]{1,30}+){0,4}+(?![a-z0-9_]))",
            // the handle right after the network's name: "insta @name", "tiktok: @name", "ig handle is @name"
            "\\b(?:" + NETWORKS + "|tik tok|fb|facebook|telegram|discord|onlyfans)\\b[\\s:-]{0,3}+"
                    + "(?:(?:is|page|account|handle|id|at|me|dm|name)[\\s:-]{0,3}+){0,2}" + LISTED_HANDLE,
            OWN_NETWORK + "[^.?\\n@]{0,40}+" + LISTED_HANDLE,
            OWN_NETWORK + "[^.?\\n@]{0,40}+[.?] ?" + LISTED_HANDLE + "(?=[^\\w\\n]*+$)",
            "\\b(?:" + NETWORKS + ")\\b[^.!?\\n@]{0,30}?\\b(?:follow|add|find|dm)\\b[^.!?\\n@]{0,15}+" + LISTED_HANDLE,
            LISTED_HANDLE + "[\\s,:-]{1,3}(?:on |at )(?:" + NETWORKS + "|telegram|discord|onlyfans)\\b"));

    /** The {@code @name}s a reply opens with, addressed to other readers. */
    private static final Pattern OPENING_HANDLES = Pattern.compile("^\\s*+(?:@[a-z0-9_.]{1,30}+[\\s,:]*+)++");

    private Payloads() {
    }

    /** Whether a clean text invites readers to find the author somewhere without a link (see {@link #POINTER}). */
    static boolean pointsToAuthor(String clean) {
        if (POINTER.matcher(clean).find()) {
            return true;
        }
        return NETWORK_HANDLE.matcher(OPENING_HANDLES.matcher(clean).replaceFirst("")).find();
    }

    /**
     * Whether a comma-separated list ({@code KEYWORD_LIST}) is search keywords for the author's site: variations on a
     * few words ("car accident lawyer, truck accident lawyer, …", "cbd oil, cbd gummies, buy cbd oil, …": a content word
     * of {@link Lexicon} in at least three parts), with at most one part holding a digit. A list of ingredients ("flour, sugar, eggs, butter, milk") or of costs
     * ("£4,100 installation, £2,300 insurance, …") is a reader's; one that repeats a longer modifier ("fresh basil,
     * fresh mint, fresh parsley") is not told apart, and the model must first have scored it at the block threshold.
     */
    static boolean seoKeywords(String clean) {
        String[] parts = clean.split("[,|;]");
        int withDigits = 0;
        Map<String, Integer> partsWith = new HashMap<>();
        for (String part : parts) {
            if (part.chars().anyMatch(Character::isDigit) && ++withDigits > 1) {
                return false;
            }
            for (String word : new HashSet<>(Arrays.asList(part.strip().split("[^\\p{L}\\p{N}]++")))) {
                if (Lexicon.isContentWord(word)) {
                    partsWith.merge(word, 1, Integer::sum);
                }
            }
        }
        return partsWith.values().stream().anyMatch(n -> n >= 3);
    }

    /** A handle or invitation link on a messenger: {@code @name}, wa.me/…, t.me/…. */
    static final Pattern HANDLE = Pattern.compile(
            "(?<![\\w.])@[a-z0-9_]{3,32}+(?![\\w@.])|\\b(?:wa|t)\\.me/");

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
     * network are {@link #NETWORK_HANDLE}). Matched against the clean text (lower case; runs of
     * spaced digits already joined).
     */
    private static final Pattern HIDDEN_CONTACT = Pattern.compile(String.join("|",
            // each run of name characters is tried from its first character only (the look-behinds): linear time
            "(?<![a-z0-9._-])[a-z0-9._-]{2,}+ ?(?:\\(at\\)|\\[at\\]|\\{at\\}|(?: @ |@ | @)) ?[a-z0-9-]{2,}+ ?(?:\\.|\\(dot\\)|\\[dot\\]| dot ) ?(?:com|net|org|co|in|ng|uk|ru)\\b",
            "(?<![a-z0-9._-])[a-z0-9._-]{2,}+ ?(?:\\(at\\)|\\[at\\]) ?[a-z0-9-]{2,}+",
            "\\b(?:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)\\b[\\s,.-]*+){7}",  // {7}, not {7,}: find() needs no more, and a longer run overflowed the stack
            "\\b(?:txt|text|sms|send)\\s+[a-z0-9]{2,12}\\s+to\\s+\\d{4,6}\\b",
            // after "txt" or "sms", "to" may be written "2", and a short code spaced digit by digit is joined with it:
            // "txt LUCKY 2 8 6 6 8 8" (not "the text has 20000 words")
            "\\b(?:txt|sms)\\s+[a-z0-9]{2,12}\\s+(?:2\\s+\\d{4,6}|2\\d{4,6})\\b",
            // an address spaced around its at sign with the provider's name only, after a word that asks to be written
            // to: "email drwalezaki @ gmail"; not "i worked 5 years @ yahoo", "the spam filter @ gmail is useless"
            "\\b(?:e-?mail|mail|contact|write|reach|message|correo)\\b[^.!?\\n@]{0,25}?(?<![a-z0-9._-])(?!" + NOT_A_MAILBOX
                    + ")[a-z0-9._-]{3,}+ ?(?: @ |@ | @)(?:gmail|yahoo|hotmail|outlook|protonmail|icloud|yandex)\\b" + NOT_THE_PROVIDER));

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
            "\\bhxxps?\\b"));

    /**
     * A number written one digit at a time ("7 0 1 7 3 4 5 6 7 8", "(5 6 2) 2 0 9 – 4 4 8 1"): seven single digits
     * or more, each set apart. Counted only when the comment holds a phone number, so that a run of scores
     * ("3-1 2-0 4-2 1-1") is not one.
     */
    private static final Pattern SPACED_DIGITS = Pattern.compile(
            "(?<!\\d)\\d(?:[\\s\\p{Pd}().]{1,4}+\\d(?!\\d)){6}");


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
        return HIDDEN_CONTACT.matcher(clean).find() || disguisesNumber(clean);
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

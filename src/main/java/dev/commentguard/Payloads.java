package dev.commentguard;

import dev.commentguard.features.Lexicon;
import dev.commentguard.features.PrefilteredPattern;
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
     * nor part of an address, nor "@home", "@work". The at sign is looked for first: the look-behinds tried at every
     * position cost 200 µs a comment that holds an at sign.
     */
    private static final String LISTED_HANDLE = "(?=@)(?<!\\bas |\\blike |\\bper |thanks |thank you |\\bcc |\\bvia |\\bfrom |\\bby "
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
    static final Pattern POINTER = Pattern.compile(String.join("|",
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
            "\\b(?:my|our) channel(?: name)? is\\b|\\b(?:my|our) channel(?: is)? called\\b"));

    /**
     * {@link #POINTER} tried only where one of its alternatives can begin. Searching the whole alternation at every
     * position of every comment the model would block took a quarter of all scoring time (issue 19).
     */
    static final PrefilteredPattern POINTER_SEARCH = new PrefilteredPattern(POINTER, List.of("sub", "follow",
            "go sub", "pls sub", "plz sub", "my", "our", "check", "visit", "sig", "segue", "inscreva", "suscr", "link",
            "details", "info", "search"));

    /** "Ask me how" at the start of a clause, as an invitation: not "people always ask me how", "don't even ask me how". */
    private static final PrefilteredPattern ASK_ME_HOW = PrefilteredPattern.containing(Pattern.compile(
            "(?:^|[.!?,;:]\\s*+|\\b(?:lol|now|just|dm)\\s++)ask me how\\b(?=\\s*+(?:$|[^\\w\\s']))"),
            List.of("ask me how"));

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
    static final Pattern NETWORK_HANDLE = Pattern.compile(String.join("|",
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
    static final Pattern OPENING_HANDLES = Pattern.compile("^\\s*+(?:@[a-z0-9_.]{1,30}+[\\s,:]*+)++");

    private Payloads() {
    }

    /** Whether a clean text invites readers to find the author somewhere without a link (see {@link #POINTER}). */
    static boolean pointsToAuthor(String clean) {
        if (POINTER_SEARCH.find(clean) || ASK_ME_HOW.find(clean)) {
            return true;
        }
        return mayHoldHandle(clean) && NETWORK_HANDLE.matcher(OPENING_HANDLES.matcher(clean).replaceFirst("")).find();
    }

    /** Whether a text holds what every {@link #NETWORK_HANDLE} holds: an at sign, or a network's name and a colon or dash. */
    static boolean mayHoldHandle(String clean) {
        return clean.indexOf('@') >= 0
                || (clean.indexOf(':') >= 0 || clean.indexOf('-') >= 0) && PrefilteredPattern.holdsAny(clean, HANDLE_NETWORKS);
    }

    /** The networks whose name, a colon or a dash and a handle without its at sign make a {@link #NETWORK_HANDLE}. */
    private static final List<String> HANDLE_NETWORKS = List.of("insta", "ig", "tiktok", "kik", "snap", "skype",
            "telegram", "discord");

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
}

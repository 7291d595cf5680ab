package dev.commentguard.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detectors for the contact details spammers leave: links, phone numbers, e-mail addresses and
 * messenger handles. They run on normalised text (see {@link TextNormalizer}).
 *
 * <p>Every expression here is written to match in linear time: possessive quantifiers or bounded
 * repetitions only, so that hostile input cannot trigger catastrophic backtracking.
 */
public final class Patterns {

    private static final String TLDS = "com|net|org|info|biz|co|io|me|tv|ly|gl|gd|xyz|online|site|shop|store|club|"
            + "top|live|link|click|blog|app|dev|pro|in|pk|uk|us|ca|au|ng|ke|ph|za|bd|lk|ae|de|fr|es|it|nl|ru|br|mx|id|my|sg|nz|ie|eu|"
            + "cc|ws|to|website|space|tech|agency|services|company|today|world|news|media|health|loan|loans|bet|casino|win|vip|life|"
            // free or cheap domains that spam favours (Links' list of them, less the ones that are also words)
            + "tk|ml|ga|cf|gq|icu|pw|cyou|sbs|cfd|buzz|"
            // more country and community domains seen in comments (not those that are also common words, at, be, no, so,
            // nor PyTorch's .pt files)
            + "gg|pl|tr|jp|cn|ch|se|ua|ar|ai|fm|tw|hk|vn|cz|gr";
    // Not the newer generic domains that are also words (.gift, .chat, .help, .support, .center, .bot, .deals, …): a
    // sentence run on without a space ("great article.help me") and code ("client.chat.completions", "text.center(20)")
    // would read as links; spam on them is found when written with a scheme or www.

    /**
     * Guards for a spelled-out "dot com" that names the era rather than an address ("the dot com bubble", "a dot com
     * startup"): not after an article or one of these words, and not before one of these. For look-behind and
     * look-ahead at the word before " dot " and after the top-level domain.
     */
    public static final String NOT_AFTER_ERA_WORD = "(?<!\\b(?:the|a|an|this|that|of|in|big|early|late|old))";
    public static final String NOT_BEFORE_ERA_WORD =
            "(?!\\s+(?:bubble|boom|bust|crash|era|days|age|years|companies|company|startups?|stocks?|mania|millionaires?)\\b)";

    /**
     * After a spelled "dot" and a top-level domain that is also a word (co, me, in, us): not a word that carries a
     * sentence on, nor a number, so that "a red dot in the sky", "a red dot in 2019" and "polka dot me and my sister"
     * are not addresses, while "shopkart dot in", "wa dot me slash 447…" and "proton dot me or WhatsApp" are.
     */
    public static final String NOT_BEFORE_SENTENCE_WORD =
            "(?!\\s++(?:the|a|an|and|of|to|for|with|my|his|her|their|our|your|this|that|is|was)\\b|\\s*+\\d)";

    /**
     * A sentence run on without a space after a pronoun, a function word or a list number ("send you.my mom is out",
     * "her.my life", "1.it is about"): not a domain, though "my", "it" and "in" are country domains. Only a whole host
     * of one such word and a top-level domain, with no path or further label after it. Not "is" nor "ok": is.gd is a
     * link shortener and ok.ru a social network.
     */
    private static final String NOT_A_RUN_ON_SENTENCE = "(?!(?:i|me|my|you|your|u|ur|he|him|his|she|her|it|its|we|us|our"
            + "|they|them|their|this|that|are|was|be|am|so|and|or|but|to|in|on|at|of|for|if|now|then|too|all|not|no"
            + "|yes|\\d{1,3})\\.[a-z]{2}(?![\\w/-]|\\.\\w))";

    /** Explicit links (scheme or www) and bare domains with a common top-level domain. */
    public static final Pattern URL = Pattern.compile(
            "(?:(?:https?|ftp)://|www\\.)[^\\s<>\"'\\]\\[)]{1,2000}+"
                    + "|(?<![\\w@.-])" + NOT_A_RUN_ON_SENTENCE
                    + "[a-z0-9][a-z0-9-]{0,62}+(?:\\.[a-z0-9][a-z0-9-]{0,62}+){0,4}\\.(?:" + TLDS + ")"
                    + "(?![\\w-])(?:/[^\\s<>\"'\\]\\[)]{0,2000}+)?",
            Pattern.CASE_INSENSITIVE);

    /** E-mail addresses. */
    public static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9._%+-]{1,64}+@[a-z0-9-]{1,63}+(?:\\.[a-z0-9-]{1,63}+){1,4}+", Pattern.CASE_INSENSITIVE);

    /**
     * Candidate phone numbers: an optional {@code +}, then digits with the separators people type
     * (spaces, dots, dashes of any kind, brackets). {@link #phoneNumbers} keeps those with 7 to 15 digits.
     */
    private static final Pattern PHONE_CANDIDATE = Pattern.compile("(?<![\\w.,])(?:\\+|00)?\\(?\\d(?:[ ().\\p{Pd}]{0,3}+\\d){5,30}+");

    /** Dates, and ranges of years ("2019-2023", "1990 – 2000"), which have a phone number's digits but are not one. */
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}"
            + "|(?:19|20)\\d\\d ?[\\p{Pd}/] ?(?:19|20)\\d\\d");

    /** Messenger handles and invitations: WhatsApp, Telegram, Viber, Signal, WeChat. */
    public static final Pattern MESSENGER = Pattern.compile(
            "\\b(?:whats\\s?app|whatsap|watsapp|wa\\.me|telegram|t\\.me|viber|signal|wechat|kik|imo)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A number written as a phone number, not a year, a range, a date or a version: a {@code +} or a trunk {@code 0}
     * and then digits (masked ones, "+971 50 xxx 0142", included), or nine digits or more with a phone's separators.
     */
    private static final String PHONE_LIKE = "(?:\\+\\d[\\dx\\s().-]{6,20}+|\\b0\\d[\\dx\\s().-]{5,20}+|\\b\\d(?:[\\s().-]?\\d){8,20}+)";

    /**
     * A messenger given as a way to be reached, not only named: an invitation link, a handle or number beside the
     * messenger's name, or a request to be contacted on it ("whatsapp me", "message him on telegram", "number in
     * my bio", and the same in Spanish, Portuguese, French, German, Polish, Turkish, Indonesian, Hindi and Urdu),
     * or the messenger as the last word of an advert that gives a number or price ("…20k channels £5/month, whatsapp").
     * Readers name messengers to warn about scams or to say where a message came from ("got a WhatsApp from a
     * 'mentor'", "support never calls you on Telegram"), so the name alone says little. "Signal" counts only in a
     * request, where it is the app; a number beside a messenger must look like a phone number, not a year or a
     * version ("whatsapp (2009-2014)", "whatsapp v2.24.10.85").
     * Every repetition is bounded: matched in linear time.
     */
    public static final Pattern MESSENGER_CONTACT = Pattern.compile(String.join("|",
            "\\b(?:wa|t)\\.me/|chat\\.whatsapp\\.com|telegram\\.me/",
            "\\b(?:whats\\s?app|whatsap|watsapp|telegram|viber|wechat|kik)\\b[^.!?\\n]{0,30}?"
                    + "(?:(?<![\\w.])@[a-z0-9_]{3,32}+|" + PHONE_LIKE + "|\\b(?:(?:zero|one|two|three|four|five|six|seven|"
                    + "eight|nine)\\W{1,3}+){3})",
            "(?<=\\s)@[a-z0-9_]{3,32}+[^.!?\\n]{0,12}?\\b(?:whats\\s?app|telegram|viber|wechat|kik)\\b",
            PHONE_LIKE + "[^.!?\\n\\w]{0,4}(?:on |via )?(?:whats\\s?app|telegram|viber|wechat)\\b",
            "\\b(?:contact|message|msg|text|write|reach|chat|dm|add|ping|inbox|talk|hit)\\w{0,6}(?: \\w{1,20}){0,3}? (?:on|via|through|"
                    + "over|by|at) (?:whats\\s?app|telegram|viber|signal|wechat|kik)\\b",
            "\\b(?:whats\\s?app|telegram|viber|wechat)\\s(?:me|us|him|her|them)\\b",
            "\\b(?:whats\\s?app|telegram|viber|wechat)(?: number| no| id| group| channel| contact)?(?: is)? (?:in|on) (?:my |the |our )?"
                    + "(?:profile|bio)\\b",
            "\\b(?:whats\\s?app|telegram)\\s(?:number|no|id)\\s(?:profile|bio)\\b",
            "\\b(?:whats\\s?app|telegram)\\s(?:pe|par)\\s(?:message|msg|rabta|contact|id|order)",
            "\\b(?:escr[ií]b(?:e|eme|enos|anme|ir|idme|an)|cont[aá]ct(?:a|ame|anos|en|ar|enos|e)|h[aá]bla(?:me|nos)|m[aá]nda(?:me|nos))"
                    + "\\s(?:\\w{1,20}\\s){0,2}?(?:por|al|en|a|sur|par|via) (?:el )?(?:whats\\s?app|telegram)\\b",
            "\\b(?:me chama|chame|chama|chamar|fale|fala|falar|mande|manda|ligue)\\s(?:\\w{1,20}\\s){0,2}?(?:no|pelo|pro|via) "
                    + "(?:whats\\s?app|whats|zap|telegram)\\b",
            "\\bhubungi\\w{0,4}\\s(?:\\w{1,20}\\s){0,2}?(?:(?:via|lewat|di|ke)\\s)?(?:wa|whats\\s?app|telegram)\\b",
            "\\b(?:whats\\s?app|telegram|wa)\\s(?:karein|karen|karo|kare|kijiye|yaz[ıi]n|ula[sş][ıi]n|mesaj)",
            "\\b(?:whats\\s?app|telegram)'?(?:tan|dan|ten|den)\\s(?:yaz|ula[sş]|mesaj)",
            "\\b(?:contactez|écrivez|ecrivez)(?:-\\w{1,5})?\\s(?:\\w{1,20}\\s){0,2}?(?:sur|par|via) (?:whats\\s?app|telegram)\\b",
            "\\b(?:kontakt|schreib|meld)\\w{0,8}\\s(?:\\w{1,20}\\s){0,3}?(?:über|per|via|auf) (?:whats\\s?app|telegram)\\b",
            "\\b(?:napisz|kontakt|pisz)\\w{0,6}\\s(?:\\w{1,20}\\s){0,2}?(?:na|przez|via) (?:whats\\s?app|telegram)\\b",
            "\\d[^\\n]{0,60}?,\\s{0,3}(?:whats\\s?app|telegram|viber|wechat)\\W{0,8}$"), Pattern.CASE_INSENSITIVE);

    /** Money amounts and prices: a currency sign or code next to a number. */
    public static final Pattern MONEY = Pattern.compile(
            "(?:[$£€₹₦¥]|\\b(?:usd|gbp|eur|rs\\.?|inr|pkr|ngn|kes|php)\\s?)\\s?\\d[\\d,.]{0,15}+(?:\\s?(?:k|m|bn|million|billion))?\\b"
                    + "|\\b\\d[\\d,.]{0,15}+\\s?(?:dollars|pounds|euros|rupees|naira|bucks|usd|gbp|eur)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> SHORTENERS = Set.of(
            "bit.ly", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at",
            "tiny.cc", "rb.gy", "bl.ink", "lnkd.in", "s.id", "v.gd", "t.ly", "shorte.st", "adf.ly", "bitly.com");

    private Patterns() {
    }

    /** Every link in the text, as written. */
    public static List<String> urls(String text) {
        List<String> found = new ArrayList<>();
        if (!mayHoldUrl(text)) {
            return found;
        }
        Matcher m = URL.matcher(text);
        while (m.find()) {
            found.add(withoutTrailingPunctuation(m.group()));
        }
        return found;
    }

    /** A match of {@link #URL} without the sentence punctuation after it, which is not part of the link. */
    public static String withoutTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?'\")".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    public static List<String> emails(String text) {
        return text.indexOf('@') < 0 ? new ArrayList<>() : all(EMAIL.matcher(text));
    }

    /**
     * Whether {@link #URL} can match at all: it needs "://", "www." or a dot followed by a letter (a
     * top-level domain). A cheap scan that lets most comments skip the expression.
     */
    public static boolean mayHoldUrl(String text) {
        if (text.contains("://")) {
            return true;
        }
        for (int i = text.indexOf('.'); i >= 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
            char next = text.charAt(i + 1);
            if (next < 0x80 && Character.isLetter(next) || text.regionMatches(true, Math.max(0, i - 3), "www.", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /** Phone-number-like runs of 7 to 15 digits that are not dates. */
    public static List<String> phoneNumbers(String text) {
        List<String> found = new ArrayList<>();
        if (asciiDigits(text) < 7) {
            return found; // every number kept has at least seven
        }
        Matcher m = PHONE_CANDIDATE.matcher(text);
        while (m.find()) {
            String candidate = m.group();
            int digits = 0;
            for (int i = 0; i < candidate.length(); i++) {
                if (Character.isDigit(candidate.charAt(i))) {
                    digits++;
                }
            }
            if (digits >= 7 && digits <= 15 && !DATE_LIKE.matcher(candidate).matches()) {
                found.add(candidate.trim());
            }
        }
        return found;
    }

    /** The host of a link, lower-cased and without {@code www.}; empty when there is none. */
    public static String host(String url) {
        String s = url.toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int end = 0;
        while (end < s.length() && "/?#:".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        s = s.substring(0, end);
        return s.startsWith("www.") ? s.substring(4) : s;
    }

    public static boolean isShortener(String url) {
        return SHORTENERS.contains(host(url));
    }

    /** How many of the characters {@code \\d} matches ({@code 0-9}) the text holds. */
    public static int asciiDigits(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    private static List<String> all(Matcher m) {
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}

package dev.commentguard.features;

import dev.commentguard.text.Patterns;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Word lists and phrase patterns behind the signals. Constants only: thread-safe. */
public final class Lexicon {

    private static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out",
            "has", "have", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "way", "who", "did", "get",
            "let", "say", "she", "too", "use", "that", "this", "with", "from", "they", "will", "would", "there", "their",
            "what", "about", "which", "when", "were", "been", "them", "than", "then", "these", "those", "some", "into",
            "just", "like", "more", "also", "very", "your", "yours", "only", "over", "such", "here", "much", "many", "most",
            "should", "could", "because", "being", "does", "doing", "where", "while", "after", "before", "even", "well",
            "really", "thanks", "thank", "post", "article", "information", "info", "great", "good", "nice", "sharing");

    /** Generic praise that says nothing about the article. */
    static final Pattern GENERIC_PRAISE = Pattern.compile(
            "\\b(?:thanks?(?: you)?(?: so much| a lot| very much)? for (?:sharing|the (?:post|article|info|information|share|update|news|blog)|this|posting|such)"
                    + "|(?:very |really |so |quite |most )?(?:nice|good|great|informative|helpful|useful|amazing|awesome|excellent|outstanding|wonderful|fantastic|superb|interesting|valuable|fabulous|impressive|brilliant)"
                    + " (?:post|article|blog|information|info|content|read|share|writeup|write-up|piece|work|site|website|stuff|topic)"
                    + "|keep (?:it up|up the good work|posting|sharing|writing)"
                    + "|i (?:really |truly )?(?:enjoyed|like|liked|love|loved|appreciate) (?:reading )?(?:your|this|the) (?:post|article|blog|content|information|site|website)"
                    + "|bookmark(?:ed)?|(?:your|this) (?:site|blog|website|post|article) (?:is|was) (?:very |really |so )?(?:helpful|informative|useful|good|nice|great)"
                    + "|(?:very|really|so) (?:informative|helpful|useful)"
                    + "|looking forward to (?:your|more) (?:next )?(?:post|article|updates)s?)\\b");

    /** {@link #GENERIC_PRAISE}, searched only where one of its phrases can begin. */
    static final PrefilteredPattern GENERIC_PRAISE_SEARCH = new PrefilteredPattern(GENERIC_PRAISE, List.of(
            "thank", "very", "really", "so ", "quite ", "most ", "nice", "good", "great", "informative", "helpful", "useful",
            "amazing", "awesome", "excellent", "outstanding", "wonderful", "fantastic", "superb", "interesting", "valuable",
            "fabulous", "impressive", "brilliant", "keep ", "i ", "bookmark", "your ", "this ", "looking forward"));

    /** Invitations to act: call, visit, click, contact, subscribe, order. */
    static final Pattern CALL_TO_ACTION = Pattern.compile(
            "\\b(?:call (?=[+(\\d])|(?:call (?:us|me|now|today|him|her|our|on|at|the)|contact (?:us|me|him|her|them|our|via|on)|visit (?:us|our|my|the (?:site|website|link))"
                    + "|click (?:here|the link|on the link|below|this)|check (?:out )?(?:my|our) |whatsapp (?:me|us|him|her|on|at)"
                    + "|text (?:me|us|him)|dm (?:me|us)|message (?:me|us|him)|subscribe|follow (?:me|us|my)|order (?:now|today|yours)"
                    + "|apply (?:now|today)|sign up|register (?:now|today|here)|book (?:now|today|your)|reach (?:out|us|me|him)"
                    + "|for (?:more )?(?:info|information|details|help)(?:,)? (?:visit|call|contact|go|click|check|whatsapp|email)"
                    + "|email (?:me|us|him)|mail (?:me|us)|get (?:in touch|yours|it now)|buy (?:now|today)|go to (?:my|our)|toll[- ]?free|hotline|helpline)\\b)");

    /** {@link #CALL_TO_ACTION}, searched only where one of its phrases can begin. */
    static final PrefilteredPattern CALL_TO_ACTION_SEARCH = new PrefilteredPattern(CALL_TO_ACTION, List.of(
            "call ", "contact ", "visit ", "click ", "check ", "whatsapp ", "text ", "dm ", "message ", "subscribe",
            "follow ", "order ", "apply ", "sign up", "register ", "book ", "reach ", "for ", "email ", "mail ", "get ", "buy ",
            "go to ", "toll", "hotline", "helpline"));

    /**
     * {@link Patterns#MESSENGER}, searched only where a messenger's name can begin. The starts are lower
     * case: for lower-cased text, as the signals' {@code clean} text is.
     */
    static final PrefilteredPattern MESSENGER_SEARCH = new PrefilteredPattern(Patterns.MESSENGER, List.of(
            "whats", "watsapp", "wa.me", "telegram", "t.me", "viber", "signal", "wechat", "kik", "imo"));

    /**
     * {@link Patterns#MONEY}, searched only where an amount can begin: at a currency sign, a currency code or a digit.
     * The codes are lower case: for lower-cased text, as the signals' {@code clean} text is. Tried at every position,
     * the pattern's two alternatives cost about 4 µs a comment with a digit in it.
     */
    static final PrefilteredPattern MONEY_SEARCH = new PrefilteredPattern(Patterns.MONEY, List.of(
            "$", "£", "€", "₹", "₦", "¥", "usd", "gbp", "eur", "rs", "inr", "pkr", "ngn", "kes", "php",
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    /** Words that turn an author name into an advertisement. */
    static final Pattern COMMERCIAL_NAME = Pattern.compile(
            "\\b(?:support|service|services|loan|loans|cheap|best|buy|online|shop|store|seo|casino|bet|pharmacy|pills|essay|writing|"
                    + "agency|solutions|marketing|deals|discount|sale|tech|help|helpline|customer|number|repair|escort|dating|crypto|forex|"
                    + "bitcoin|invest|investment|spell|doctor|herbal|hack|hacker|recovery|followers|likes|movers|packers|visa|tour|tours|"
                    + "travel|properties|realty|plots|classified|classifieds|ads|coupon|coupons|review|reviews|official)\\b");

    /** Vocabulary of products, services and the things sold with them, the stuff of informational SEO spam. */
    private static final Set<String> PRODUCT_WORDS = Set.of(
            "router", "routers", "modem", "wifi", "printer", "printers", "login", "password", "gateway", "default", "admin", "setup",
            "install", "installation", "antivirus", "software", "app", "error", "customer", "support", "service", "services",
            "account", "device", "devices", "netgear", "linksys", "tplink", "dlink", "asus", "huawei", "canon", "epson", "brother",
            "quickbooks", "sage", "norton", "mcafee", "outlook", "gmail", "yahoo", "roku", "alexa", "garmin", "paypal", "cashapp",
            "venmo", "zelle", "loan", "loans", "casino", "betting", "supplement", "supplements", "mattress", "generator",
            "purifier", "visa", "insurance", "vpn", "firmware", "ip", "address", "network", "wireless", "ink", "cartridge",
            "download", "online", "price", "prices", "buy", "shop", "store", "brand", "model", "warranty", "repair", "pills",
            "dosage", "capsules", "treatment", "clinic", "movers", "cleaning", "plumbing", "locksmith", "iptv", "subscription");

    /** Words that praise without saying anything; what a comment holds beyond these is its substance. */
    private static final Set<String> PRAISE_WORDS = Set.of(
            "thank", "thanks", "thankyou", "sharing", "share", "shared", "post", "posts", "posting", "article", "articles",
            "blog", "information", "info", "content", "nice", "good", "great", "informative", "helpful", "useful", "amazing",
            "awesome", "excellent", "outstanding", "wonderful", "fantastic", "superb", "interesting", "valuable", "keep",
            "up", "work", "writing", "enjoyed", "enjoy", "enjoyable", "reading", "read", "like", "love", "loved", "really",
            "very", "much", "so", "lot", "site", "website", "page", "bookmark", "bookmarked", "appreciate", "please", "more",
            "update", "updates", "always", "helps", "help", "insight", "knowledge", "learn", "learned", "learnt", "topic",
            "write", "writeup", "piece", "stuff", "best", "brilliant", "well", "done", "job", "dear", "sir", "admin", "author");

    private Lexicon() {
    }

    /** Words that turn from praise to a point of one's own, in the corpus's languages. */
    private static final Set<String> CONTRAST = Set.of("but", "however", "although", "though", "except", "aber", "pero",
            "mais", "mas", "maar", "tapi", "однако", "но");

    /** Whether the comment turns on a "but". */
    static boolean hasContrast(java.util.List<String> words) {
        for (String w : words) {
            if (CONTRAST.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Content words of a comment that are not praise vocabulary: what it says beyond "great post". */
    static int substanceWords(java.util.List<String> words) {
        int n = 0;
        for (String w : words) {
            if (isContentWord(w) && !PRAISE_WORDS.contains(w)) {
                n++;
            }
        }
        return n;
    }

    static int productWords(java.util.List<String> words) {
        int n = 0;
        for (String w : words) {
            if (PRODUCT_WORDS.contains(w)) {
                n++;
            }
        }
        return n;
    }

    /** Whether {@code word} is one of the stop words: the one list, for the signals and for a verdict's reasons. */
    public static boolean isStopWord(String word) {
        return STOPWORDS.contains(word);
    }

    /** Whether {@code word} carries content: three characters or more, not a stop word, not a number. */
    public static boolean isContentWord(String word) {
        return word.length() >= 3 && !STOPWORDS.contains(word) && !isAllDigits(word);
    }

    private static boolean isAllDigits(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

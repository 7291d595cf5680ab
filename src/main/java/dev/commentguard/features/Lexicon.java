package dev.commentguard.features;

import java.util.Set;
import java.util.regex.Pattern;

/** Word lists and phrase patterns behind the signals. Constants only: thread-safe. */
final class Lexicon {

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
            "\\b(?:thanks?(?: you)?(?: so much| a lot| very much)? for (?:sharing|the (?:post|article|info|information|share|update)|this|posting|such)"
                    + "|(?:very |really |so |quite |most )?(?:nice|good|great|informative|helpful|useful|amazing|awesome|excellent|outstanding|wonderful|fantastic|superb|interesting|valuable|fabulous|impressive|brilliant)"
                    + " (?:post|article|blog|information|info|content|read|share|writeup|write-up|piece|work|site|website|stuff|topic)"
                    + "|keep (?:it up|up the good work|posting|sharing|writing)"
                    + "|i (?:really |truly )?(?:enjoyed|like|liked|love|loved|appreciate) (?:reading )?(?:your|this|the) (?:post|article|blog|content|information|site|website)"
                    + "|bookmark(?:ed)?|(?:your|this) (?:site|blog|website|post|article) (?:is|was) (?:very |really |so )?(?:helpful|informative|useful|good|nice|great)"
                    + "|(?:very|really|so) (?:informative|helpful|useful)"
                    + "|looking forward to (?:your|more) (?:next )?(?:post|article|updates)s?)\\b");

    /** Invitations to act: call, visit, click, contact, subscribe, order. */
    static final Pattern CALL_TO_ACTION = Pattern.compile(
            "\\b(?:call (?:us|me|now|today|him|her|our|on|at|the)|contact (?:us|me|him|her|them|our|via|on)|visit (?:us|our|my|the (?:site|website|link))"
                    + "|click (?:here|the link|on the link|below|this)|check (?:out )?(?:my|our) |whatsapp (?:me|us|him|her|on|at)"
                    + "|text (?:me|us|him)|dm (?:me|us)|message (?:me|us|him)|subscribe|follow (?:me|us|my)|order (?:now|today|yours)"
                    + "|apply (?:now|today)|sign up|register (?:now|today|here)|book (?:now|today|your)|reach (?:out|us|me|him)"
                    + "|for (?:more )?(?:info|information|details|help)(?:,)? (?:visit|call|contact|go|click|check|whatsapp|email)"
                    + "|email (?:me|us|him)|mail (?:me|us)|get (?:in touch|yours|it now)|buy (?:now|today)|go to (?:my|our)|toll[- ]?free|hotline|helpline)\\b");

    /** Words that turn an author name into an advertisement. */
    static final Pattern COMMERCIAL_NAME = Pattern.compile(
            "\\b(?:support|service|services|loan|loans|cheap|best|buy|online|shop|store|seo|casino|bet|pharmacy|pills|essay|writing|"
                    + "agency|solutions|marketing|deals|discount|sale|tech|help|helpline|customer|number|repair|escort|dating|crypto|forex|"
                    + "bitcoin|invest|investment|spell|doctor|herbal|hack|hacker|recovery|followers|likes|movers|packers|visa|tour|tours|"
                    + "travel|properties|realty|plots|classified|classifieds|ads|coupon|coupons|review|reviews|official)\\b");

    private Lexicon() {
    }

    static boolean isContentWord(String word) {
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

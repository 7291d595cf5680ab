package dev.commentguard.features;

/**
 * The comment signals beside the n-grams, each scaled to [0, 1]. The order of the constants is the
 * order of the features in a model: append new signals at the end and bump the feature version
 * ({@link FeatureSettings#version()}), so that older models keep the signals they were trained with.
 */
public enum Signal {
    LINK("contains a link"),
    LINKS("contains several links"),
    SHORTENER("links to a URL shortener"),
    ANCHOR_TEXT("hides a link behind anchor text"),
    PHONE("contains a phone number"),
    EMAIL("contains an e-mail address"),
    MESSENGER("asks to be contacted on WhatsApp, Telegram or another messenger"),
    MONEY("mentions money or a price"),
    CALL_TO_ACTION("urges the reader to call, visit, click or contact"),
    KEYWORD_LIST("keyword-stuffed list"),
    GENERIC_PRAISE("generic praise"),
    COPIED_FROM_ARTICLE("copies a sentence of the article"),
    ARTICLE_OVERLAP(null),
    OFF_TOPIC("shares no words with the article"),
    HAS_ARTICLE(null),
    AUTHOR_URL("the author gives a web site"),
    AUTHOR_KEYWORDS("the author name reads like keywords or a link"),
    SHOUTING("written mostly in capitals"),
    REPEATED_CHARACTERS("repeats characters"),
    REPEATED_WORDS("repeats the same words"),
    MIXED_SCRIPTS("mixes alphabets inside words"),
    DISGUISED("disguises letters with look-alikes or invisible characters"),
    VERY_SHORT("very short, says almost nothing"),
    LENGTH(null),
    DIGITS(null),
    DUPLICATE("posted more than once in this batch"),
    PRODUCT_OFF_TOPIC("talks about products or services unrelated to the article"),
    // Feature version 2 from here on: links by what they point to, numbers that are phone numbers, code.
    LINK_COMMERCIAL("links to a domain made of sales words"),
    LINK_REFERENCE(null),
    LINK_SELF(null),
    LINK_AT_END("ends with a bare link"),
    PHONE_TOLL_FREE("gives a toll-free or premium-rate number"),
    CODE(null),
    PRAISE_THEN_PHRASE("generic praise, then a bare sales phrase");

    /** How many signals models of feature version 1 have: the constants before {@link #LINK_COMMERCIAL}. */
    public static final int VERSION_1_COUNT = 27;

    private final String message;

    Signal(String message) {
        this.message = message;
    }

    /** The plain-language reason shown when the signal fires, or {@code null} for context-only features. */
    public String message() {
        return message;
    }

    /** A stable key for the signal, used in reasons and model manifests. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static final int COUNT = values().length;
}

package dev.commentguard.features;

import dev.commentguard.Comment;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.Patterns;
import dev.commentguard.text.TextNormalizer;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes the {@link Signal}s of a comment. Pure functions only: thread-safe. */
public final class SignalExtractor {

    private SignalExtractor() {
    }

    /**
     * @param comment   the comment, for the raw text and the author fields
     * @param text      the comment's normalised text
     * @param article   the article's context, or {@code null} when the comment comes without one
     * @param duplicate whether the same text occurs more than once in the batch being scored
     */
    public static SignalValues extract(Comment comment, NormalizedText text, ArticleContext article, boolean duplicate) {
        return extract(comment, text, article, duplicate, Contacts.of(comment, text));
    }

    /**
     * As {@link #extract(Comment, NormalizedText, ArticleContext, boolean)}, with the comment's contacts
     * already read; {@code null} contacts give the signals of feature version 1, where every link,
     * e-mail address and phone-like number counts alike and the later signals are 0.
     */
    public static SignalValues extract(Comment comment, NormalizedText text, ArticleContext article, boolean duplicate,
                                       Contacts contacts) {
        double[] v = new double[Signal.COUNT];
        String raw = comment.text().length() > TextNormalizer.MAX_CHARS
                ? comment.text().substring(0, TextNormalizer.MAX_CHARS) : comment.text();
        String clean = text.clean();
        List<String> words = NgramVectorizer.words(text.canonical());

        int links = text.urls().size();
        set(v, Signal.LINK, links > 0);
        v[Signal.LINKS.ordinal()] = Math.min(1.0, Math.max(0, links - 1) / 4.0);
        set(v, Signal.SHORTENER, text.urls().stream().anyMatch(Patterns::isShortener));
        set(v, Signal.ANCHOR_TEXT, hasAnchor(raw));
        set(v, Signal.PHONE, !text.phones().isEmpty());
        set(v, Signal.EMAIL, !text.emails().isEmpty());
        set(v, Signal.MESSENGER, Lexicon.MESSENGER_SEARCH.find(clean));
        set(v, Signal.MONEY, Patterns.asciiDigits(clean) > 0 && Patterns.MONEY.matcher(clean).find()); // every amount has a digit
        set(v, Signal.CALL_TO_ACTION, Lexicon.CALL_TO_ACTION_SEARCH.find(clean));
        v[Signal.KEYWORD_LIST.ordinal()] = keywordList(clean);
        if (Lexicon.GENERIC_PRAISE_SEARCH.find(clean)) {
            // Praise that goes on to say something ("great piece, but the 2019 figures are wrong") is not generic.
            int substance = Lexicon.substanceWords(words);
            v[Signal.GENERIC_PRAISE.ordinal()] = substance <= 2 ? 1.0 : substance <= 5 ? 0.5 : 0.2;
        }

        double copiedSentence = 0;
        if (article != null) {
            v[Signal.HAS_ARTICLE.ordinal()] = 1;
            Set<String> shingles = ArticleContext.shingles(words);
            if (!shingles.isEmpty()) {
                int copied = 0;
                for (String s : shingles) {
                    if (article.shingles().contains(s)) {
                        copied++;
                    }
                }
                v[Signal.COPIED_FROM_ARTICLE.ordinal()] = copied / (double) shingles.size();
                if (copied > 0) {
                    copiedSentence = article.bestSentenceCoverage(shingles);
                }
            }
            int content = 0;
            int shared = 0;
            for (String w : new HashSet<>(words)) {
                if (Lexicon.isContentWord(w)) {
                    content++;
                    if (article.contentWords().contains(w)) {
                        shared++;
                    }
                }
            }
            v[Signal.ARTICLE_OVERLAP.ordinal()] = content == 0 ? 0 : shared / (double) content;
            set(v, Signal.OFF_TOPIC, content >= 5 && shared == 0);
            // Product talk under an article about something else: the informational SEO snippet.
            set(v, Signal.PRODUCT_OFF_TOPIC, content >= 4 && shared <= content / 8 && Lexicon.productWords(words) >= 2);
        }

        set(v, Signal.AUTHOR_URL, !comment.authorUrl().isBlank());
        set(v, Signal.AUTHOR_KEYWORDS, commercialAuthor(comment.author()));
        v[Signal.SHOUTING.ordinal()] = shouting(raw);
        v[Signal.REPEATED_CHARACTERS.ordinal()] = repeatedCharacters(raw);
        v[Signal.REPEATED_WORDS.ordinal()] = repeatedWords(words);
        boolean ascii = TextNormalizer.isAscii(raw); // plain ASCII can be neither
        boolean mixed = !ascii && mixedScripts(raw);
        set(v, Signal.MIXED_SCRIPTS, mixed);
        set(v, Signal.DISGUISED, !ascii && disguised(raw, mixed));
        set(v, Signal.VERY_SHORT, words.size() <= 2);
        v[Signal.LENGTH.ordinal()] = Math.min(1.0, Math.log1p(clean.length()) / Math.log1p(2000));
        v[Signal.DIGITS.ordinal()] = digitShare(clean);
        set(v, Signal.DUPLICATE, duplicate);
        if (contacts != null) {
            inContext(v, contacts, clean);
        }
        return new SignalValues(v, copiedSentence);
    }

    /**
     * Feature version 2: a link to the site itself is no link, an address on its domain no address, a
     * number a phone number only when it is valid outside code; then the signals of that version.
     */
    private static void inContext(double[] v, Contacts contacts, String clean) {
        int links = 0;
        int reference = 0;
        boolean self = false;
        boolean commercial = false;
        for (Links.Kind kind : contacts.links()) {
            switch (kind) {
                case SELF -> self = true;
                case REFERENCE -> reference++;
                case COMMERCIAL -> commercial = true;
                default -> {
                }
            }
            if (kind != Links.Kind.SELF) {
                links++;
            }
        }
        set(v, Signal.LINK, links > 0);
        v[Signal.LINKS.ordinal()] = Math.min(1.0, Math.max(0, links - 1) / 4.0);
        set(v, Signal.PHONE, !contacts.phones().isEmpty());
        set(v, Signal.EMAIL, contacts.externalEmails() > 0);
        if (contacts.authorKind() != null && switch (contacts.authorKind()) {
            case SELF, REFERENCE, PERSONAL, VIDEO -> true;
            default -> false;
        }) {
            // The site's own staff answering (as Akismet clients see them), or a reader's GitHub, blog or profile:
            // its own token in the n-gram text says which, and the signal is kept for a site of the reader's own.
            v[Signal.AUTHOR_URL.ordinal()] = 0;
        }
        set(v, Signal.LINK_COMMERCIAL, commercial);
        v[Signal.LINK_REFERENCE.ordinal()] = contacts.links().isEmpty() ? 0 : reference / (double) contacts.links().size();
        set(v, Signal.LINK_SELF, self);
        set(v, Signal.LINK_AT_END, endsWithLink(contacts));
        boolean tollFree = false;
        for (var phone : contacts.phones()) {
            tollFree |= phone.type() != dev.commentguard.text.PhoneNumbers.Type.OTHER;
        }
        set(v, Signal.PHONE_TOLL_FREE, tollFree);
        v[Signal.CODE.ordinal()] = contacts.codeShare();
        if (v[Signal.DISGUISED.ordinal()] > 0 && v[Signal.MIXED_SCRIPTS.ordinal()] == 0) {
            // An invisible character at the end of a text or between words is a copy-and-paste artefact
            // (a trailing U+FEFF is common); only one that splits a word disguises it.
            set(v, Signal.DISGUISED, disguised(stripInvisibleOutsideWords(contacts.raw()), false));
        }
        set(v, Signal.PRAISE_THEN_PHRASE, v[Signal.GENERIC_PRAISE.ordinal()] > 0 && endsWithBarePhrase(clean));
    }

    /** Whether the comment's last word is a link that is neither the site's own nor a reference. */
    private static boolean endsWithLink(Contacts contacts) {
        if (contacts.links().isEmpty()) {
            return false;
        }
        Links.Kind last = contacts.links().get(contacts.links().size() - 1);
        String marked = contacts.markedText();
        int at = marked.lastIndexOf(NormalizedText.URL_TOKEN);
        String after = marked.substring(at + NormalizedText.URL_TOKEN.length()).strip();
        // After the token come the kind and, for sales and unknown domains, the host's words.
        int words = after.isEmpty() ? 0 : after.split(" ").length;
        return last != Links.Kind.SELF && last != Links.Kind.REFERENCE && words <= 1 + 4;
    }

    private static final Set<String> SENTENCE_WORDS = Set.of("i", "you", "we", "he", "she", "it", "they", "me", "my",
            "your", "our", "is", "are", "was", "were", "be", "have", "has", "do", "does", "did", "will", "can", "this",
            "that", "thanks", "thank", "please", "so", "very", "really", "not", "no", "yes");

    /**
     * Whether the comment ends with a bare phrase after its last full stop: two to seven words, no
     * pronoun or verb, no closing punctuation. That is what is left of a link's anchor text
     * ("great post, thanks for sharing. best dentist in dubai") once a site strips the link.
     */
    static boolean endsWithBarePhrase(String clean) {
        String s = clean.strip();
        if (s.isEmpty() || ".!?)…:;".indexOf(s.charAt(s.length() - 1)) >= 0) {
            return false;
        }
        int cut = Math.max(Math.max(s.lastIndexOf('.'), s.lastIndexOf('!')), Math.max(s.lastIndexOf('?'), s.lastIndexOf('\n')));
        if (cut < 0) {
            return false;
        }
        List<String> words = NgramVectorizer.words(s.substring(cut + 1));
        if (words.size() < 2 || words.size() > 7) {
            return false;
        }
        for (String w : words) {
            if (SENTENCE_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static void set(double[] v, Signal s, boolean on) {
        v[s.ordinal()] = on ? 1.0 : 0.0;
    }

    private static boolean hasAnchor(String raw) {
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("<a ") && lower.contains("href") || lower.contains("[url") || lower.contains("](http");
    }

    /** Share of a comma- or pipe-separated list made of short keyword phrases; 0 unless there are at least five. */
    static double keywordList(String clean) {
        int separators = 0;
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == ',' || c == '|' || c == ';') {
                separators++;
            }
        }
        if (separators < 4) {
            return 0; // fewer than five parts
        }
        String[] parts = clean.split("[,|;]");
        if (parts.length < 5) {
            return 0;
        }
        int shortParts = 0;
        for (String p : parts) {
            int n = NgramVectorizer.words(p).size();
            if (n >= 1 && n <= 4) {
                shortParts++;
            }
        }
        double share = shortParts / (double) parts.length;
        return share >= 0.7 ? Math.min(1.0, shortParts / 10.0) : 0;
    }

    static boolean commercialAuthor(String author) {
        if (author.isBlank()) {
            return false;
        }
        String clean = TextNormalizer.clean(author);
        return !Patterns.urls(clean).isEmpty() || Lexicon.COMMERCIAL_NAME.matcher(clean).find()
                || NgramVectorizer.words(clean).size() >= 5;
    }

    /** Share of capital letters among letters, for comments with at least eight letters. */
    static double shouting(String raw) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x80) { // the same answers as below, without the Unicode tables
                if (c >= 'a' && c <= 'z') {
                    letters++;
                } else if (c >= 'A' && c <= 'Z') {
                    letters++;
                    upper++;
                }
            } else if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters < 8 ? 0 : Math.max(0, (upper / (double) letters - 0.3) / 0.7);
    }

    /** Longest run of one character beyond two ("soooo", "!!!!!!"), scaled so that a run of ten is 1. */
    static double repeatedCharacters(String raw) {
        int longest = 1;
        int run = 1;
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            run = c == raw.charAt(i - 1) && !Character.isWhitespace(c) && !Character.isDigit(c) ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest <= 2 ? 0 : Math.min(1.0, (longest - 2) / 8.0);
    }

    /** How much of the comment is its most frequent word, for comments of six words or more. */
    static double repeatedWords(List<String> words) {
        if (words.size() < 6) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        int most = 0;
        for (String w : words) {
            if (w.length() > 2) {
                most = Math.max(most, counts.merge(w, 1, Integer::sum));
            }
        }
        double share = most / (double) words.size();
        return most < 3 || share < 0.25 ? 0 : Math.min(1.0, (share - 0.25) / 0.5);
    }

    /** True when a word mixes Latin letters with Cyrillic or Greek ones, the mark of look-alike spelling. */
    static boolean mixedScripts(String raw) {
        boolean latin = false;
        boolean other = false;
        for (int i = 0; i <= raw.length(); i++) {
            char c = i < raw.length() ? raw.charAt(i) : ' ';
            if (!Character.isLetter(c)) {
                if (latin && other) {
                    return true;
                }
                latin = false;
                other = false;
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            latin |= script == Character.UnicodeScript.LATIN;
            other |= script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK;
        }
        return false;
    }

    /** Invisible characters, full-width forms or mathematical letters: text dressed to look like something else. */
    static boolean disguised(String raw) {
        return disguised(raw, mixedScripts(raw));
    }

    /** {@link #disguised(String)} when {@link #mixedScripts} is already known. */
    private static boolean disguised(String raw, boolean mixedScripts) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD') {
                return true;
            }
        }
        if (mixedScripts) {
            return true;
        }
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        if (nfkc.equals(raw)) {
            return false;
        }
        // NFKC also folds harmless characters (ligatures, non-breaking spaces); only letters and digits count here.
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= '\uFF10' && c <= '\uFF5A') || Character.isSurrogate(c)
                    && Character.isLetterOrDigit(raw.codePointAt(i)) && raw.codePointAt(i) >= 0x1D400 && raw.codePointAt(i) <= 0x1D7FF) {
                return true;
            }
        }
        return false;
    }

    /** The text without the invisible characters that do not stand between two letters or digits. */
    static String stripInvisibleOutsideWords(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean invisible = c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
            if (invisible && !(i > 0 && i + 1 < raw.length() && Character.isLetterOrDigit(raw.charAt(i - 1))
                    && Character.isLetterOrDigit(raw.charAt(i + 1)))) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static double digitShare(String clean) {
        if (clean.isEmpty()) {
            return 0;
        }
        int digits = 0;
        for (int i = 0; i < clean.length(); i++) {
            if (Character.isDigit(clean.charAt(i))) {
                digits++;
            }
        }
        return digits / (double) clean.length();
    }
}

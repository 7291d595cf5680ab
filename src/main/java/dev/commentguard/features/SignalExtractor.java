package dev.commentguard.features;

import dev.commentguard.Comment;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.Patterns;
import dev.commentguard.text.TextNormalizer;

import java.util.List;

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
        if (Lexicon.GENERIC_PRAISE_SEARCH.find(clean)) {
            // Praise that goes on to say something ("great piece, but the 2019 figures are wrong") is not generic.
            int substance = Lexicon.substanceWords(words);
            v[Signal.GENERIC_PRAISE.ordinal()] = substance <= 2 ? 1.0 : substance <= 5 ? 0.5 : 0.2;
        }

        double copiedSentence = article == null ? 0 : ArticleSignals.fill(v, words, article);
        set(v, Signal.AUTHOR_URL, !comment.authorUrl().isBlank());
        set(v, Signal.AUTHOR_KEYWORDS, commercialAuthor(comment.author()));
        TextShape.fill(v, raw, clean, words);
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
            set(v, Signal.DISGUISED, TextShape.disguised(TextShape.stripInvisibleOutsideWords(contacts.raw()), false));
        }
        set(v, Signal.PRAISE_THEN_PHRASE, v[Signal.GENERIC_PRAISE.ordinal()] > 0 && TextShape.endsWithBarePhrase(clean));
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

    /** Sets a signal that is either on (1) or off (0). */
    static void set(double[] v, Signal s, boolean on) {
        v[s.ordinal()] = on ? 1.0 : 0.0;
    }

    private static boolean hasAnchor(String raw) {
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("<a ") && lower.contains("href") || lower.contains("[url") || lower.contains("](http");
    }

    static boolean commercialAuthor(String author) {
        if (author.isBlank()) {
            return false;
        }
        String clean = TextNormalizer.clean(author);
        return !Patterns.urls(clean).isEmpty() || Lexicon.COMMERCIAL_NAME.matcher(clean).find()
                || NgramVectorizer.words(clean).size() >= 5;
    }
}

package dev.commentguard.features;

import dev.commentguard.Comment;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.Patterns;
import dev.commentguard.text.PhoneNumbers;
import dev.commentguard.text.TextNormalizer;

import java.util.Locale;

import static dev.commentguard.features.SignalExtractor.set;

/**
 * The signals of what a comment gives readers to reach: links, e-mail addresses, phone numbers and messengers
 * in the text, and the author's web site and name. Pure functions of the comment: thread-safe.
 */
final class ContactSignals {

    private ContactSignals() {
    }

    /**
     * Sets the contact signals of feature version 1, where every link, e-mail address and phone-like number
     * counts alike; {@code raw} is the comment's text cut to {@link TextNormalizer#MAX_CHARS}. From feature version 7
     * an anchor that shows its own address ({@code <a href="https://x.org/a">https://x.org/a</a>}, as comment systems
     * and exports write a link typed in plain) hides nothing and is no anchor text.
     */
    static void fromText(double[] v, NormalizedText text, String raw, String clean, int version) {
        int links = text.urls().size();
        set(v, Signal.LINK, links > 0);
        v[Signal.LINKS.ordinal()] = Math.min(1.0, Math.max(0, links - 1) / 4.0);
        set(v, Signal.SHORTENER, text.urls().stream().anyMatch(Patterns::isShortener));
        set(v, Signal.ANCHOR_TEXT, hasAnchor(raw) && (version < 7 || !Anchors.allShowTheirAddress(raw)));
        set(v, Signal.PHONE, !text.phones().isEmpty());
        set(v, Signal.EMAIL, !text.emails().isEmpty());
        set(v, Signal.MESSENGER, Lexicon.MESSENGER_SEARCH.find(clean));
    }

    /** Sets the signals of the author fields, as feature version {@code version} reads them. */
    static void fromAuthor(double[] v, Comment comment, int version) {
        set(v, Signal.AUTHOR_URL, !comment.authorUrl().isBlank());
        set(v, Signal.AUTHOR_KEYWORDS, commercialAuthor(comment.author(), version));
    }

    /**
     * Feature version 2: a link to the site itself is no link, an address on its domain no address, a
     * number a phone number only when it is valid outside code; overwrites the signals of
     * {@link #fromText} and {@link #fromAuthor} accordingly and sets the link and phone signals of that version.
     */
    static void inContext(double[] v, Contacts contacts) {
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
            tollFree |= phone.type() != PhoneNumbers.Type.OTHER;
        }
        set(v, Signal.PHONE_TOLL_FREE, tollFree);
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

    private static boolean hasAnchor(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        return lower.contains("<a ") && lower.contains("href") || lower.contains("[url") || lower.contains("](http");
    }

    /**
     * Whether an author name reads like an advert's keywords or a link ("Best Printer Support", "cheapflights.com").
     * Before feature version 5 any name of five words or more counted too; on our corpus such names were more often a
     * reader's (68 genuine, 47 spam: "Trevor B, East Stand since 1971") and on YouTube half of them were a fan's joke.
     */
    static boolean commercialAuthor(String author, int version) {
        if (author.isBlank()) {
            return false;
        }
        String clean = TextNormalizer.clean(author);
        return !Patterns.urls(clean).isEmpty() || Lexicon.COMMERCIAL_NAME.matcher(clean).find()
                || version < 5 && NgramVectorizer.words(clean).size() >= 5;
    }
}

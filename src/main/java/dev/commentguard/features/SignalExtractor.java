package dev.commentguard.features;

import dev.commentguard.Comment;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.Patterns;

import java.util.List;

/**
 * Computes the {@link Signal}s of a comment: the contact signals ({@link ContactSignals}), the promotional
 * wording, the article signals ({@link ArticleSignals}) and the text shape ({@link TextShape}). Pure
 * functions only: thread-safe.
 */
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
        return extract(comment, text, article, duplicate, Contacts.of(comment, text), FeatureSettings.CURRENT_VERSION);
    }

    /**
     * As {@link #extract(Comment, NormalizedText, ArticleContext, boolean)}, with the comment's contacts
     * already read; {@code null} contacts give the signals of feature version 1, where every link,
     * e-mail address and phone-like number counts alike and the later signals are 0.
     *
     * @param version the model's feature version ({@link FeatureSettings#version()})
     */
    public static SignalValues extract(Comment comment, NormalizedText text, ArticleContext article, boolean duplicate,
                                       Contacts contacts, int version) {
        double[] v = new double[Signal.COUNT];
        String raw = text.raw();
        String clean = text.clean();
        List<String> words = NgramVectorizer.words(text.canonical());

        ContactSignals.fromText(v, text, raw, clean, version);
        set(v, Signal.MONEY, Patterns.asciiDigits(clean) > 0 && Lexicon.MONEY_SEARCH.find(clean)); // every amount has a digit
        set(v, Signal.CALL_TO_ACTION, Lexicon.CALL_TO_ACTION_SEARCH.find(clean));
        if (Lexicon.GENERIC_PRAISE_SEARCH.find(clean)) {
            // Praise that goes on to say something ("great piece, but the 2019 figures are wrong") is not generic; from
            // feature version 6, a correction after a "but" says something even in two words ("nice article, but the
            // dates are wrong").
            int substance = Lexicon.substanceWords(words);
            if (version >= 6 && substance >= 1 && Lexicon.hasContrast(words)) {
                substance += 4;
            }
            v[Signal.GENERIC_PRAISE.ordinal()] = substance <= 2 ? 1.0 : substance <= 5 ? 0.5 : 0.2;
        }
        double copiedSentence = article == null ? 0 : ArticleSignals.fill(v, words, article);
        ContactSignals.fromAuthor(v, comment, version);
        TextShape.fill(v, raw, clean, words);
        set(v, Signal.DUPLICATE, duplicate);
        if (contacts != null) {
            inContext(v, contacts, clean, version);
        }
        return new SignalValues(v, copiedSentence);
    }

    /**
     * Feature version 2: the contact signals read in context ({@link ContactSignals#inContext}), code, and
     * the signals that depend on version 1's values (a disguise that splits a word, praise then a bare phrase).
     * Version 3: a messenger counts only when it is given as a way to be reached ({@link Patterns#MESSENGER_CONTACT}),
     * and an author name that reads like keywords ("Priya (FormWright Support)") does not count when the author's
     * web site is the site's own: that is its staff answering (92 of the 94 such comments in our corpus are genuine).
     */
    private static void inContext(double[] v, Contacts contacts, String clean, int version) {
        ContactSignals.inContext(v, contacts);
        if (version >= 3) {
            if (v[Signal.MESSENGER.ordinal()] > 0) {
                set(v, Signal.MESSENGER, Patterns.MESSENGER_CONTACT.matcher(clean).find());
            }
            if (contacts.authorKind() == Links.Kind.SELF) {
                v[Signal.AUTHOR_KEYWORDS.ordinal()] = 0;
            }
        }
        v[Signal.CODE.ordinal()] = contacts.codeShare();
        if (v[Signal.DISGUISED.ordinal()] > 0 && v[Signal.MIXED_SCRIPTS.ordinal()] == 0) {
            // An invisible character at the end of a text or between words is a copy-and-paste artefact
            // (a trailing U+FEFF is common); only one that splits a word disguises it.
            set(v, Signal.DISGUISED, TextShape.disguised(TextShape.stripInvisibleOutsideWords(contacts.raw()), false));
        }
        set(v, Signal.PRAISE_THEN_PHRASE, v[Signal.GENERIC_PRAISE.ordinal()] > 0 && TextShape.endsWithBarePhrase(clean));
    }

    /** Sets a signal that is either on (1) or off (0). */
    static void set(double[] v, Signal s, boolean on) {
        v[s.ordinal()] = on ? 1.0 : 0.0;
    }
}

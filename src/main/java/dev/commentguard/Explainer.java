package dev.commentguard;

import dev.commentguard.features.Features;
import dev.commentguard.features.Lexicon;
import dev.commentguard.features.NgramVectorizer;
import dev.commentguard.features.Signal;
import dev.commentguard.features.SparseVector;
import dev.commentguard.model.Model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/** Turns a comment's features into the reasons a moderator reads. Stateless: thread-safe. */
final class Explainer {

    /** Most reasons listed for one verdict. */
    static final int MAX_REASONS = 6;
    /** Most terms listed among the reasons. */
    static final int MAX_TERMS = 3;

    private static final Set<Signal> PROMOTIONAL = EnumSet.of(Signal.LINK, Signal.LINKS, Signal.SHORTENER,
            Signal.ANCHOR_TEXT, Signal.PHONE, Signal.EMAIL, Signal.MESSENGER, Signal.MONEY, Signal.CALL_TO_ACTION,
            Signal.KEYWORD_LIST, Signal.AUTHOR_URL, Signal.AUTHOR_KEYWORDS, Signal.DISGUISED, Signal.MIXED_SCRIPTS,
            Signal.PRODUCT_OFF_TOPIC);
    private static final Set<Signal> LOW_VALUE = EnumSet.of(Signal.GENERIC_PRAISE, Signal.COPIED_FROM_ARTICLE,
            Signal.OFF_TOPIC, Signal.SHOUTING, Signal.REPEATED_CHARACTERS, Signal.REPEATED_WORDS, Signal.VERY_SHORT,
            Signal.DUPLICATE);

    private Explainer() {
    }

    static List<Reason> reasons(Model model, Features features, int labelIndex, boolean spamVerdict) {
        List<Reason> reasons = new ArrayList<>();
        for (Signal s : Signal.values()) {
            double value = features.signals().get(s);
            if (s.message() == null || !fires(s, value)) {
                continue;
            }
            boolean relevant = spamVerdict ? PROMOTIONAL.contains(s) : !PROMOTIONAL.contains(s) || LOW_VALUE.contains(s);
            reasons.add(new Reason(s.code(), message(s, value, features), (relevant ? 2.0 : 1.0) + value));
        }
        reasons.sort(Comparator.comparingDouble(Reason::weight).reversed());
        List<Reason> out = new ArrayList<>(reasons.subList(0, Math.min(reasons.size(), MAX_REASONS - 1)));
        out.addAll(terms(model, features, labelIndex));
        return out.size() > MAX_REASONS ? out.subList(0, MAX_REASONS) : out;
    }

    private static boolean fires(Signal s, double value) {
        return switch (s) {
            case COPIED_FROM_ARTICLE -> value >= 0.5;
            case SHOUTING, REPEATED_WORDS, GENERIC_PRAISE -> value >= 0.5;
            case REPEATED_CHARACTERS -> value >= 0.25;
            default -> value > 0;
        };
    }

    private static String message(Signal s, double value, Features features) {
        return switch (s) {
            case COPIED_FROM_ARTICLE -> String.format(Locale.ROOT, "copies %d%% of a sentence of the article",
                    Math.round(100 * Math.max(value, features.signals().copiedSentenceShare())));
            case LINKS -> "contains " + features.text().urls().size() + " links";
            default -> s.message();
        };
    }

    /** Worth showing a moderator: a word n-gram with at least one word that is not a stop word. */
    private static boolean isReadableTerm(String term) {
        if (term.length() < 3) {
            return false;
        }
        for (int from = 0; from <= term.length(); ) {
            int to = term.indexOf(' ', from);
            if (to < 0) {
                to = term.length();
            }
            if (to - from >= 3 && !Lexicon.isStopWord(term.substring(from, to)) || term.startsWith("<", from)) {
                return true;
            }
            from = to + 1;
        }
        return false;
    }

    /** Shows the placeholder tokens of canonical text as what they stand for. */
    private static String readable(String term) {
        if (term.indexOf("xlink") >= 0) {
            for (dev.commentguard.features.Links.Kind kind : dev.commentguard.features.Links.Kind.values()) {
                term = term.replace(kind.token(), "(" + kind.description() + ")");
            }
        }
        return term.replace(dev.commentguard.text.NormalizedText.PHONE_TOKEN, "<phone number>")
                .replace(dev.commentguard.text.NormalizedText.URL_TOKEN, "<link>")
                .replace(dev.commentguard.text.NormalizedText.EMAIL_TOKEN, "<e-mail>")
                .replace(dev.commentguard.features.Contacts.SERVICE_NUMBER_TOKEN, "<helpline>")
                .replace(dev.commentguard.features.Contacts.AUTHOR_URL_TOKEN, "<author's web site>");
    }

    /** The n-grams of this comment that pushed hardest towards the verdict's label. */
    private static List<Reason> terms(Model model, Features comment, int labelIndex) {
        SparseVector vector = comment.vector();
        NgramVectorizer vectorizer = model.pipeline().vectorizer();
        int vocabulary = vectorizer.dimension();
        int[] indices = vector.indices();
        double[] values = vector.values();
        // Features and their pushes (all above zero); only the few read out are turned into text. The two arrays are
        // the thread's own, kept from one comment to the next: made anew, they were a fifth of what scoring allocated.
        boolean kept = indices.length <= Scratch.KEPT; // a longer vector's arrays are made for it alone
        Scratch scratch = kept ? Scratch.MINE.get().ensure(indices.length) : null;
        int[] features = kept ? scratch.features : new int[indices.length];
        double[] pushes = kept ? scratch.pushes : new double[indices.length];
        int count = 0;
        for (int k = 0; k < indices.length; k++) {
            int f = indices[k];
            if (f >= vocabulary) {
                continue; // a signal: said in words above
            }
            if (!vectorizer.isWordFeature(f)) {
                continue; // character n-grams overlap and rarely read as words; the word n-grams say the same
            }
            double w = model.featureWeight(labelIndex, f);
            if (Double.isNaN(w)) {
                return List.of();
            }
            double contribution = w * values[k];
            if (contribution > 0) {
                features[count] = f;
                pushes[count] = contribution;
                count++;
            }
        }
        // By decreasing push, ties in the vector's order: each round takes the strongest left (and zeroes its
        // push). Three words usually take a few rounds, far less than sorting every candidate.
        String[] words = new String[MAX_TERMS];
        // The model holds no n-gram text: the comment's own word n-grams name the features it hit.
        IntFunction<String> names = count == 0 ? null : vectorizer.wordNames(comment.ngramText());
        int found = 0;
        double top = 0;
        for (int round = 0; round < count && found < MAX_TERMS; round++) {
            int best = 0;
            for (int i = 1; i < count; i++) {
                if (pushes[i] > pushes[best]) {
                    best = i;
                }
            }
            top = Math.max(top, pushes[best]);
            pushes[best] = 0;
            String name = names.apply(features[best]);
            String core = readable(name == null ? "" : name.strip());
            if (isReadableTerm(core) && !overlapsAny(core, words, found)) {
                words[found++] = core;
            }
        }
        if (found == 0) {
            return List.of();
        }
        StringBuilder message = new StringBuilder("weighed most: ");
        for (int i = 0; i < found; i++) {
            message.append(i == 0 ? "\"" : ", \"").append(words[i]).append('"');
        }
        return List.of(new Reason("terms", message.toString(), top));
    }

    /** A thread's arrays for {@link #terms}, grown as needed; one comment's candidates at a time. */
    private static final class Scratch {
        static final int KEPT = 1 << 16;
        static final ThreadLocal<Scratch> MINE = ThreadLocal.withInitial(Scratch::new);

        int[] features = new int[1024];
        double[] pushes = new double[1024];

        Scratch ensure(int size) {
            if (features.length < size) {
                int grown = Math.min(KEPT, Math.max(size, 2 * features.length));
                features = new int[grown];
                pushes = new double[grown];
            }
            return this;
        }
    }

    /** True when {@code term} contains, or is contained in, one of the first {@code count} words. */
    private static boolean overlapsAny(String term, String[] words, int count) {
        for (int i = 0; i < count; i++) {
            if (words[i].contains(term) || term.contains(words[i])) {
                return true;
            }
        }
        return false;
    }
}

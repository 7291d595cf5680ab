package dev.commentguard;

import dev.commentguard.features.Features;
import dev.commentguard.features.Signal;
import dev.commentguard.features.SparseVector;
import dev.commentguard.model.Model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
        out.addAll(terms(model, features.vector(), labelIndex));
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
        for (String w : term.split(" ")) {
            if (w.length() >= 3 && !STOP.contains(w) || w.startsWith("<")) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> STOP = Set.of("the", "and", "for", "you", "your", "this", "that", "with", "from", "are",
            "was", "were", "have", "has", "had", "not", "but", "all", "any", "can", "our", "out", "its", "who", "which", "what",
            "when", "where", "there", "their", "them", "they", "then", "than", "these", "those", "will", "would", "been", "into",
            "about", "just", "also", "very", "some", "more", "most", "only", "over", "such", "here", "much", "many");

    /** Shows the placeholder tokens of canonical text as what they stand for. */
    private static String readable(String term) {
        return term.replace(dev.commentguard.text.NormalizedText.PHONE_TOKEN, "<phone number>")
                .replace(dev.commentguard.text.NormalizedText.URL_TOKEN, "<link>")
                .replace(dev.commentguard.text.NormalizedText.EMAIL_TOKEN, "<e-mail>");
    }

    /** The n-grams of this comment that pushed hardest towards the verdict's label. */
    private static List<Reason> terms(Model model, SparseVector vector, int labelIndex) {
        int vocabulary = model.pipeline().vectorizer().dimension();
        // Features and their pushes, sorted by push; only the few read out are turned into text.
        int[] features = new int[vector.size()];
        double[] pushes = new double[vector.size()];
        int count = 0;
        for (int k = 0; k < vector.size(); k++) {
            int f = vector.indices()[k];
            if (f >= vocabulary) {
                break;
            }
            if (!model.pipeline().vectorizer().isWordFeature(f)) {
                continue; // character n-grams overlap and rarely read as words; the word n-grams say the same
            }
            double w = model.featureWeight(labelIndex, f);
            if (Double.isNaN(w)) {
                return List.of();
            }
            double contribution = w * vector.values()[k];
            if (contribution > 0) {
                features[count] = f;
                pushes[count] = contribution;
                count++;
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        // Stable, by decreasing push: ties keep feature order, as the list of reasons did before.
        Arrays.sort(order, (a, b) -> Double.compare(pushes[b], pushes[a]));
        List<String> words = new ArrayList<>();
        for (int i : order) {
            String core = readable(model.pipeline().describe(features[i]).replace("\"", "").strip());
            if (!isReadableTerm(core) || words.stream().anyMatch(w -> w.contains(core) || core.contains(w))) {
                continue;
            }
            words.add(core);
            if (words.size() == MAX_TERMS) {
                break;
            }
        }
        if (words.isEmpty()) {
            return List.of();
        }
        double top = pushes[order[0]];
        return List.of(new Reason("terms", "weighed most: " + String.join(", ", words.stream().map(w -> "\"" + w + "\"").toList()), top));
    }
}

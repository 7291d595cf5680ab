package dev.commentguard.features;

import dev.commentguard.Article;
import dev.commentguard.Comment;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.TextNormalizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * From comments to feature vectors: normalisation, the frozen n-gram vectoriser, then the signals.
 * Immutable once fitted; every method is safe to call from any number of threads.
 *
 * <p>Feature layout: indices {@code [0, vocabulary)} are n-grams, then one feature per {@link Signal}.
 */
public final class FeaturePipeline {

    private final FeatureSettings settings;
    private final NgramVectorizer vectorizer;

    public FeaturePipeline(FeatureSettings settings, NgramVectorizer vectorizer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.vectorizer = Objects.requireNonNull(vectorizer, "vectorizer");
    }

    /** Learns the n-gram vocabulary from prepared training comments. */
    public static FeaturePipeline fit(List<Prepared> comments, FeatureSettings settings) {
        List<String> texts = new ArrayList<>(comments.size());
        for (Prepared p : comments) {
            texts.add(settings.ngramText(p));
        }
        return new FeaturePipeline(settings, NgramVectorizer.fit(texts, settings.ngrams()));
    }

    public FeatureSettings settings() {
        return settings;
    }

    public NgramVectorizer vectorizer() {
        return vectorizer;
    }

    /** Length of every feature vector. */
    public int dimension() {
        return vectorizer.dimension() + settings.signalCount();
    }


    /** Features of a batch, in input order; see {@link #prepareAll}. */
    public List<Features> extractAll(List<Comment> comments) {
        List<Prepared> prepared = prepareAll(comments, settings.version());
        List<Features> out = new ArrayList<>(prepared.size());
        for (Prepared p : prepared) {
            out.add(vectorize(p));
        }
        return out;
    }

    /**
     * Normalises and computes the signals of a batch: each article is prepared once, and texts that
     * occur more than once in the batch get the {@link Signal#DUPLICATE} signal. Keeps the input order.
     */
    public static List<Prepared> prepareAll(List<Comment> comments) {
        return prepareAll(comments, FeatureSettings.CURRENT_VERSION);
    }

    /** As {@link #prepareAll(List)}, for a model of the given feature version. */
    public static List<Prepared> prepareAll(List<Comment> comments, int version) {
        Normalized all = normalize(comments);
        return prepareAll(comments, all, repeated(List.of(all)), new HashMap<>(), version);
    }

    /**
     * A part of a batch, normalised, with the duplicate key of each comment: the first pass of scoring a
     * batch too large to hold all its features at once. The second pass takes the texts from here rather
     * than normalising every comment again.
     */
    public record Normalized(List<NormalizedText> texts, List<String> keys) {
        public Normalized {
            texts = List.copyOf(texts);
            keys = List.copyOf(keys);
        }
    }

    /** Normalises a part of a batch and keys it; parts of a batch may be normalised in parallel. */
    public static Normalized normalize(List<Comment> comments) {
        List<NormalizedText> texts = new ArrayList<>(comments.size());
        List<String> keys = new ArrayList<>(comments.size());
        for (Comment c : comments) {
            NormalizedText t = TextNormalizer.normalize(c.text());
            texts.add(t);
            keys.add(duplicateKey(t));
        }
        return new Normalized(texts, keys);
    }

    /** The keys that occur more than once across all the parts. */
    public static Set<String> repeated(List<Normalized> parts) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (Normalized part : parts) {
            for (String key : part.keys()) {
                if (!seen.add(key)) {
                    repeated.add(key);
                }
            }
        }
        return repeated;
    }

    /**
     * Prepares one part of a larger batch whose repeated texts are already known.
     *
     * @param part     {@code slice} normalised and keyed by {@link #normalize(List)}
     * @param articles prepared articles, shared between the parts of one batch; a concurrent map when
     *                 parts are prepared in parallel
     * @param version  the model's feature version
     */
    public static List<Prepared> prepareAll(List<Comment> slice, Normalized part, Set<String> repeated,
                                            Map<Article, ArticleContext> articles, int version) {
        if (part.texts().size() != slice.size()) {
            throw new IllegalArgumentException(part.texts().size() + " texts for " + slice.size() + " comments");
        }
        List<Prepared> out = new ArrayList<>(slice.size());
        for (int i = 0; i < slice.size(); i++) {
            out.add(prepare(slice.get(i), part.texts().get(i), repeated.contains(part.keys().get(i)), articles, version));
        }
        return out;
    }

    private static Prepared prepare(Comment c, NormalizedText t, boolean duplicate, Map<Article, ArticleContext> articles,
                                    int version) {
        ArticleContext ctx = null;
        if (c.article() != null && !c.article().isBlank()) {
            // By value: rows that each carry the article's title and text share one prepared article.
            ctx = articles.computeIfAbsent(c.article(), ArticleContext::of);
        }
        Contacts contacts = version >= 2 ? Contacts.of(c, t) : null;
        return new Prepared(t, SignalExtractor.extract(c, t, ctx, duplicate, contacts), contacts);
    }

    /** Features of a single comment, scored on its own (no batch, so never a duplicate). */
    public Features extract(Comment comment) {
        return extract(comment, new HashMap<>(2));
    }

    /**
     * As {@link #extract(Comment)}, taking the comment's prepared article from {@code articles}, or
     * preparing it and putting it there: comments under the same article share that work.
     *
     * @param articles prepared articles by value; a concurrent map when shared between threads
     */
    public Features extract(Comment comment, Map<Article, ArticleContext> articles) {
        NormalizedText text = TextNormalizer.normalize(comment.text());
        return vectorize(prepare(comment, text, false, articles, settings.version()));
    }

    /**
     * As {@link #extract(Comment, Map)}, for a comment of a stream: {@code seen} decides, from the key that
     * texts posted twice share, whether the text was posted before.
     */
    public Features extract(Comment comment, Map<Article, ArticleContext> articles, Predicate<String> seen) {
        NormalizedText text = TextNormalizer.normalize(comment.text());
        return vectorize(prepare(comment, text, seen.test(duplicateKey(text)), articles, settings.version()));
    }

    /** The feature vector of a prepared comment: n-grams, then the signals when enabled. */
    public Features vectorize(Prepared prepared) {
        NormalizedText text = prepared.text();
        SignalValues signals = prepared.signals();
        String ngramText = settings.ngramText(prepared);
        if (!settings.signals()) {
            return new Features(text, signals, ngramText, vectorizer.transform(ngramText, 0));
        }
        int base = vectorizer.dimension();
        double[] sv = signals.values();
        int count = settings.signalCount();
        int nonZero = 0;
        for (int s = 0; s < count; s++) {
            if (sv[s] != 0) {
                nonZero++;
            }
        }
        int[] indices = new int[nonZero];
        double[] values = new double[nonZero];
        int k = 0;
        for (int s = 0; s < count; s++) {
            if (sv[s] != 0) {
                indices[k] = base + s;
                values[k] = sv[s] * settings.signalWeight();
                k++;
            }
        }
        return new Features(text, signals, ngramText, vectorizer.transform(ngramText, indices, values));
    }

    /** The key of {@link #duplicateKey(NormalizedText)} of a text not yet normalised. */
    public static String duplicateKey(String text) {
        return duplicateKey(TextNormalizer.normalize(text));
    }

    /** Texts that differ only in case, spacing and punctuation count as the same post. */
    private static String duplicateKey(NormalizedText t) {
        StringBuilder key = new StringBuilder();
        String s = t.canonical();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (TextNormalizer.isLetterOrDigit(c)) {
                key.append(c);
            }
        }
        return key.length() == 0 ? s : key.toString();
    }
}

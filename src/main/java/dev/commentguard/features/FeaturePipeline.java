package dev.commentguard.features;

import dev.commentguard.Comment;
import dev.commentguard.text.NormalizedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * From comments to feature vectors: normalisation, the frozen n-gram vectoriser, then the signals.
 * Immutable once fitted and safe to share between threads: {@link #extract} is as thread-safe as the
 * {@link ExtractionContext} it is given, every other method entirely.
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


    /**
     * The features of one comment: {@link #vectorize} of {@link #prepare}. Whether the comment stands alone, comes in
     * a stream or is part of a batch is the {@code context}'s business, not the pipeline's.
     */
    public Features extract(Comment comment, ExtractionContext context) {
        return vectorize(prepare(comment, context, settings.version()));
    }

    /**
     * The work on a comment that needs no vocabulary: its normalised text, its signals and (feature version 2) its
     * contacts. Kept apart from {@link #vectorize} because training prepares every comment once, before any vocabulary
     * exists, and vectorises it again with each cross-validation fold's pipeline.
     *
     * @param version the model's feature version
     */
    public static Prepared prepare(Comment comment, ExtractionContext context, int version) {
        ExtractionContext.Keyed text = context.text(comment.text());
        ArticleContext article = context.article(comment.article());
        Contacts contacts = version >= 2 ? Contacts.of(comment, text.text()) : null;
        return new Prepared(text.text(),
                SignalExtractor.extract(comment, text.text(), article, context.seenBefore(text), contacts), contacts);
    }

    /**
     * The training data prepared, in input order, as one batch ({@link ExtractionContext#batch}): each article
     * prepared once, and texts that occur more than once get the {@link Signal#DUPLICATE} signal.
     *
     * @param version the feature version of the model to train
     */
    public static List<Prepared> prepareAll(List<Comment> comments, int version) {
        ExtractionContext context = ExtractionContext.batch(comments);
        List<Prepared> out = new ArrayList<>(comments.size());
        for (Comment c : comments) {
            out.add(prepare(c, context, version));
        }
        return out;
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
}

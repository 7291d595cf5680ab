package dev.commentguard.features;


import dev.commentguard.concurrent.Tasks;
import dev.commentguard.Comment;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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
                SignalExtractor.extract(comment, text.text(), article, context.seenBefore(text), contacts, version), contacts);
    }

    /**
     * A comment prepared only as far as its n-gram text ({@link FeatureSettings#ngramText}) needs: normalised, and its
     * contacts read when the n-grams are taken from the text with its contacts marked; no signals (they are {@code null}). For counting a
     * training set's n-grams in a pass of their own.
     */
    public static Prepared prepareText(Comment comment, FeatureSettings settings) {
        NormalizedText text = TextNormalizer.normalize(comment.text());
        boolean marked = settings.text() == FeatureSettings.NgramText.MARKED;
        return new Prepared(text, null, marked ? Contacts.of(comment, text) : null);
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

    /** Comments a task of {@link #prepareAll(List, int, Executor)} normalises or prepares. */
    private static final int SLICE = 4096;

    /**
     * As {@link #prepareAll(List, int)}, the same values, with the work spread over {@code executor}: every slice
     * normalised and keyed, the repeated texts found, then every slice prepared. Preparing is most of the cost of
     * reading a large training set (about 45 µs a comment, docs/benchmarks.md).
     */
    public static List<Prepared> prepareAll(List<Comment> comments, int version, Executor executor) {
        if (comments.size() <= SLICE) {
            return prepareAll(comments, version);
        }
        List<CompletableFuture<BatchPart>> normalizing = new ArrayList<>();
        for (int from = 0; from < comments.size(); from += SLICE) {
            List<Comment> slice = comments.subList(from, Math.min(comments.size(), from + SLICE));
            normalizing.add(CompletableFuture.supplyAsync(() -> BatchPart.of(slice), executor));
        }
        List<BatchPart> parts = new ArrayList<>();
        for (CompletableFuture<BatchPart> part : normalizing) {
            parts.add(Tasks.await(part, "preparing comments"));
        }
        Set<String> repeated = BatchPart.repeated(parts);
        PreparedArticles articles = PreparedArticles.forBatch();
        List<CompletableFuture<List<Prepared>>> preparing = new ArrayList<>();
        for (BatchPart part : parts) {
            preparing.add(CompletableFuture.supplyAsync(() -> {
                ExtractionContext context = part.context(articles, repeated);
                List<Prepared> out = new ArrayList<>(part.comments().size());
                for (Comment c : part.comments()) {
                    out.add(prepare(c, context, version));
                }
                return out;
            }, executor));
        }
        List<Prepared> all = new ArrayList<>(comments.size());
        for (CompletableFuture<List<Prepared>> part : preparing) {
            all.addAll(Tasks.await(part, "preparing comments"));
        }
        return all;
    }


    /** The feature vector of a prepared comment: n-grams, then the signals when enabled. */
    public Features vectorize(Prepared prepared) {
        String ngramText = settings.ngramText(prepared);
        SignalTail tail = signalTail(prepared.signals());
        return new Features(prepared.text(), prepared.signals(), ngramText,
                vectorizer.transform(ngramText, 0, tail.indices, tail.values), prepared.contacts());
    }

    /**
     * The vector {@link #vectorize(Prepared)} gives, from the buckets of the comment's n-gram text
     * ({@link FeatureSettings#ngramText}) scanned into {@code buckets}: training hashes a comment once for every
     * fold's pipeline.
     *
     * @throws IllegalStateException when this pipeline's n-grams are not hashed
     */
    public SparseVector vectorize(Prepared prepared, NgramBuckets buckets) {
        if (!(vectorizer instanceof HashedNgrams hashed)) {
            throw new IllegalStateException("n-grams found by an exact vocabulary have no buckets");
        }
        SignalTail tail = signalTail(prepared.signals());
        return hashed.transformBuckets(buckets, 0, tail.indices, tail.values);
    }

    private record SignalTail(int[] indices, double[] values) {
    }

    private static final SignalTail NO_SIGNALS = new SignalTail(new int[0], new double[0]);

    /** The signals' entries of the vector, after the n-grams; none when signals are off. */
    private SignalTail signalTail(SignalValues signals) {
        if (!settings.signals()) {
            return NO_SIGNALS;
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
        return new SignalTail(indices, values);
    }
}

package dev.commentguard;

import dev.commentguard.features.ArticleContext;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.Features;
import dev.commentguard.features.Prepared;
import dev.commentguard.model.Manifest;
import dev.commentguard.model.Model;
import dev.commentguard.model.ModelFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores reader comments with a trained model: label, class probabilities, spam score, action and
 * reasons.
 *
 * <p><b>Thread safety:</b> immutable and safe to share. One instance may serve any number of threads
 * at once; every call gives the same verdict whichever thread makes it. {@link #score} does no I/O.
 *
 * <pre>{@code
 * CommentScorer scorer = CommentScorer.loadDefault();
 * Verdict v = scorer.score(Comment.of("Call 0300-1234567 for free classified ads"));
 * }</pre>
 */
public final class CommentScorer {

    /** Where the default model lives inside the jar. */
    static final String DEFAULT_MODEL_RESOURCE = "/dev/commentguard/model/default.model";

    private final Model model;
    private final Thresholds thresholds;
    private final int positive;

    private CommentScorer(Model model, Thresholds thresholds) {
        this.model = Objects.requireNonNull(model, "model");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.positive = model.labels().indexOf(model.manifest().positiveLabel());
    }

    /** Wraps a model already in memory, with the thresholds stored in it. */
    public static CommentScorer of(Model model) {
        return new CommentScorer(model, new Thresholds(model.manifest().reviewThreshold(), model.manifest().blockThreshold()));
    }

    /** Loads a model file, checking its format, checksum and classes. */
    public static CommentScorer load(Path modelFile) throws IOException {
        return of(ModelFile.load(modelFile));
    }

    /**
     * The default model shipped inside the CommentGuard jar, loaded once and shared.
     *
     * @throws IllegalStateException if the jar was built without its default model
     */
    public static CommentScorer loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    private static final class DefaultHolder {
        static final CommentScorer INSTANCE = readDefault();

        private static CommentScorer readDefault() {
            try (InputStream in = CommentScorer.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the default model " + DEFAULT_MODEL_RESOURCE
                            + " is missing from the class path; build the jar with models/default.model present");
                }
                return of(ModelFile.load(in, "default model"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled default model", e);
            }
        }
    }

    /** The same model with other thresholds. */
    public CommentScorer withThresholds(Thresholds newThresholds) {
        return new CommentScorer(model, newThresholds);
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** The model's labels, in the order of {@link Verdict#probabilities()}. */
    public List<String> labels() {
        return model.labels();
    }

    public String positiveLabel() {
        return model.manifest().positiveLabel();
    }

    /** The model's provenance: versions, training data hash, settings and cross-validated metrics. */
    public Manifest manifest() {
        return model.manifest();
    }

    /** Scores one comment on its own. */
    public Verdict score(Comment comment) {
        return verdict(comment, model.pipeline().extract(comment));
    }

    /**
     * Scores a batch, in order. Besides being faster per comment, a batch lets comments be judged
     * together: the same text posted more than once in the batch is flagged.
     */
    public List<Verdict> scoreAll(List<Comment> comments) {
        List<Verdict> out = new ArrayList<>(comments.size());
        scoreAll(comments, out::add);
        return out;
    }

    /**
     * Scores a batch, handing each verdict to {@code sink} in input order as soon as it is ready. Memory
     * stays bounded however long the batch: past {@value #SLICE} comments, a first pass finds the
     * repeated texts and the comments are then scored {@value #SLICE} at a time.
     */
    public void scoreAll(List<Comment> comments, Consumer<? super Verdict> sink) {
        if (comments.size() <= SLICE) {
            List<Features> features = model.pipeline().extractAll(comments);
            for (int i = 0; i < comments.size(); i++) {
                sink.accept(verdict(comments.get(i), features.get(i)));
            }
            return;
        }
        Set<String> repeated = FeaturePipeline.repeatedTexts(comments);
        Map<Article, ArticleContext> articles = new HashMap<>();
        for (int from = 0; from < comments.size(); from += SLICE) {
            List<Comment> slice = comments.subList(from, Math.min(comments.size(), from + SLICE));
            List<Prepared> prepared = FeaturePipeline.prepareAll(slice, repeated, articles);
            for (int i = 0; i < slice.size(); i++) {
                sink.accept(verdict(slice.get(i), model.pipeline().vectorize(prepared.get(i))));
            }
        }
    }

    /** Comments scored together in one slice of a large batch. */
    static final int SLICE = 4096;

    private Verdict verdict(Comment comment, Features features) {
        double[] distribution = model.distribution(features);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < distribution.length; i++) {
            probabilities.put(model.labels().get(i), distribution[i]);
            if (distribution[i] > distribution[best]) {
                best = i;
            }
        }
        double spamScore = distribution[positive];
        List<Reason> reasons = Explainer.reasons(model, features, best, best == positive);
        return new Verdict(comment.id(), model.labels().get(best), spamScore, probabilities,
                thresholds.actionFor(spamScore), reasons);
    }
}

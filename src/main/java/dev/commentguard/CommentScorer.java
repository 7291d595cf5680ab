package dev.commentguard;

import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.Features;
import dev.commentguard.features.PreparedArticles;
import dev.commentguard.model.Manifest;
import dev.commentguard.model.Model;
import dev.commentguard.model.ModelFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Scores reader comments with a trained model: label, class probabilities, spam score, action and
 * reasons.
 *
 * <p><b>Thread safety:</b> safe to share. One instance may serve any number of threads at once; every
 * call gives the same verdict whichever thread makes it. {@link #score} does no I/O. Its only state
 * besides the model is a cache of the last {@value #PREPARED_ARTICLES} articles it prepared (their
 * words and sentences, a few hundred microseconds of work for a 2,000-character article), so that
 * comments under the same article do not each pay for it; the cache never changes a verdict.
 *
 * <pre>{@code
 * CommentScorer scorer = CommentScorer.loadDefault();
 * Verdict v = scorer.score(Comment.of("Call 0300-1234567 for free classified ads"));
 * }</pre>
 */
public final class CommentScorer {

    /**
     * Most articles kept prepared for {@link #score}; past it the cache starts afresh. More than a busy site has open
     * for comments at once: 64 made comments arriving across the held-out set's 125 articles prepare their article
     * again and again (12% of scoring time). About 15 KB an article of 2,000 characters.
     */
    static final int PREPARED_ARTICLES = 256;

    private final Model model;
    private final Thresholds thresholds;
    private final int positive;
    /** Articles prepared by {@link #score}, by value; shared by scorers of the same model. */
    private final PreparedArticles preparedArticles;
    /** The context of a comment scored on its own. */
    private final ExtractionContext alone;
    /** Whether verdicts carry the reasons a moderator reads. */
    private final boolean explains;

    private CommentScorer(Model model, Thresholds thresholds, PreparedArticles preparedArticles, boolean explains) {
        this.model = Objects.requireNonNull(model, "model");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.positive = model.labels().indexOf(model.manifest().positiveLabel());
        this.preparedArticles = preparedArticles;
        this.alone = ExtractionContext.alone(preparedArticles);
        this.explains = explains;
    }

    /** Wraps a model already in memory, with the thresholds stored in it. */
    public static CommentScorer of(Model model) {
        return new CommentScorer(model, new Thresholds(model.manifest().reviewThreshold(), model.manifest().blockThreshold()),
                new PreparedArticles(PREPARED_ARTICLES), true);
    }

    /**
     * Loads a model file, checking its format, checksum and classes.
     *
     * @throws ModelFileException a missing, unreadable, damaged or foreign file, with a message that names it and
     *                            says which ({@link ModelFileException} is an {@link IOException})
     * @throws IOException        any other failure to read
     */
    public static CommentScorer load(Path modelFile) throws IOException {
        return of(ModelFile.load(modelFile));
    }

    /**
     * Loads a model from the bytes of a model file, checked as {@link #load(Path)} checks a file: for a model that
     * arrives other than as a local file, such as one a distributed job sends to its workers.
     *
     * @param source what to call the model in error messages, such as the file it was read from
     * @throws ModelFileException bytes that are not a whole, intact model file, with a message naming {@code source}
     * @throws IOException        any other failure to read
     */
    public static CommentScorer load(InputStream in, String source) throws IOException {
        return of(ModelFile.load(in, source));
    }

    /**
     * The default model shipped inside the CommentGuard jar, loaded once and shared. A failed load throws, and the
     * next call tries again.
     *
     * @throws IllegalStateException if the jar was built without its default model
     * @throws java.io.UncheckedIOException if the bundled model cannot be read (a damaged jar)
     */
    public static CommentScorer loadDefault() {
        return DefaultModel.scorer();
    }

    /** The same model with other thresholds. */
    public CommentScorer withThresholds(Thresholds newThresholds) {
        return new CommentScorer(model, newThresholds, preparedArticles, explains);
    }

    /**
     * The same model and thresholds, giving the same labels, probabilities and actions without the reasons, except the
     * one that says why a comment at the block threshold is held for review: for jobs that act on the verdicts and
     * show no one why. Explaining a verdict takes roughly a tenth of the time of scoring it (docs/benchmarks.md).
     */
    public CommentScorer withoutReasons() {
        return new CommentScorer(model, thresholds, preparedArticles, false);
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

    /**
     * Scores one comment on its own.
     *
     * @throws NullPointerException if {@code comment} is null
     */
    public Verdict score(Comment comment) {
        return score(comment, alone);
    }

    /**
     * A scorer for comments that arrive one at a time, which flags a text posted again within the stream;
     * see {@link CommentStream}.
     */
    public CommentStream stream() {
        return new CommentStream(this);
    }

    /**
     * The one way a comment is scored: a comment on its own, in a stream and in a batch differ only in {@code context}.
     */
    Verdict score(Comment comment, ExtractionContext context) {
        return verdict(comment, model.pipeline().extract(comment, context));
    }

    /**
     * The context of comments whose text was posted before when {@code seenBefore} holds for its {@link #repeatKey}:
     * a stream's, or a part's of a larger batch. It shares the articles {@link #score(Comment)} prepared, as a job
     * scoring part after part, or a stream, meets the same articles again and again.
     */
    ExtractionContext context(Predicate<String> seenBefore) {
        return ExtractionContext.seenWhen(preparedArticles, seenBefore);
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
     * The key that a text shares with the texts counted as the same post: texts that differ only in case, spacing and
     * punctuation have the same key. A job that finds the repeated texts of a whole data set itself, spread over many
     * machines, groups the comments by this key and passes what it found to {@link #scorePart}.
     */
    public static String repeatKey(String text) {
        return ExtractionContext.repeatKey(Objects.requireNonNull(text, "text"));
    }

    /**
     * Scores a part of a larger batch whose repeated texts are already known, in order: as {@link #scoreAll(List)},
     * except that a comment is flagged as posted more than once when {@code repeated} holds for its text's
     * {@link #repeatKey}, whatever else is in {@code comments}. Each part of a data set split over many machines is
     * then scored as the whole data set would be in one batch. Like {@link #score}, it keeps the articles it prepared
     * for the calls after it.
     */
    public List<Verdict> scorePart(List<Comment> comments, Predicate<String> repeated) {
        ExtractionContext context = context(Objects.requireNonNull(repeated, "repeated"));
        List<Verdict> out = new ArrayList<>(comments.size());
        for (Comment c : comments) {
            out.add(score(c, context));
        }
        return out;
    }

    /**
     * Scores a batch, handing each verdict to {@code sink} in input order as soon as it is ready. A first pass
     * normalises every comment and finds the repeated texts; the normalised texts (about the size of the comments
     * again) are kept for the second pass, which scores the comments one by one, so that no comment is normalised
     * twice and no more than one comment's features are held at once.
     */
    public void scoreAll(List<Comment> comments, Consumer<? super Verdict> sink) {
        scoreAll(comments, sink, 1);
    }

    /**
     * As {@link #scoreAll(List, Consumer)}, with the work of a large batch spread over {@code threads}
     * threads of its own (started for this call, stopped before it returns). The verdicts are the same
     * numbers in the same order as with one thread, and {@code sink} is called from the calling thread
     * only. A batch of at most {@value #SLICE} comments is scored on the calling thread. A larger one is
     * scored {@value #SLICE} comments at a time: the verdicts of only a few slices are held at once, and the
     * normalised texts of a slice are let go once it is scored.
     *
     * @param threads threads to use, at least 1; {@link Runtime#availableProcessors()} is a good choice
     * @throws IllegalStateException if the calling thread is interrupted while it waits for the workers (the
     *                               interrupt is kept set); the verdicts handed over so far stand
     */
    public void scoreAll(List<Comment> comments, Consumer<? super Verdict> sink, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (threads > 1 && comments.size() > SLICE) {
            new BatchScorer(this, threads).scoreAll(comments, sink);
            return;
        }
        ExtractionContext context = ExtractionContext.batch(comments);
        for (Comment c : comments) {
            sink.accept(score(c, context));
        }
    }

    /** The label whose comments get {@link Action#DEMOTE} rather than {@link Action#ALLOW}. */
    static final String LOW_QUALITY = "low_quality";

    /** Comments scored together in one slice of a large batch spread over threads. */
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
        List<Reason> reasons = explains ? Explainer.reasons(model, features, best, best == positive) : List.of();
        Action action = thresholds.actionFor(spamScore);
        if (action == Action.BLOCK) {
            String hold = BlockRule.holdReason(model, comment, features, thresholds,
                    f -> model.distribution(f)[positive], preparedArticles);
            if (hold != null) {
                action = Action.REVIEW;
                reasons = new ArrayList<>(reasons);
                reasons.add(0, new Reason("held", hold, 0));
            }
        } else if (action == Action.ALLOW && model.labels().get(best).equals(LOW_QUALITY)) {
            action = Action.DEMOTE;
        }
        return new Verdict(comment.id(), model.labels().get(best), spamScore, probabilities, action, reasons);
    }
}

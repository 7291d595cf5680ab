package dev.commentguard.features;

import dev.commentguard.Article;
import dev.commentguard.Comment;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.TextNormalizer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What extracting a comment's features needs besides the comment and the model: where prepared articles are kept,
 * and whether the comment's text counts as posted before. A comment scored on its own, a comment of a stream and the
 * comments of a batch all go through {@link FeaturePipeline#extract}; they differ only in the context they pass.
 *
 * <p>Whether a text was posted before is told from its {@linkplain #repeatKey repeat key}: never for a comment on its
 * own, by a rule the caller gives for a stream or a part of a larger batch, and from the keys that more than one of
 * its comments share for a batch. A batch's context also carries the texts its first pass normalised, so that no
 * comment is normalised twice.
 *
 * <p><b>Thread safety:</b> as safe to share as its seen-before rule: the contexts of a single comment and of a batch
 * may be used by any number of threads at once; a stream's rule remembers keys, so its context belongs to one stream.
 */
public final class ExtractionContext {

    /** A comment's text normalised, with its repeat key ({@code null} when no seen-before rule will ask for it). */
    record Keyed(NormalizedText text, String key) {

        static Keyed of(String raw) {
            NormalizedText text = TextNormalizer.normalize(raw);
            return new Keyed(text, repeatKey(text));
        }
    }

    private final PreparedArticles articles;
    /** Told a text's repeat key, whether the text was posted before; {@code null} when nothing was. */
    private final Predicate<String> seenBefore;
    /** Texts already normalised and keyed, by raw text: a batch's first pass. */
    private final Map<String, Keyed> normalized;

    ExtractionContext(PreparedArticles articles, Predicate<String> seenBefore, Map<String, Keyed> normalized) {
        this.articles = Objects.requireNonNull(articles, "articles");
        this.seenBefore = seenBefore;
        this.normalized = normalized;
    }

    /** A comment on its own, whose article is prepared for it alone: nothing was posted before it. */
    public static ExtractionContext alone() {
        return alone(new PreparedArticles(1));
    }

    /** Comments each judged on its own, sharing {@code articles}: nothing was posted before them. */
    public static ExtractionContext alone(PreparedArticles articles) {
        return new ExtractionContext(articles, null, Map.of());
    }

    /**
     * Comments whose text was posted before when {@code seenBefore} holds for its repeat key. The rule is asked once a
     * comment, as the comment is extracted, so that a stream may remember each key as it is asked.
     */
    public static ExtractionContext seenWhen(PreparedArticles articles, Predicate<String> seenBefore) {
        return new ExtractionContext(articles, Objects.requireNonNull(seenBefore, "seenBefore"), Map.of());
    }

    /**
     * The comments of a whole batch, with an article cache of their own: each text is normalised here, once, and a
     * text counts as posted before when another comment of the batch has the same repeat key.
     */
    public static ExtractionContext batch(List<Comment> comments) {
        BatchPart all = BatchPart.of(comments);
        return all.context(PreparedArticles.forBatch(), BatchPart.repeated(List.of(all)));
    }

    /** The text normalised, with its repeat key when the seen-before rule will ask for it. */
    Keyed text(String raw) {
        Keyed known = normalized.get(raw);
        if (known != null) {
            return known;
        }
        NormalizedText text = TextNormalizer.normalize(raw);
        return new Keyed(text, seenBefore == null ? null : repeatKey(text));
    }

    boolean seenBefore(Keyed text) {
        return seenBefore != null && seenBefore.test(text.key());
    }

    ArticleContext article(Article article) {
        return articles.of(article);
    }

    /** The key of {@link #repeatKey(NormalizedText)} of a text not yet normalised. */
    public static String repeatKey(String text) {
        return repeatKey(TextNormalizer.normalize(text));
    }

    /** Texts that differ only in case, spacing and punctuation count as the same post. */
    public static String repeatKey(NormalizedText t) {
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

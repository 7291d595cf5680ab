package dev.commentguard.features;

import dev.commentguard.Comment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A part of a batch after the first pass of scoring it: each distinct text normalised once and keyed. Which texts a
 * batch repeats is known only once every key is, so the texts are kept here until their part is scored, and the
 * second pass takes them from its {@link #context} rather than normalising again.
 *
 * <p><b>Thread safety:</b> immutable once made; the parts of a batch may be made in parallel.
 */
public final class BatchPart {

    private final List<Comment> comments;
    private final Map<String, ExtractionContext.Keyed> texts;

    private BatchPart(List<Comment> comments, Map<String, ExtractionContext.Keyed> texts) {
        this.comments = comments;
        this.texts = texts;
    }

    /** Normalises and keys the texts of {@code comments}, a part of a batch kept in order. */
    public static BatchPart of(List<Comment> comments) {
        Map<String, ExtractionContext.Keyed> texts = new HashMap<>();
        for (Comment c : comments) {
            texts.computeIfAbsent(c.text(), ExtractionContext.Keyed::of);
        }
        return new BatchPart(List.copyOf(comments), texts);
    }

    public List<Comment> comments() {
        return comments;
    }

    /** The repeat keys that more than one comment of the parts has. */
    public static Set<String> repeated(List<BatchPart> parts) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (BatchPart part : parts) {
            for (Comment c : part.comments) {
                String key = part.texts.get(c.text()).key();
                if (!seen.add(key)) {
                    repeated.add(key);
                }
            }
        }
        return repeated;
    }

    /**
     * The context for scoring this part's comments: its texts as normalised here, a text posted before when its key is
     * in {@code repeated}, articles from {@code articles} (shared by the parts of one batch).
     */
    public ExtractionContext context(PreparedArticles articles, Set<String> repeated) {
        return new ExtractionContext(articles, repeated::contains, texts);
    }
}

package dev.commentguard.features;

import dev.commentguard.Article;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Articles prepared for the signals ({@link ArticleContext}), kept by value so that the comments under one article
 * share the work: rows that each carry the article's title and text get one preparation. Holds at most
 * {@code limit} articles; when full it starts afresh, which costs a preparation again and never changes a result.
 *
 * <p><b>Thread safety:</b> safe to share between any number of threads; two threads meeting the same new article at
 * once prepare it once.
 */
public final class PreparedArticles {

    private final int limit;
    private final Map<Article, ArticleContext> prepared = new ConcurrentHashMap<>();

    /** @param limit most articles kept, at least 1 */
    public PreparedArticles(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
    }

    /**
     * A cache for the articles of one batch: a batch keeps every article it meets, since the comments under one
     * article are seldom next to each other in an export, and the batch's comments, articles included, are in memory
     * anyway.
     */
    public static PreparedArticles forBatch() {
        return new PreparedArticles(Integer.MAX_VALUE);
    }

    /** The prepared article, or {@code null} for a comment without one. */
    ArticleContext of(Article article) {
        if (article == null || article.isBlank()) {
            return null;
        }
        if (prepared.size() >= limit) {
            prepared.clear(); // bounded memory; a race here only costs a preparation
        }
        return prepared.computeIfAbsent(article, ArticleContext::of);
    }
}

package dev.commentguard.features;

import java.util.HashSet;
import java.util.List;

import static dev.commentguard.features.SignalExtractor.set;

/**
 * The signals of how a comment relates to the article it sits under: text copied from it, words shared with
 * it, and talk of products the article is not about. Pure functions of the comment's words and the
 * immutable {@link ArticleContext}: thread-safe.
 */
final class ArticleSignals {

    private ArticleSignals() {
    }

    /**
     * Sets the article signals of a comment with the words {@code words}.
     *
     * @return the largest share of one article sentence found in the comment, for the reason shown
     */
    static double fill(double[] v, List<String> words, ArticleContext article) {
        double copiedSentence = 0;
        v[Signal.HAS_ARTICLE.ordinal()] = 1;
        int[] shingles = article.countShingles(words);
        if (shingles[0] > 0) {
            v[Signal.COPIED_FROM_ARTICLE.ordinal()] = shingles[1] / (double) shingles[0];
            if (shingles[1] > 0) {
                copiedSentence = article.bestSentenceCoverage(ArticleContext.shingles(words));
            }
        }
        int content = 0;
        int shared = 0;
        for (String w : new HashSet<>(words)) {
            if (Lexicon.isContentWord(w)) {
                content++;
                if (article.contentWords().contains(w)) {
                    shared++;
                }
            }
        }
        v[Signal.ARTICLE_OVERLAP.ordinal()] = content == 0 ? 0 : shared / (double) content;
        set(v, Signal.OFF_TOPIC, content >= 5 && shared == 0);
        // Product talk under an article about something else: the informational SEO snippet.
        set(v, Signal.PRODUCT_OFF_TOPIC, content >= 4 && shared <= content / 8 && Lexicon.productWords(words) >= 2);
        return copiedSentence;
    }
}

package dev.commentguard.features;

import dev.commentguard.Article;
import dev.commentguard.text.TextNormalizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the signals need to know about an article, computed once per article and shared by all its
 * comments: its content words and the word shingles of each sentence. Immutable and thread-safe.
 */
public final class ArticleContext {

    /** Shingle length in words used to detect copied text. */
    static final int SHINGLE = 4;

    private final Set<String> contentWords;
    private final Set<String> shingles;
    private final List<Set<String>> sentenceShingles;

    private ArticleContext(Set<String> contentWords, Set<String> shingles, List<Set<String>> sentenceShingles) {
        this.contentWords = contentWords;
        this.shingles = shingles;
        this.sentenceShingles = sentenceShingles;
    }

    public static ArticleContext of(Article article) {
        String text = article.title() + ".\n" + article.text();
        Set<String> content = new HashSet<>();
        Set<String> all = new HashSet<>();
        List<Set<String>> sentences = new ArrayList<>();
        for (String sentence : text.split("(?<=[.!?])\\s+|\\n+")) {
            List<String> words = NgramVectorizer.words(TextNormalizer.clean(sentence));
            for (String w : words) {
                if (Lexicon.isContentWord(w)) {
                    content.add(w);
                }
            }
            Set<String> sh = shingles(words);
            if (!sh.isEmpty()) {
                sentences.add(sh);
                all.addAll(sh);
            }
        }
        return new ArticleContext(Set.copyOf(content), Set.copyOf(all), List.copyOf(sentences));
    }

    static Set<String> shingles(List<String> words) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + SHINGLE)));
        }
        return out;
    }

    Set<String> contentWords() {
        return contentWords;
    }

    Set<String> shingles() {
        return shingles;
    }

    /** The largest share of any one article sentence's shingles found among {@code commentShingles}. */
    double bestSentenceCoverage(Set<String> commentShingles) {
        double best = 0;
        for (Set<String> sentence : sentenceShingles) {
            int hit = 0;
            for (String s : sentence) {
                if (commentShingles.contains(s)) {
                    hit++;
                }
            }
            best = Math.max(best, hit / (double) sentence.size());
        }
        return best;
    }
}

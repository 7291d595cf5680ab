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
    /** Every word of the shingles: a comment's shingle with a word not among them cannot be the article's. */
    private final Set<String> shingleWords;
    private final Set<String> shingles;
    private final List<Set<String>> sentenceShingles;

    private ArticleContext(Set<String> contentWords, Set<String> shingleWords, Set<String> shingles,
                           List<Set<String>> sentenceShingles) {
        this.contentWords = contentWords;
        this.shingleWords = shingleWords;
        this.shingles = shingles;
        this.sentenceShingles = sentenceShingles;
    }

    public static ArticleContext of(Article article) {
        String text = article.title() + ".\n" + article.text();
        Set<String> content = new HashSet<>();
        Set<String> all = new HashSet<>();
        Set<String> shingleWords = new HashSet<>();
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
                shingleWords.addAll(words);
            }
        }
        return new ArticleContext(Set.copyOf(content), Set.copyOf(shingleWords), Set.copyOf(all), List.copyOf(sentences));
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

    /**
     * How many distinct shingles the words make, and how many of them are the article's: the comment's shingles are
     * compared as word sequences, and a shingle is looked up in the article only when each of its words is one of the
     * article's, which most of a comment's shingles are not; no string is made for the others.
     *
     * @return {@code {distinct, copied}}
     */
    int[] countShingles(List<String> words) {
        Set<List<String>> distinct = new HashSet<>();
        int copied = 0;
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            List<String> shingle = words.subList(i, i + SHINGLE);
            if (distinct.add(shingle) && shingleWords.containsAll(shingle)
                    && shingles.contains(String.join(" ", shingle))) {
                copied++;
            }
        }
        return new int[] {distinct.size(), copied};
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

package dev.commentguard;

import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.model.Model;
import dev.commentguard.model.ModelFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorer's cache of prepared articles saves work and changes no verdict, however many articles pass through it. */
class PreparedArticlesTest {

    @Test
    void commentsUnderCachedArticlesScoreAsUnderFreshlyPreparedOnes() throws Exception {
        Model model = ModelFile.load(Path.of("models/default.model"));
        Map<String, Article> articles = CommentReader.readArticles(Path.of("training-data/articles.csv"));
        List<Comment> base = CommentReader.read(Path.of("training-data/heldout.csv"), InputOptions.DEFAULT, articles, false)
                .stream().map(InputRow::comment).filter(c -> c.article() != null).limit(300).toList();
        // Twice as many distinct articles as the cache holds, taking turns, so that it fills and starts afresh;
        // one id for all of them, as a cache keyed by anything less than the whole article would get wrong.
        List<Article> texts = List.copyOf(articles.values());
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            Article a = texts.get(i % texts.size());
            int variant = i % (2 * CommentScorer.PREPARED_ARTICLES);
            comments.add(base.get(i).withArticle(new Article("one-id", a.title() + " " + variant, a.text())));
        }
        List<Verdict> fresh = new ArrayList<>();
        for (Comment c : comments) {
            fresh.add(CommentScorer.of(model).score(c)); // a new scorer: the article prepared for this comment alone
        }
        assertThat(fresh).anyMatch(v -> v.reasons().stream().anyMatch(r -> r.code().equals("copied_from_article")
                || r.code().equals("off_topic")));

        CommentScorer shared = CommentScorer.of(model);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < comments.size(); i++) {
                assertThat(shared.score(comments.get(i))).as("comment %d, round %d", i, round).isEqualTo(fresh.get(i));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Verdict>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> comments.stream().map(shared::score).toList()));
            }
            for (Future<List<Verdict>> run : runs) {
                assertThat(run.get()).isEqualTo(fresh);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

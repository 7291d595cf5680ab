package dev.commentguard.features;

import dev.commentguard.Article;
import dev.commentguard.Comment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class PrepareAllTest {

    /** Spread over threads, preparing a batch gives what one thread gives: repeats found across slices included. */
    @Test
    void preparingOnManyThreadsGivesWhatOneThreadGives() {
        Article article = new Article("a1", "Bypass vote delayed", "The council delayed the vote on the bypass again.");
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < 9_500; i++) {
            String text = i % 3_000 == 7 ? "Cheap pills, call 0300-1234567 now" // once in each slice of 4,096
                    : "Comment " + i + " on the bypass vote, number " + (i * 31 % 977);
            Comment.Builder b = Comment.builder().id("c" + i).text(text);
            comments.add((i % 2 == 0 ? b.article(article) : b).build());
        }
        List<Prepared> one = FeaturePipeline.prepareAll(comments, FeatureSettings.CURRENT_VERSION);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Prepared> many;
        try {
            many = FeaturePipeline.prepareAll(comments, FeatureSettings.CURRENT_VERSION, pool);
        } finally {
            pool.shutdownNow();
        }
        assertThat(many).hasSize(one.size());
        for (int i = 0; i < one.size(); i++) {
            assertThat(many.get(i).text().canonical()).isEqualTo(one.get(i).text().canonical());
            assertThat(many.get(i).signals().values()).as("comment %d", i).containsExactly(one.get(i).signals().values());
        }
        double duplicate = one.get(7).signals().get(Signal.DUPLICATE);
        assertThat(duplicate).isPositive();
        assertThat(many.get(3_007).signals().get(Signal.DUPLICATE)).isEqualTo(duplicate);
    }
}

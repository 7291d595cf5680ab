package dev.commentguard.model;

import dev.commentguard.TestData;
import dev.commentguard.Version;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.Prepared;
import dev.commentguard.training.LabelledComment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class OnlineFoldsTest {

    private static final List<String> LABELS = List.of("low_quality", "ok", "spam");
    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    private final List<LabelledComment> data = TestData.threeClasses(60, 11);
    private final List<Prepared> prepared = FeaturePipeline.prepareAll(
            data.stream().map(LabelledComment::comment).toList(), FeatureSettings.CURRENT_VERSION);
    private final int[] classes = data.stream().mapToInt(c -> LABELS.indexOf(c.label())).toArray();

    private static Manifest manifest() {
        return new Manifest(ModelFile.FORMAT_VERSION, "", Version.project(), Version.weka(), Version.java(),
                Learner.ONLINE.code(), "", 1, LABELS, "spam", 0, 1, FeatureSettings.DEFAULT.toMap(), 0, List.of(), "",
                Map.of(), 5, Map.of());
    }

    /** Every third comment in fold 0, 1 or 2; the last twenty in every fold. */
    private int[] folds() {
        int[] fold = new int[prepared.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = i >= fold.length - 20 ? -1 : i % 3;
        }
        return fold;
    }

    @Test
    void theFinalModelIsTheOneTheModelTrainerMakes() {
        int[] weights = new int[prepared.size()];
        java.util.Arrays.fill(weights, 1);
        weights[5] = 4;
        Model shared = OnlineFolds.train(prepared, classes, weights, folds(), 3, FeatureSettings.DEFAULT, 9, manifest(),
                POOL, 2).model();
        Model alone = ModelTrainer.train(prepared, classes, weights, FeatureSettings.DEFAULT, Learner.ONLINE, 9, manifest());
        assertThat(shared.pipeline().vectorizer()).isEqualTo(alone.pipeline().vectorizer());
        for (Prepared p : prepared) {
            assertThat(shared.distribution(shared.pipeline().vectorize(p)))
                    .containsExactly(alone.distribution(alone.pipeline().vectorize(p)));
        }
    }

    @Test
    void outOfFoldScoresAreTheSameOnAnyNumberOfThreadsAndOnlyForScoredComments() {
        int[] fold = folds();
        double[][] one = OnlineFolds.train(prepared, classes, null, fold, 3, FeatureSettings.DEFAULT, 9, manifest(),
                POOL, 1).outOfFold();
        double[][] three = OnlineFolds.train(prepared, classes, null, fold, 3, FeatureSettings.DEFAULT, 9, manifest(),
                POOL, 3).outOfFold();
        int right = 0;
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] < 0) {
                assertThat(one[i]).isNull();
                continue;
            }
            assertThat(three[i]).containsExactly(one[i]);
            int best = 0;
            for (int c = 1; c < LABELS.size(); c++) {
                best = one[i][c] > one[i][best] ? c : best;
            }
            right += best == classes[i] ? 1 : 0;
        }
        assertThat(right).as("out-of-fold comments classified right").isGreaterThan((fold.length - 20) * 8 / 10);
    }

    /** A fold model did not learn from its own fold: a comment seen only there scores as unseen, not as learned. */
    @Test
    void aFoldModelHasNotLearnedItsOwnComments() {
        int[] fold = folds();
        Model all = OnlineFolds.train(prepared, classes, null, fold, 3, FeatureSettings.DEFAULT, 9, manifest(), POOL, 2)
                .model();
        double[][] outOfFold = OnlineFolds.train(prepared, classes, null, fold, 3, FeatureSettings.DEFAULT, 9, manifest(),
                POOL, 2).outOfFold();
        double learned = 0;
        double unseen = 0;
        int count = 0;
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] >= 0) {
                learned += all.distribution(all.pipeline().vectorize(prepared.get(i)))[classes[i]];
                unseen += outOfFold[i][classes[i]];
                count++;
            }
        }
        // The final model learned every comment and gives its true class more than the models that did not.
        assertThat(learned / count).isGreaterThan(unseen / count);
    }

    /** Progressive validation scores the second half of the pass and not the first, the same on any number of threads. */
    @Test
    void progressiveValidationScoresTheSecondHalf() {
        OnlineFolds.Result one = OnlineFolds.progressive(prepared, classes, FeatureSettings.DEFAULT, 4, manifest(), POOL, 1);
        OnlineFolds.Result three = OnlineFolds.progressive(prepared, classes, FeatureSettings.DEFAULT, 4, manifest(), POOL, 3);
        int scored = 0;
        for (int i = 0; i < prepared.size(); i++) {
            if (one.outOfFold()[i] != null) {
                scored++;
                assertThat(three.outOfFold()[i]).containsExactly(one.outOfFold()[i]);
            } else {
                assertThat(three.outOfFold()[i]).isNull();
            }
        }
        assertThat(scored).isEqualTo(prepared.size() - prepared.size() / 2);
        for (Prepared p : prepared.subList(0, 10)) {
            assertThat(three.model().distribution(three.model().pipeline().vectorize(p)))
                    .containsExactly(one.model().distribution(one.model().pipeline().vectorize(p)));
        }
    }

    /** Below a single pass's worth of comments the progressive learner makes the further passes: the same model. */
    @Test
    void theProgressiveModelIsTheOneTheModelTrainerMakes() {
        Model progressive = OnlineFolds.progressive(prepared, classes, FeatureSettings.DEFAULT, 4, manifest(), POOL, 2)
                .model();
        Model alone = ModelTrainer.train(prepared, classes, null, FeatureSettings.DEFAULT, Learner.ONLINE, 4, manifest());
        for (Prepared p : prepared) {
            assertThat(progressive.distribution(progressive.pipeline().vectorize(p)))
                    .containsExactly(alone.distribution(alone.pipeline().vectorize(p)));
        }
    }
}

package dev.commentguard.training;

import dev.commentguard.model.Learner;
import dev.commentguard.model.OnlineFolds;

import dev.commentguard.Comment;
import dev.commentguard.TestData;
import dev.commentguard.features.ExtractionContext;
import dev.commentguard.model.Model;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainerTest {

    private static final TrainingOptions OPTIONS = TrainingOptions.defaults().withFolds(3);

    @Test
    void sameDataAndSeedGiveTheSameModelAndMetricsOnAnyNumberOfThreads() {
        List<LabelledComment> data = TestData.threeClasses(25, 11);
        Trainer.Result a = Trainer.train(data, OPTIONS.withThreads(3), ProgressListener.NONE);
        Trainer.Result b = Trainer.train(data, OPTIONS.withThreads(1), ProgressListener.NONE);
        assertThat(b.crossValidated()).isEqualTo(a.crossValidated());
        assertThat(b.predictions()).isEqualTo(a.predictions());
        assertThat(b.model().manifest().cvMetrics()).isEqualTo(a.model().manifest().cvMetrics());
        assertThat(b.model().pipeline().vectorizer()).isEqualTo(a.model().pipeline().vectorizer());
        Model ma = a.model();
        Model mb = b.model();
        for (LabelledComment c : data) {
            assertThat(mb.distribution(mb.pipeline().extract(c.comment(), ExtractionContext.alone())))
                    .containsExactly(ma.distribution(ma.pipeline().extract(c.comment(), ExtractionContext.alone())));
        }
    }

    @Test
    void commentsWithAKindOfSiteAreCrossValidatedOneKindLeftOutAtATime() {
        List<LabelledComment> data = new ArrayList<>();
        List<LabelledComment> plain = TestData.threeClasses(30, 5);
        for (int i = 0; i < plain.size(); i++) {
            LabelledComment c = plain.get(i);
            data.add(new LabelledComment(c.comment(), c.label(), c.source(), "kind" + (i % 4)));
        }
        Trainer.Result grouped = Trainer.train(data, OPTIONS.withFolds(5), ProgressListener.NONE);
        assertThat(grouped.model().manifest().cvFolds()).isEqualTo(4);
        // Fewer folds than kinds: whole kinds are dealt to the folds, never split between two.
        int[] dealt = Folds.of(data, new int[data.size()], 3, OPTIONS).fold();
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < data.size(); j++) {
                if (data.get(i).group().equals(data.get(j).group())) {
                    assertThat(dealt[i]).isEqualTo(dealt[j]);
                }
            }
        }
        // One comment without a kind, and the folds are the ordinary stratified ones again.
        data.set(0, plain.get(0));
        assertThat(Trainer.train(data, OPTIONS, ProgressListener.NONE).model().manifest().cvFolds()).isEqualTo(3);
        int[] fold = Folds.of(data.subList(1, data.size()), new int[data.size() - 1], 3, OPTIONS.withFolds(4)).fold();
        java.util.Map<String, java.util.Set<Integer>> foldsOfKind = new java.util.TreeMap<>();
        for (int i = 1; i < data.size(); i++) {
            foldsOfKind.computeIfAbsent(data.get(i).group(), g -> new java.util.TreeSet<>()).add(fold[i - 1]);
        }
        assertThat(foldsOfKind).hasSize(4).allSatisfy((kind, folds) -> assertThat(folds).hasSize(1));
        assertThat(foldsOfKind.values().stream().map(f -> f.iterator().next()).distinct()).hasSize(4);
    }

    @Test
    void thresholdsComeFromCrossValidationAndAreOrdered() {
        Trainer.Result r = Trainer.train(TestData.threeClasses(25, 11), OPTIONS, ProgressListener.NONE);
        assertThat(r.model().manifest().reviewThreshold()).isLessThanOrEqualTo(r.model().manifest().blockThreshold());
        assertThat(r.crossValidated().fprAtBlock()).isLessThanOrEqualTo(OPTIONS.blockFpr());
        assertThat(r.crossValidated().fprAtReview()).isLessThanOrEqualTo(OPTIONS.reviewFpr());
        assertThat(r.predictions()).hasSize(75);
    }

    /**
     * The online learner validates progressively by default from a single pass's worth of comments; asked for, on
     * any amount; never where folds have a job of their own (kinds of site, a corpus beside a site) or for a learner
     * that makes no single pass.
     */
    @Test
    void progressiveValidationWhereItApplies() {
        TrainingOptions online = OPTIONS.withLearner(Learner.ONLINE);
        int large = OnlineFolds.SINGLE_PASS;
        assertThat(Validation.AUTO.progressive(large, false, false, online)).isTrue();
        assertThat(Validation.AUTO.progressive(large - 1, false, false, online)).isFalse();
        assertThat(Validation.AUTO.progressive(large, true, false, online)).isFalse();
        assertThat(Validation.AUTO.progressive(large, false, true, online)).isFalse();
        assertThat(Validation.AUTO.progressive(large, false, false, OPTIONS)).isFalse();
        assertThat(Validation.FOLDS.progressive(large, false, false, online)).isFalse();
        assertThat(Validation.PROGRESSIVE.progressive(100, false, false, online)).isTrue();
        assertThatThrownBy(() -> Validation.PROGRESSIVE.progressive(100, true, false, online))
                .isInstanceOf(TrainingException.class).hasMessageContaining("--group-column");
    }

    /** Validated progressively, the second half of the pass is measured, and the manifest says so (0 folds). */
    @Test
    void progressiveValidationMeasuresTheSecondHalf() {
        List<LabelledComment> data = TestData.threeClasses(40, 3);
        Trainer.Result r = Trainer.train(data, OPTIONS.withLearner(Learner.ONLINE).withValidation(Validation.PROGRESSIVE),
                ProgressListener.NONE);
        assertThat(r.crossValidated().count()).isEqualTo(data.size() - data.size() / 2);
        assertThat(r.predictions()).hasSize(data.size() - data.size() / 2);
        assertThat(r.model().manifest().cvFolds()).isZero();
        assertThat(r.crossValidated().accuracy()).isGreaterThan(0.8);
    }

    @Test
    void foldsAreStratified() {
        int[] classes = new int[100];
        Arrays.fill(classes, 0, 30, 1);
        int[] fold = Folds.stratified(classes, 2, 5, 1);
        for (int f = 0; f < 5; f++) {
            int spam = 0;
            int all = 0;
            for (int i = 0; i < classes.length; i++) {
                if (fold[i] == f) {
                    all++;
                    spam += classes[i];
                }
            }
            assertThat(all).isEqualTo(20);
            assertThat(spam).isEqualTo(6);
        }
    }

    @Test
    void aSingleClassIsAClearError() {
        List<LabelledComment> data = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            data.add(new LabelledComment(Comment.of("text " + i), "spam", ""));
        }
        assertThatThrownBy(() -> Trainer.train(data, OPTIONS, ProgressListener.NONE))
                .isInstanceOf(TrainingException.class).hasMessageContaining("at least two labels");
    }

    @Test
    void tooFewExamplesOfAClassIsAClearError() {
        List<LabelledComment> data = new ArrayList<>(TestData.threeClasses(20, 1));
        data.removeIf(c -> c.label().equals("low_quality"));
        for (int i = 0; i < 3; i++) {
            data.add(new LabelledComment(Comment.of("meh " + i), "low_quality", ""));
        }
        assertThatThrownBy(() -> Trainer.train(data, OPTIONS, ProgressListener.NONE))
                .isInstanceOf(TrainingException.class).hasMessageContaining("label 'low_quality' has only 3 examples");
    }

    @Test
    void labelsDifferingOnlyInCaseAreAClearError() {
        List<LabelledComment> data = new ArrayList<>(TestData.threeClasses(20, 1));
        data.add(new LabelledComment(Comment.of("Cheap loans"), "Spam", ""));
        assertThatThrownBy(() -> Trainer.train(data, OPTIONS, ProgressListener.NONE))
                .isInstanceOf(TrainingException.class).hasMessageContaining("differ only in case or spaces");
    }

    @Test
    void missingSpamLabelNamesTheOption() {
        assertThatThrownBy(() -> Trainer.train(TestData.threeClasses(20, 1), OPTIONS.withPositiveLabel("1"), ProgressListener.NONE))
                .isInstanceOf(TrainingException.class).hasMessageContaining("--spam-label");
    }
}

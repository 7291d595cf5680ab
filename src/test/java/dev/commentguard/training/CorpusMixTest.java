package dev.commentguard.training;

import dev.commentguard.TestData;
import dev.commentguard.evaluation.Prediction;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.Prepared;
import dev.commentguard.model.Model;
import dev.commentguard.model.ModelTrainer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CorpusMixTest {

    private static final TrainingOptions OPTIONS = TrainingOptions.defaults().withFolds(3).withThreads(2);

    /** A small corpus in our three labels. */
    private static final CorpusMix CORPUS = new CorpusMix(TestData.threeClasses(20, 3), "test corpus", 1.0);

    /** A two-label site that calls spam "1" and the rest "0", as the YouTube and SMS sets do. */
    private static List<LabelledComment> site() {
        List<LabelledComment> site = new ArrayList<>();
        for (LabelledComment c : TestData.threeClasses(12, 7)) {
            if (!c.label().equals("low_quality")) {
                site.add(new LabelledComment(c.comment(), c.label().equals("spam") ? "1" : "0", "site.csv"));
            }
        }
        return site;
    }

    @Test
    void theCorpusRowsAreAddedToATwoLabelSiteAsItsTwoLabels() {
        Trainer.Result r = Trainer.train(site(), CORPUS, OPTIONS.withPositiveLabel("1"), ProgressListener.NONE);
        assertThat(r.model().manifest().labels()).containsExactly("ok", "spam");
        assertThat(r.model().manifest().positiveLabel()).isEqualTo("spam");
        assertThat(r.model().manifest().rowsPerClass()).isEqualTo(Map.of("ok", 20 + 20 + 12, "spam", 20 + 12));
    }

    @Test
    void aSiteInOurThreeLabelsKeepsTheCorpusInThree() {
        List<LabelledComment> site = TestData.threeClasses(12, 9);
        Trainer.Result r = Trainer.train(site, CORPUS, OPTIONS, ProgressListener.NONE);
        assertThat(r.model().manifest().labels()).containsExactly("low_quality", "ok", "spam");
        assertThat(r.model().manifest().rowsPerClass()).isEqualTo(Map.of("low_quality", 20 + 12, "ok", 20 + 12, "spam", 20 + 12));
        assertThat(CORPUS.commentsFor(site)).isEqualTo(CORPUS.comments());
    }

    /**
     * Only the site's comments are scored, each by the model of its fold, fitted on the other folds' site comments
     * (each counted {@link CorpusMix#siteWeight} times) and the whole corpus; the thresholds come from those scores.
     */
    @Test
    void theThresholdsComeFromTheSitesOutOfFoldScoresAlone() {
        List<LabelledComment> site = CORPUS.mapLabels(site(), "1");
        Trainer.Result r = Trainer.train(site(), CORPUS, OPTIONS.withPositiveLabel("1"), ProgressListener.NONE);
        assertThat(r.predictions()).hasSize(site.size());
        assertThat(r.predictions()).extracting(Prediction::truth).containsExactlyElementsOf(
                site.stream().map(LabelledComment::label).toList());

        List<String> labels = List.of("ok", "spam");
        int[] siteClasses = site.stream().mapToInt(c -> labels.indexOf(c.label())).toArray();
        int[] fold = Folds.of(site, siteClasses, 2, OPTIONS).fold();
        int weight = CORPUS.siteWeight(site.size());
        assertThat(weight).isEqualTo(3);
        List<LabelledComment> all = new ArrayList<>(site);
        all.addAll(CORPUS.commentsFor(site));
        // prepared together, as Trainer does: preparing marks texts repeated anywhere in the data
        List<Prepared> prepared = FeaturePipeline.prepareAll(all.stream().map(LabelledComment::comment).toList(),
                OPTIONS.features().version());
        for (int k = 0; k < 3; k++) {
            List<Prepared> train = new ArrayList<>();
            List<Integer> classes = new ArrayList<>();
            List<Integer> weights = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (i >= site.size() || fold[i] != k) {
                    train.add(prepared.get(i));
                    classes.add(labels.indexOf(all.get(i).label()));
                    weights.add(i < site.size() ? weight : 1);
                }
            }
            Model model = ModelTrainer.train(train, classes.stream().mapToInt(Integer::intValue).toArray(),
                    weights.stream().mapToInt(Integer::intValue).toArray(), OPTIONS.features(), OPTIONS.learner(),
                    OPTIONS.seed(), r.model().manifest());
            for (int i = 0; i < site.size(); i++) {
                if (fold[i] == k) {
                    double spam = model.distribution(model.pipeline().vectorize(prepared.get(i)))[1];
                    assertThat(r.predictions().get(i).spamScore()).as("site comment %d", i).isCloseTo(spam, within(1e-12));
                }
            }
        }
        double[] scores = r.predictions().stream().mapToDouble(Prediction::spamScore).toArray();
        boolean[] spam = new boolean[scores.length];
        for (int i = 0; i < spam.length; i++) {
            spam[i] = site.get(i).label().equals("spam");
        }
        var expected = TrainingThresholds.of(scores, spam, OPTIONS);
        assertThat(r.model().manifest().reviewThreshold()).isEqualTo(expected.review());
        assertThat(r.model().manifest().blockThreshold()).isEqualTo(expected.block());
    }

    @Test
    void theSiteWeighsAsMuchAsTheCorpusByDefaultAndTheCorpusWeightScalesThat() {
        assertThat(CORPUS.siteWeight(24)).isEqualTo(3); // 60 / 24 = 2.5, rounded
        assertThat(new CorpusMix(CORPUS.comments(), "", 0.5).siteWeight(24)).isEqualTo(5);
        assertThat(new CorpusMix(CORPUS.comments(), "", 1.0).siteWeight(600)).isEqualTo(1);
        assertThatThrownBy(() -> new CorpusMix(CORPUS.comments(), "", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void siteLabelsTheCorpusLacksStopWithAClearMessage() {
        List<LabelledComment> site = new ArrayList<>(site());
        site.add(new LabelledComment(site.get(0).comment(), "promo", "site.csv"));
        assertThatThrownBy(() -> Trainer.train(site, CORPUS, OPTIONS.withPositiveLabel("1"), ProgressListener.NONE))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("the site's labels [0, 1, promo]")
                .hasMessageContaining("which the corpus lacks (its labels are [low_quality, ok, spam])");
        assertThatThrownBy(() -> Trainer.train(site(), CORPUS, OPTIONS, ProgressListener.NONE))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("the spam label 'spam' does not occur in the site's data; its labels are [0, 1]");
    }

    @Test
    void aSiteWithTooFewSpamCommentsForItsThresholdsIsAClearError() {
        List<LabelledComment> site = new ArrayList<>(site().stream().filter(c -> c.label().equals("0")).toList());
        site.addAll(site().stream().filter(c -> c.label().equals("1")).limit(4).toList());
        assertThatThrownBy(() -> Trainer.train(site, CORPUS, OPTIONS.withPositiveLabel("1"), ProgressListener.NONE))
                .isInstanceOf(TrainingException.class)
                .hasMessage("the site's data has 4 spam and 12 other comments; at least 10 of each are needed to choose"
                        + " the thresholds from them");
    }

    @Test
    void aSiteInOurLabelsKeepsThem() {
        List<LabelledComment> site = TestData.threeClasses(10, 9);
        assertThat(CORPUS.mapLabels(site, "spam")).isEqualTo(site);
    }
}

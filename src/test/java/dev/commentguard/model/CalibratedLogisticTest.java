package dev.commentguard.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.commentguard.Comment;
import dev.commentguard.TestData;
import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.Features;
import dev.commentguard.training.LabelledComment;
import dev.commentguard.training.ProgressListener;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibratedLogisticTest {

    /**
     * The lean path adds a hashed model's entries in the vector's order, Weka's sparse instance in index order:
     * the same terms summed in another order, equal to the last few bits.
     */
    private static final org.assertj.core.data.Offset<Double> SAME_SUM = org.assertj.core.data.Offset.offset(1e-12);


    @Test
    void plattRecoversTheSigmoidThatDrewTheLabels() {
        Random random = new Random(3);
        double[] dec = new double[20_000];
        boolean[] positive = new boolean[dec.length];
        for (int i = 0; i < dec.length; i++) {
            dec[i] = random.nextDouble() * 8 - 4;
            positive[i] = random.nextDouble() < 1 / (1 + Math.exp(-(2 * dec[i] - 0.5)));
        }
        double[] ab = Platt.fit(dec, positive);
        assertThat(ab[0]).isCloseTo(2, within(0.15));
        assertThat(ab[1]).isCloseTo(-0.5, within(0.15));
    }

    @Test
    void plattLeavesValuesThatDoNotSeparateTheClassesAlone() {
        assertThat(Platt.fit(new double[] {1, 2, 1, 2}, new boolean[] {true, false, false, true})).containsExactly(1, 0);
    }

    @Test
    void rescalingMovesEveryClassDecisionValueToItsSigmoid() throws Exception {
        for (int classes : new int[] {2, 3}) {
            Feature[][] x = new Feature[30][];
            double[] y = new double[30];
            for (int i = 0; i < x.length; i++) {
                int c = i % classes;
                x[i] = new Feature[] {new FeatureNode(c + 1, 1.0 + i * 0.01), new FeatureNode(4, 0.5), new FeatureNode(5, 1.0)};
                y[i] = c;
            }
            Problem p = new Problem();
            p.l = x.length;
            p.n = 5;
            p.x = x;
            p.y = y;
            p.bias = 1.0;
            de.bwaldvogel.liblinear.Model model = Linear.train(p, new Parameter(SolverType.L2R_LR, 1, 0.001));
            double[][] sigmoids = {{2, 0.5}, {0.5, -1}, {3, 0}};
            de.bwaldvogel.liblinear.Model scaled = CalibratedLogistic.rescaled(model, sigmoids, 1.0);
            int nrW = classes == 2 ? 1 : classes;
            for (Feature[] xi : x) {
                double[] before = new double[nrW];
                double[] after = new double[nrW];
                Linear.predictValues(model, xi, before);
                Linear.predictValues(scaled, xi, after);
                for (int k = 0; k < nrW; k++) {
                    double[] ab = sigmoids[model.getLabels()[k]];
                    assertThat(after[k]).isCloseTo(ab[0] * before[k] + ab[1], within(1e-9));
                }
            }
            assertThat(scaled.isProbabilityModel()).isTrue();
        }
    }

    @Test
    void theDefaultLearnerCalibratesTwoClassesAndLeavesThreeAlone() {
        assertThat(Learner.LOGISTIC.create(1, 2)).isInstanceOf(CalibratedLogistic.class);
        assertThat(Learner.LOGISTIC.create(1, 3)).isNotInstanceOf(CalibratedLogistic.class);
    }

    @Test
    void aCalibratedTwoClassModelSavesLoadsAndScoresThroughTheFastPath(@TempDir Path dir) throws Exception {
        List<LabelledComment> data = TestData.threeClasses(40, 7).stream()
                .map(c -> new LabelledComment(c.comment(), c.label().equals("spam") ? "spam" : "ham", c.source())).toList();
        Model model = Trainer.train(data, TrainingOptions.defaults().withFolds(3), ProgressListener.NONE).model();
        assertThat(model.manifest().learnerOptions()).startsWith(CalibratedLogistic.class.getName());
        Path file = dir.resolve("two.model");
        ModelFile.save(model, file);
        Model loaded = ModelFile.load(file);
        for (String text : new String[] {"Call 0300-1234567 now for cheap loans", "nice post", "The council should listen"}) {
            Features f = loaded.pipeline().extract(Comment.of(text), ExtractionContext.alone());
            assertThat(loaded.distribution(f)).containsExactly(loaded.wekaDistribution(f), SAME_SUM);
            assertThat(loaded.distribution(f))
                    .containsExactly(model.distribution(model.pipeline().extract(Comment.of(text), ExtractionContext.alone())));
        }
    }
}

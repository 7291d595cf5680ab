package dev.commentguard.model;

import dev.commentguard.Comment;
import dev.commentguard.TestData;
import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.Features;
import dev.commentguard.training.ProgressListener;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.Evaluation;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OnlineLogisticTest {

    /** Three classes, each marked by its own attribute being high, with noise on the others. */
    private static Instances blobs(int perClass, long seed) {
        Instances data = header(List.of("a", "b", "c"));
        Random r = new Random(seed);
        for (int i = 0; i < 3 * perClass; i++) {
            int c = i % 3;
            double[] v = new double[4];
            for (int a = 0; a < 3; a++) {
                v[a] = (a == c ? 1.0 : 0.0) + 0.3 * r.nextGaussian();
            }
            v[3] = c;
            data.add(new DenseInstance(1, v));
        }
        return data;
    }

    @Test
    void learnsThreeClassesAndWorksWithWekasEvaluation() throws Exception {
        Instances data = blobs(200, 1);
        Evaluation eval = new Evaluation(data);
        eval.crossValidateModel(new OnlineLogistic(0.5, 1, 1e-4, 5, 1), data, 5, new Random(1));
        assertThat(eval.pctCorrect()).isGreaterThan(90);
    }

    @Test
    void probabilitiesSumToOneAndTheSavedClassifierGivesTheSameNumbers() throws Exception {
        Instances data = blobs(100, 2);
        OnlineLogistic online = new OnlineLogistic(0.5, 1, 1e-4, 3, 7);
        online.buildClassifier(data);
        OnlineLogistic copy = copyOf(online);
        for (int i = 0; i < 20; i++) {
            double[] p = online.distributionForInstance(data.instance(i));
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-12));
            assertThat(copy.distributionForInstance(data.instance(i))).containsExactly(p);
        }
    }

    @Test
    void updatingLearnsFromEachComment() throws Exception {
        Instances data = blobs(50, 3);
        OnlineLogistic online = new OnlineLogistic(0.5, 1, 1e-4, 1, 7);
        online.start(data);
        double before = online.distributionForInstance(data.instance(0))[0];
        for (int k = 0; k < 30; k++) {
            online.updateClassifier(data.instance(0)); // class a
        }
        assertThat(before).isCloseTo(1.0 / 3, within(1e-9)); // all weights start at zero
        assertThat(online.distributionForInstance(data.instance(0))[0]).isGreaterThan(0.8);
    }

    @Test
    void passesOverSmallDataSeveralTimesAndOverLargeDataOnce() {
        OnlineLogistic online = new OnlineLogistic(0.5, 1, 1e-4, 5, 1);
        assertThat(online.epochs(1_000)).isEqualTo(5);
        assertThat(online.epochs(100_000)).isEqualTo(2);
        assertThat(online.epochs(1_000_000)).isEqualTo(1);
        assertThatThrownBy(() -> new OnlineLogistic(0, 1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Trained by the model trainer, an online model scores through the lean path, and saves and loads as any. */
    @Test
    void anOnlineModelScoresLeanAndRoundTripsThroughItsFile(@TempDir Path dir) throws Exception {
        Model model = Trainer.train(TestData.threeClasses(40, 7),
                TrainingOptions.defaults().withFolds(3).withLearner(Learner.ONLINE), ProgressListener.NONE).model();
        assertThat(model.linearPath()).isNotNull();
        Path file = dir.resolve("online.model");
        ModelFile.save(model, file);
        Model loaded = ModelFile.load(file);
        for (String text : List.of("Call 0300-1234567 for free classified ads", "nice post thanks for sharing",
                "The council vote on the bypass was delayed again, which surprised nobody")) {
            Features f = model.pipeline().extract(Comment.of(text), ExtractionContext.alone());
            assertThat(loaded.distribution(f)).containsExactly(model.distribution(f));
            assertThat(model.distribution(f)).containsExactly(model.wekaDistribution(f), within(1e-12));
        }
        Features spam = model.pipeline().extract(Comment.of("Call 0300-1234567 for free classified ads"), ExtractionContext.alone());
        assertThat(model.distribution(spam)[model.labels().indexOf("spam")]).isGreaterThan(0.5);
    }

    /** A model read from its file keeps learning exactly as the one that wrote it. */
    @Test
    void aSavedModelGoesOnLearningAsTheOriginal() throws Exception {
        Instances data = blobs(60, 4);
        OnlineLogistic online = new OnlineLogistic(0.5, 1, 1e-4, 2, 3);
        online.buildClassifier(data);
        OnlineLogistic copy = copyOf(online);
        double before = online.distributionForInstance(data.instance(1))[1];
        for (int k = 0; k < 10; k++) {
            online.updateClassifier(data.instance(1));
            copy.updateClassifier(data.instance(1));
        }
        double[] after = online.distributionForInstance(data.instance(1));
        assertThat(after[1]).isGreaterThan(before);
        assertThat(copy.distributionForInstance(data.instance(1))).containsExactly(after);
    }

    /** Progressive validation's score: the probabilities before the update, as the lean path gives them; the update the same. */
    @Test
    void predictThenUpdateScoresBeforeLearningAndLearnsAsUpdate() throws Exception {
        Instances data = blobs(40, 5);
        for (boolean twoClasses : new boolean[] {false, true}) {
            OnlineLogistic a = new OnlineLogistic(0.5, 1, 1e-4, 1, 3);
            OnlineLogistic b = new OnlineLogistic(0.5, 1, 1e-4, 1, 3);
            a.start(twoClasses ? header(List.of("a", "b")) : data);
            b.start(twoClasses ? header(List.of("a", "b")) : data);
            int[] indices = {0, 2};
            for (int k = 0; k < 50; k++) {
                double[] values = {data.instance(k).value(0), data.instance(k).value(2)};
                int label = twoClasses ? k % 2 : (int) data.instance(k).classValue();
                double[] before = a.linearPath().distribution(indices, values, 2);
                assertThat(a.predictThenUpdate(indices, values, 2, label, 1)).containsExactly(before, within(1e-12));
                b.update(indices, values, 2, label, 1);
            }
            assertThat(a.linearPath().distribution(new int[] {1}, new double[] {0.7}, 1))
                    .containsExactly(b.linearPath().distribution(new int[] {1}, new double[] {0.7}, 1));
        }
    }

    /** Three numeric attributes and a class of these values. */
    private static Instances header(List<String> classes) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            attributes.add(new Attribute("x" + a));
        }
        attributes.add(new Attribute("class", classes));
        Instances header = new Instances("blobs", attributes, 0);
        header.setClassIndex(3);
        return header;
    }

    /** The classifier as its file gives it back. */
    private static OnlineLogistic copyOf(OnlineLogistic online) throws Exception {
        return SafeSerialization.deserialize(SafeSerialization.serialize(online), OnlineLogistic.class, "test");
    }
}

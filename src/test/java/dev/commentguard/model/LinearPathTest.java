package dev.commentguard.model;

import dev.commentguard.Comment;
import dev.commentguard.TestData;
import dev.commentguard.TestModels;
import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.Features;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.training.LabelledComment;
import dev.commentguard.training.ProgressListener;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;
import org.junit.jupiter.api.Test;
import weka.classifiers.Classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lean path (LibLINEAR's arithmetic on the arrays stored in the model file) gives exactly Weka's
 * probabilities, and the weights it explains verdicts with are the ones read from Weka's classifier.
 */
class LinearPathTest {

    /**
     * The lean path adds a hashed model's entries in the vector's order, Weka's sparse instance in index order:
     * the same terms summed in another order, equal to the last few bits.
     */
    private static final org.assertj.core.data.Offset<Double> SAME_SUM = org.assertj.core.data.Offset.offset(1e-12);


    private static final String[] TEXTS = {"Call 0300-1234567 now", "nice post", " ", "The council should listen, really.",
            "Free classified ads! visit www.cheap-deals.example.com"};

    /** The shipped model file is read lean: its Weka classifier is deserialised only for the comparison. */
    @Test
    void defaultModelReadLeanAgreesWithWekaOnEveryHeldOutComment() throws Exception {
        Model model = ModelFile.load(Path.of("models/default.model"));
        assertThat(model.linearPath()).isNotNull();
        var articles = CommentReader.readArticles(Path.of("training-data/articles.csv"));
        List<InputRow> rows = CommentReader.read(Path.of("training-data/heldout.csv"), InputOptions.DEFAULT, articles, true);
        List<Comment> comments = rows.stream().map(InputRow::comment).toList();
        ExtractionContext batch = ExtractionContext.batch(comments);
        List<Features> features = comments.stream().map(c -> model.pipeline().extract(c, batch)).toList();
        assertThat(features).hasSize(rows.size()).hasSizeGreaterThan(1000);
        for (Features f : features) {
            assertThat(model.distribution(f)).containsExactly(model.wekaDistribution(f), SAME_SUM);
        }
        assertSameWeightsAsWeka(model);
    }

    @Test
    void smallModelAgreesToo() {
        assertAgrees(TestModels.small());
    }

    /** Two classes take LibLINEAR's other branch: one weight vector, the second probability 1 - p. */
    @Test
    void twoClassModelAgreesToo() {
        List<LabelledComment> data = TestData.threeClasses(40, 11).stream().filter(c -> !c.label().equals("low_quality")).toList();
        Model model = Trainer.train(data, TrainingOptions.defaults().withFolds(3), ProgressListener.NONE).model();
        assertThat(model.labels()).containsExactly("ok", "spam");
        assertAgrees(model);
    }

    /** Built from Weka's classifier and read back from the file's arrays, the lean path is the same. */
    private static void assertAgrees(Model model) {
        assertThat(model.linearPath()).isNotNull();
        Model lean = decode(encode(model));
        assertThat(lean.linearPath()).isEqualTo(model.linearPath());
        for (String text : TEXTS) {
            Features f = model.pipeline().extract(Comment.of(text), ExtractionContext.alone());
            assertThat(model.distribution(f)).containsExactly(model.wekaDistribution(f), SAME_SUM);
            assertThat(lean.distribution(f)).containsExactly(model.wekaDistribution(f), SAME_SUM);
        }
        assertSameWeightsAsWeka(lean);
    }

    /** The explanation weights equal those read from the Weka classifier, feature by feature. */
    private static void assertSameWeightsAsWeka(Model model) {
        int classes = model.labels().size();
        int dimension = model.pipeline().dimension();
        Classifier weka = deserialize(model.serializedClassifier());
        TermWeights expected = TermWeights.of(weka, classes, dimension);
        for (int c = 0; c < classes; c++) {
            for (int f = 0; f < dimension; f++) {
                assertThat(model.featureWeight(c, f)).isEqualTo(expected.weight(c, f));
            }
        }
    }

    private static byte[] encode(Model model) {
        try {
            return ModelFileWriter.encode(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Model decode(byte[] bytes) {
        try {
            return ModelFileReader.decode(bytes, "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Classifier deserialize(byte[] bytes) {
        try {
            return SafeSerialization.deserialize(bytes, Classifier.class, "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

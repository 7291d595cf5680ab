package dev.commentguard.model;

import dev.commentguard.Comment;
import dev.commentguard.TestData;
import dev.commentguard.Version;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.Prepared;
import dev.commentguard.training.LabelledComment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTrainerTest {

    /**
     * A comment the data disagrees about (spam words, labelled ok) moves towards ok as its weight grows: the
     * learner honours the weight, LibLINEAR through copies (it ignores Weka's instance weights), the others natively.
     */
    @ParameterizedTest
    @EnumSource(value = Learner.class, names = {"LOGISTIC", "NAIVE_BAYES", "SGD"})
    void aWeightChangesTheModel(Learner learner) {
        for (int numClasses : new int[] {2, 3}) {
            List<LabelledComment> data = new ArrayList<>(TestData.threeClasses(20, 5).stream()
                    .filter(c -> numClasses == 3 || !c.label().equals("low_quality")).toList());
            Comment disputed = Comment.of("Best deals online! call 0300-1234567 now");
            data.add(new LabelledComment(disputed, "ok", "test"));
            List<String> labels = numClasses == 3 ? List.of("low_quality", "ok", "spam") : List.of("ok", "spam");
            List<Prepared> prepared = FeaturePipeline.prepareAll(data.stream().map(LabelledComment::comment).toList(),
                FeatureSettings.CURRENT_VERSION);
            int[] classes = data.stream().mapToInt(c -> labels.indexOf(c.label())).toArray();
            int[] weights = new int[data.size()];
            Arrays.fill(weights, 1);
            double once = spamScore(prepared, classes, weights, labels, learner);
            weights[data.size() - 1] = 30;
            double heavy = spamScore(prepared, classes, weights, labels, learner);
            assertThat(heavy).as("%s, %d classes", learner, numClasses).isLessThan(once - 0.05);
        }
    }

    private static double spamScore(List<Prepared> prepared, int[] classes, int[] weights, List<String> labels,
                                    Learner learner) {
        Manifest manifest = new Manifest(ModelFile.FORMAT_VERSION, "", Version.project(), Version.weka(), Version.java(),
                learner.code(), "", 1, labels, "spam", 0, 1, FeatureSettings.DEFAULT.toMap(), 0, List.of(), "", Map.of(), 5,
                Map.of());
        Model model = ModelTrainer.train(prepared, classes, weights, FeatureSettings.DEFAULT, learner, 1, manifest);
        Prepared disputed = prepared.get(prepared.size() - 1);
        return model.distribution(model.pipeline().vectorize(disputed))[labels.indexOf("spam")];
    }
}

package dev.commentguard.model;

import dev.commentguard.TestModels;
import dev.commentguard.features.Features;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The LibLINEAR fast path gives exactly Weka's probabilities. */
class LinearPathTest {

    @Test
    void defaultModelAgreesWithWekaOnEveryHeldOutComment() throws Exception {
        Model model = ModelFile.load(Path.of("models/default.model"));
        var articles = CommentReader.readArticles(Path.of("training-data/articles.csv"));
        List<InputRow> rows = CommentReader.read(Path.of("training-data/heldout.csv"), InputOptions.DEFAULT, articles, true);
        List<Features> features = model.pipeline().extractAll(rows.stream().map(InputRow::comment).toList());
        assertThat(features).hasSize(1787);
        for (Features f : features) {
            assertThat(model.distribution(f)).containsExactly(model.wekaDistribution(f));
        }
    }

    @Test
    void smallModelAgreesToo() {
        Model model = TestModels.small();
        for (String text : new String[] {"Call 0300-1234567 now", "nice post", "", "The council should listen, really."}) {
            Features f = model.pipeline().extract(dev.commentguard.Comment.of(text.isEmpty() ? " " : text));
            assertThat(model.distribution(f)).containsExactly(model.wekaDistribution(f));
        }
    }
}

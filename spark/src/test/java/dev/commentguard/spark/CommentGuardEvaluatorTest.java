package dev.commentguard.spark;

import dev.commentguard.Action;
import dev.commentguard.CommentScorer;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Moderation;
import dev.commentguard.evaluation.Prediction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommentGuardEvaluatorTest {

    private static final StructType SCHEMA = new StructType().add("text", DataTypes.StringType)
            .add("label", DataTypes.StringType).add("kind", DataTypes.StringType);

    private final SparkSession spark = LocalSpark.session();
    private final CommentGuardTransformer scorer = CommentGuardTransformer.withDefaultModel().setOutputLabelCol("verdict");

    private Dataset<Row> labelled(Object[]... rows) {
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create(r));
        }
        return spark.createDataFrame(list, SCHEMA).repartition(3);
    }

    /** The figures of the library's own evaluation of the same verdicts, a group left empty among others. */
    @Test
    void givesTheLibrarysFiguresOfTheSameVerdicts() {
        Dataset<Row> scored = scorer.transform(labelled(
                new Object[] {"Call 0300-1234567 for free classified ads", "spam", "ads"},
                new Object[] {"Visit www.cheap-pills.example.com for discounts", "spam", "ads"},
                new Object[] {"The council vote was closer than the headline says", "ok", "news"},
                new Object[] {"nice post", "low_quality", null},
                new Object[] {"Is the tram line funded past 2027?", " ok ", "news"})).cache();
        Evaluation evaluation = CommentGuardEvaluator.of(scorer).evaluate(scored);

        List<Prediction> predictions = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (Row r : scored.collectAsList()) {
            predictions.add(new Prediction(r.getString(1).strip(), r.getString(r.fieldIndex("verdict")),
                    r.getDouble(r.fieldIndex("spam_score")), Action.valueOf(r.getString(r.fieldIndex("action")).toUpperCase(Locale.ROOT))));
            groups.add(r.getString(2));
        }
        CommentScorer model = CommentScorer.loadDefault();
        assertThat(evaluation.metrics()).usingRecursiveComparison()
                .isEqualTo(Metrics.of(predictions, model.labels(), "spam", model.thresholds()));
        assertThat(evaluation.moderation()).isEqualTo(Moderation.of(predictions, groups, model.labels(), "spam"));
        assertThat(evaluation.comments()).isEqualTo(5);
        assertThat(evaluation.toString()).startsWith("Evaluated on 5 comments:\n").contains("  by kind:", "  (none) ");
    }

    @Test
    void labelsTheModelDoesNotKnowAndUnscoredRowsAreClearErrors() {
        Dataset<Row> input = labelled(new Object[] {"nice post", "ham", null}, new Object[] {"ok then", "ok", null});
        assertThatThrownBy(() -> CommentGuardEvaluator.of(scorer).evaluate(scorer.transform(input)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot evaluate: 1 row(s) labelled 'ham', which is not one of the model's labels [low_quality, ok, spam]");
        assertThatThrownBy(() -> CommentGuardEvaluator.of(scorer).evaluate(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the input has no column 'verdict' of the transformer's verdicts (evaluate the transformer's output);"
                        + " its columns are [text, label, kind]");
        assertThatThrownBy(() -> CommentGuardEvaluator.of(scorer).withGroupCol("site").evaluate(scorer.transform(input)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the input has no column 'site' (the groups)");
    }
}

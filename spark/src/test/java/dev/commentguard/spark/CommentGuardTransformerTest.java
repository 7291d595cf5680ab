package dev.commentguard.spark;

import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.Verdict;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommentGuardTransformerTest {

    private static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType).add("body", DataTypes.StringType)
            .add("author", DataTypes.StringType);

    private final SparkSession spark = LocalSpark.session();

    private Dataset<Row> rows(Object[]... values) {
        List<Row> rows = new ArrayList<>();
        for (Object[] v : values) {
            rows.add(RowFactory.create(v));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** Copies of a text in different partitions are flagged, as in one batch; the rest as scored alone. */
    @Test
    void flagsATextPostedInTwoPartitionsAndScoresTheRestAsTheLibraryDoes() {
        Object[][] values = {
                {"1", "Visit www.repeat-offer.example.com today", "Ann"},
                {"2", "The council vote was closer than the headline says", "Bob"},
                {"3", "Free classified ads at cheap-classifieds.com or call 0300-1234567", ""},
                {"4", "Great piece, thanks for writing it", null},
                {"5", "visit WWW.repeat-offer.example.com today!", "Cy"},
                {"6", "Is the tram line funded past 2027?", "Dee"}};
        Dataset<Row> input = rows(values).repartition(3).cache();
        Map<String, Integer> partition = new TreeMap<>();
        for (Row r : input.select(org.apache.spark.sql.functions.col("id"), org.apache.spark.sql.functions.spark_partition_id())
                .collectAsList()) {
            partition.put(r.getString(0), r.getInt(1));
        }
        assertThat(partition.get("1")).as("the two posts of a text in different partitions").isNotEqualTo(partition.get("5"));
        CommentGuardTransformer t = CommentGuardTransformer.withDefaultModel().setTextCol("body").setAuthorCol("author");

        Map<String, Row> out = new TreeMap<>();
        for (Row r : t.transform(input).collectAsList()) {
            out.put(r.getString(0), r);
        }
        List<Comment> comments = new ArrayList<>();
        for (Object[] v : values) {
            comments.add(new Comment((String) v[0], (String) v[1], (String) v[2], "", "", null));
        }
        List<Verdict> batch = CommentScorer.loadDefault().scoreAll(comments);
        for (int i = 0; i < values.length; i++) {
            Row r = out.get((String) values[i][0]);
            Verdict v = batch.get(i);
            assertThat(r.getString(r.fieldIndex("label"))).isEqualTo(v.label());
            assertThat(r.getDouble(r.fieldIndex("spam_score"))).isEqualTo(v.spamScore());
            assertThat(r.getString(r.fieldIndex("action"))).isEqualTo(v.action().code());
            assertThat(r.<String>getList(r.fieldIndex("reasons"))).containsExactlyElementsOf(Arrays.asList(VerdictValues.reasons(v)));
            assertThat(r.getDouble(r.fieldIndex("probability_spam"))).isEqualTo(v.probabilities().get("spam"));
        }
        assertThat(out.get("1").<String>getList(out.get("1").fieldIndex("reasons"))).contains("posted more than once in this batch");
        assertThat(out.get("5").<String>getList(out.get("5").fieldIndex("reasons"))).contains("posted more than once in this batch");
        assertThat(out.get("3").getString(out.get("3").fieldIndex("action"))).isEqualTo("block");

        // Many repeated texts are joined to the rows by a shuffle instead of a broadcast; the verdicts are the same.
        spark.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
        try {
            Dataset<Row> joined = t.transform(input);
            assertThat(joined.queryExecution().executedPlan().toString()).contains("SortMergeJoin");
            for (Row r : joined.collectAsList()) {
                assertThat(r).isEqualTo(out.get(r.getString(0)));
            }
        } finally {
            spark.conf().unset("spark.sql.autoBroadcastJoinThreshold");
        }
        assertThat(t.transform(input).queryExecution().executedPlan().toString()).doesNotContain("SortMergeJoin");
    }

    @Test
    void aRowWithoutTextGetsNullsAndTheColumnsAreTheParametersNames() {
        CommentGuardTransformer t = CommentGuardTransformer.withDefaultModel().setTextCol("body").setActionCol("what_to_do")
                .setProbabilityColPrefix("p_");
        Dataset<Row> out = t.transform(rows(new Object[] {"1", null, "Ann"}, new Object[] {"2", "nice post", "Bob"},
                new Object[] {"3", "", "Cy"}, new Object[] {"4", "  \n\t ", "Di"}));
        assertThat(out.columns()).containsExactly("id", "body", "author", "label", "spam_score", "what_to_do", "reasons",
                "p_low_quality", "p_ok", "p_spam");
        // No text, an empty or a blank one: no verdict (the command line refuses them; they were scored as repeats).
        for (String id : List.of("1", "3", "4")) {
            Row empty = out.where("id = '" + id + "'").first();
            for (int i = 3; i < empty.size(); i++) {
                assertThat(empty.isNullAt(i)).as(id + " " + out.columns()[i]).isTrue();
            }
        }
        assertThat(out.where("id = '2'").first().getString(5)).isEqualTo("demote");
        assertThat(t.explainParams()).contains("textCol", "permalinkCol", "probabilityColPrefix");
        // a top-level column whose name holds a dot is that column, not a field of a struct (it was an analysis error)
        Dataset<Row> dotted = CommentGuardTransformer.withDefaultModel().setTextCol("c.text")
                .transform(rows(new Object[] {"5", "nice post", "Eve"}).withColumnRenamed("body", "c.text"));
        assertThat(dotted.first().getString(dotted.first().fieldIndex("action"))).isEqualTo("demote");
        CommentGuardTransformer copy = t.copy(org.apache.spark.ml.param.ParamMap.empty());
        assertThat(copy.uid()).isEqualTo(t.uid());
        assertThat(copy.getOrDefault(copy.actionCol())).isEqualTo("what_to_do");
    }

    @Test
    void aMissingOrWronglyTypedColumnOrAnOutputThatExistsIsOneClearError() {
        CommentGuardTransformer t = CommentGuardTransformer.withDefaultModel();
        Dataset<Row> input = rows(new Object[] {"1", "nice post", "Ann"});
        assertThatThrownBy(() -> t.transform(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the input has no column 'text' (textCol); its columns are [id, body, author]");
        t.setTextCol("body").setSiteCol("site");
        assertThatThrownBy(() -> t.transform(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the input has no column 'site' (siteCol); its columns are [id, body, author]");
        CommentGuardTransformer numbers = CommentGuardTransformer.withDefaultModel().setTextCol("n");
        assertThatThrownBy(() -> numbers.transform(spark.range(3).withColumnRenamed("id", "n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("column 'n' (textCol) holds bigint; it must hold strings");
        CommentGuardTransformer clash = CommentGuardTransformer.withDefaultModel().setTextCol("body").setReasonsCol("author");
        assertThatThrownBy(() -> clash.transform(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the input already has a column 'author' (reasonsCol): set reasonsCol to another name, or drop or rename the column");
    }

    /** A task carries the model's hash and the broadcast's handle, never the model: it is tens of megabytes. */
    @Test
    void whatEachTaskCarriesIsSmall() throws Exception {
        CommentGuardTransformer t = CommentGuardTransformer.load(spark, TestComments.home().resolve("models/default.model").toString());
        ScorePartitions task = new ScorePartitions(t.model().handle(spark), new int[] {1, -1, -1, -1, -1, -1, -1, -1}, 3, 3, 4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        }
        assertThat(bytes.size()).isLessThan(4096);
        assertThat(t.model().handle(spark)).as("one broadcast per context").isSameAs(t.model().handle(spark));
    }
}

package dev.commentguard.spark;

import dev.commentguard.CommentScorer;
import dev.commentguard.Comment;
import dev.commentguard.Verdict;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommentGuardFunctionsTest {

    private static final SparkSession SPARK = LocalSpark.session();

    /** A table as WordPress names its columns. */
    @BeforeAll
    static void wpComments() {
        StructType schema = new StructType().add("comment_ID", DataTypes.StringType).add("comment_author", DataTypes.StringType)
                .add("comment_content", DataTypes.StringType);
        SPARK.createDataFrame(List.of(
                RowFactory.create("1", "Classifieds", "Free classified ads at cheap-classifieds.com or call 0300-1234567"),
                RowFactory.create("2", "Maya", "Is the 1.5 eTSI mild hybrid worth considering if I only do 8k miles a year?"),
                RowFactory.create("3", "Nobody", null)), schema).createOrReplaceTempView("wp_comments");
        CommentGuardFunctions.register(SPARK);
    }

    @Test
    void theActionOfEachCommentInOneSelect() {
        List<Row> rows = SPARK.sql("SELECT comment_ID, commentguard_score(comment_content).action FROM wp_comments ORDER BY comment_ID")
                .collectAsList();
        assertThat(rows).extracting(r -> r.getString(1)).containsExactly("block", "allow", null);
    }

    @Test
    void theStructIsTheVerdictOfTheCommentWithItsFields() {
        Row v = SPARK.sql("""
                SELECT commentguard_score(named_struct('text', comment_content, 'author', comment_author, 'repeated', true))
                FROM wp_comments WHERE comment_ID = '2'""").first().getStruct(0);
        Comment c = new Comment("", "Is the 1.5 eTSI mild hybrid worth considering if I only do 8k miles a year?", "Maya", "", "", null);
        Verdict expected = CommentScorer.loadDefault().scorePart(List.of(c), key -> true).get(0);
        assertThat(v.getString(v.fieldIndex("label"))).isEqualTo(expected.label());
        assertThat(v.getDouble(v.fieldIndex("spam_score"))).isEqualTo(expected.spamScore());
        assertThat(v.getString(v.fieldIndex("action"))).isEqualTo(expected.action().code());
        assertThat(v.<String>getList(v.fieldIndex("reasons"))).contains("posted more than once in this batch");
        assertThat(v.<String, Double>getJavaMap(v.fieldIndex("probabilities"))).isEqualTo(expected.probabilities());
    }

    @Test
    void theRepeatKeyIsTheSameForTextsThatDifferInCaseAndPunctuation() {
        Row r = SPARK.sql("SELECT commentguard_repeat_key('First!'), commentguard_repeat_key('first'), commentguard_repeat_key(NULL)").first();
        assertThat(r.getString(0)).isEqualTo(r.getString(1)).isEqualTo(CommentScorer.repeatKey("FIRST"));
        assertThat(r.isNullAt(2)).isTrue();
        // An empty or blank text has no verdict and no key: it repeats nothing, not even "<br>", whose key is empty too
        Row blank = SPARK.sql("SELECT commentguard_score(''), commentguard_score(' \\n '), commentguard_repeat_key(''),"
                + " commentguard_repeat_key('<br>')").first();
        assertThat(blank.isNullAt(0)).isTrue();
        assertThat(blank.isNullAt(1)).isTrue();
        assertThat(blank.isNullAt(2)).isTrue();
        assertThat(blank.isNullAt(3)).isFalse();
    }

    @Test
    void aFieldItDoesNotKnowIsAnErrorThatNamesIt() {
        assertThatThrownBy(() -> SPARK.sql("SELECT commentguard_score(named_struct('text', comment_content, 'autor', comment_author))"
                + " FROM wp_comments").collectAsList())
                .hasStackTraceContaining("commentguard_score: unknown field 'autor'; the fields are text, author, author_url,"
                        + " author_email, article_title, article_text, site, permalink, repeated");
    }
}

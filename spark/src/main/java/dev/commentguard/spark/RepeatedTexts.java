package dev.commentguard.spark;

import org.apache.spark.network.util.JavaUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/**
 * Finds the texts posted more than once across a whole data set, the transformer's one extra read of its input:
 * each row gets the digest of its text's repeat key and whether that digest occurs twice or more. Stateless.
 */
final class RepeatedTexts {

    /** Working columns, dropped before the output. */
    static final String DIGEST = "__commentguard_repeat_digest";
    static final String REPEATED = "__commentguard_repeated";
    private static final String REPEATED_DIGEST = "__commentguard_repeated_digest";
    /** Most repeated texts' digests gathered on the driver: 32 MB, about 150 MB as rows there for a moment. */
    private static final long MOST_GATHERED = 1_000_000;

    private RepeatedTexts() {
    }

    /** {@code rows} with {@link #DIGEST} and {@link #REPEATED} appended, in that order. */
    static Dataset<Row> flag(Dataset<Row> rows, String textColumn) {
        for (String working : List.of(DIGEST, REPEATED, REPEATED_DIGEST)) {
            if (Arrays.asList(rows.columns()).contains(working)) {
                throw new IllegalArgumentException("the input has a column '" + working + "', the name of one the transformer works with");
            }
        }
        UserDefinedFunction digest = udf((UDF1<String, byte[]>) RepeatDigest::ofText, DataTypes.BinaryType);
        // Quoted: a top-level column named "c.text" is that column, not field text of a struct c.
        org.apache.spark.sql.Column text = col("`" + textColumn.replace("`", "``") + "`");
        Dataset<Row> keyed = rows.withColumn(DIGEST, digest.apply(text));
        // Null texts filtered out by the text, not by the digest: Spark would compute the digest for the filter too.
        Dataset<Row> repeated = rows.where(text.isNotNull()).select(digest.apply(text).as(DIGEST)).where(col(DIGEST).isNotNull())
                .groupBy(col(DIGEST)).count()
                .where(col("count").gt(1)).select(col(DIGEST).as(REPEATED_DIGEST));
        long few = fewRepeated(rows.sparkSession());
        List<Row> found = few == 0 ? null : repeated.limit((int) few + 1).collectAsList();
        if (found != null && found.size() <= few) {
            // Sent to every task with the plan: the rows are joined where they are, never shuffled.
            repeated = broadcast(rows.sparkSession().createDataFrame(found, repeated.schema()));
        }
        return keyed.join(repeated, col(DIGEST).equalTo(col(REPEATED_DIGEST)), "left_outer")
                .withColumn(REPEATED, col(REPEATED_DIGEST).isNotNull()).drop(REPEATED_DIGEST);
    }

    /**
     * How many repeated texts' digests are few enough to gather on the driver and broadcast: as many as fit
     * {@code spark.sql.autoBroadcastJoinThreshold}, Spark's own limit for a broadcast join (10 MB, some 300,000 digests,
     * by default), and at most {@value #MOST_GATHERED}; none when that limit is off.
     */
    private static long fewRepeated(SparkSession spark) {
        String limit = spark.conf().get("spark.sql.autoBroadcastJoinThreshold", "10MB").strip();
        if (limit.startsWith("-")) { // -1: off
            return 0;
        }
        return Math.min(MOST_GATHERED, JavaUtils.byteStringAsBytes(limit) / RepeatDigest.BYTES);
    }
}

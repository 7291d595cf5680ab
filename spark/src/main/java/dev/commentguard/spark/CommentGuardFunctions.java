package dev.commentguard.spark;

import dev.commentguard.CommentScorer;
import dev.commentguard.Verdict;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * CommentGuard's functions for Spark SQL, registered in a session by one call:
 *
 * <ul>
 *   <li>{@code commentguard_score(text)}: the verdict of one comment, a struct of {@code label}, {@code spam_score},
 *   {@code action}, {@code reasons} (an array of strings) and {@code probabilities} (a map from label to probability),
 *   so that {@code SELECT commentguard_score(comment_content).action FROM wp_comments} works. It takes the comment's
 *   text, or a struct of its fields named as in the library's input files: {@code text}, {@code author},
 *   {@code author_url}, {@code author_email}, {@code article_title}, {@code article_text}, {@code site},
 *   {@code permalink}, and the boolean {@code repeated}, true when the text is posted more than once in the data set.
 *   A null, empty or blank text gives a null verdict.</li>
 *   <li>{@code commentguard_repeat_key(text)}: the key that texts posted more than once share, to find them:
 *   {@code count(*) OVER (PARTITION BY commentguard_repeat_key(text)) > 1} is {@code repeated}. That window shuffles
 *   every row by its key; {@link CommentGuardTransformer} finds the repeated texts more cheaply.</li>
 * </ul>
 *
 * <p>The model is shipped as {@link CommentGuardTransformer} ships it: read once on the driver, one scorer per executor
 * JVM. The functions are row by row and so cannot see the rest of the data set: without {@code repeated} a comment is
 * judged alone, as {@code score} judges a comment given on the command line.
 */
public final class CommentGuardFunctions {

    /** The name of the scoring function. */
    public static final String SCORE = "commentguard_score";
    /** The name of the function giving a text's repeat key. */
    public static final String REPEAT_KEY = "commentguard_repeat_key";

    /** The struct field that says a text is posted more than once. */
    static final String REPEATED = "repeated";

    private CommentGuardFunctions() {
    }

    /**
     * Registers the functions in {@code spark} with the model file at {@code modelPath} (any file system the session's
     * Hadoop configuration reaches), read and checked here.
     *
     * @throws dev.commentguard.ModelFileException when there is no such file, or it is not a usable model
     */
    public static void register(SparkSession spark, String modelPath) throws IOException {
        register(spark, ShippedModel.read(spark, modelPath));
    }

    /** Registers the functions in {@code spark} with the default model inside the library's jar. */
    public static void register(SparkSession spark) {
        register(spark, ShippedModel.defaultModel());
    }

    private static void register(SparkSession spark, ShippedModel model) {
        spark.udf().register(SCORE, new Score(model.handle(spark)), verdictType());
        spark.udf().register(REPEAT_KEY, (UDF1<String, String>) text -> !ScorePartitions.hasText(text) ? null
                : CommentScorer.repeatKey(text), DataTypes.StringType); // blank: no key, as no verdict
    }

    /** The struct {@code commentguard_score} returns. */
    static StructType verdictType() {
        return new StructType()
                .add("label", DataTypes.StringType)
                .add("spam_score", DataTypes.DoubleType)
                .add("action", DataTypes.StringType)
                .add("reasons", VerdictValues.TYPES.get(3))
                .add("probabilities", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false));
    }

    /** {@code commentguard_score}: a text, or a struct of a comment's fields, to its verdict. */
    private static final class Score implements UDF1<Object, Row> {
        private static final long serialVersionUID = 1L;

        private final ShippedModel.Handle model;

        Score(ShippedModel.Handle model) {
            this.model = model;
        }

        @Override
        public Row call(Object argument) {
            if (argument == null) {
                return null;
            }
            String[] values = new String[CommentFields.values().length];
            boolean repeated;
            if (argument instanceof String text) {
                values[CommentFields.TEXT.ordinal()] = text;
                repeated = false;
            } else if (argument instanceof Row struct && struct.schema() != null) {
                repeated = read(struct, values);
            } else {
                throw new IllegalArgumentException(SCORE + " takes a comment's text or a struct of its fields "
                        + fieldList() + "; it was given " + argument.getClass().getSimpleName());
            }
            if (!ScorePartitions.hasText(values[CommentFields.TEXT.ordinal()])) {
                return null;
            }
            Verdict v = model.scorer().scorePart(List.of(CommentFields.comment(values)), key -> repeated).get(0);
            return RowFactory.create(v.label(), v.spamScore(), v.action().code(), VerdictValues.reasons(v),
                    new LinkedHashMap<>(v.probabilities()));
        }

        /** Reads a struct's fields into {@code values}; returns its {@code repeated}. */
        private static boolean read(Row struct, String[] values) {
            boolean repeated = false;
            StructField[] fields = struct.schema().fields();
            for (int i = 0; i < fields.length; i++) {
                String name = fields[i].name();
                Object value = struct.get(i);
                if (name.equals(REPEATED)) {
                    if (value != null && !(value instanceof Boolean)) {
                        throw new IllegalArgumentException(SCORE + ": field '" + REPEATED + "' must be a boolean, not "
                                + fields[i].dataType().simpleString());
                    }
                    repeated = Boolean.TRUE.equals(value);
                    continue;
                }
                int f = CommentFields.NAMES.indexOf(name);
                if (f < 0) {
                    throw new IllegalArgumentException(SCORE + ": unknown field '" + name + "'; the fields are " + fieldList());
                }
                if (value != null && !(value instanceof String)) {
                    throw new IllegalArgumentException(SCORE + ": field '" + name + "' must be a string, not "
                            + fields[i].dataType().simpleString());
                }
                values[f] = (String) value;
            }
            return repeated;
        }

        private static String fieldList() {
            List<String> names = new ArrayList<>(CommentFields.NAMES);
            names.add(REPEATED);
            return String.join(", ", names);
        }
    }
}

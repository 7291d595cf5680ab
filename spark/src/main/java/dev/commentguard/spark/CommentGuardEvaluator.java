package dev.commentguard.spark;

import dev.commentguard.Action;
import dev.commentguard.CommentScorer;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.evaluation.Moderation;
import dev.commentguard.evaluation.PredictionCount;
import dev.commentguard.evaluation.RankedScores;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * The command line's {@code evaluate} over a labelled DataFrame of any size, scored by a
 * {@link CommentGuardTransformer}: what the model's actions do to genuine comments and to spam, the actions per true
 * label and, when the rows have a group (their kind of site), the same figures and the ROC AUC per group; then
 * accuracy, per-class precision, recall and F1, MCC, ROC AUC, PR AUC, the confusion matrix and the rates at the review
 * and block thresholds. As Spark ML's evaluators do, it takes the transformer's output:
 * {@code CommentGuardEvaluator.of(transformer).evaluate(transformer.transform(labelled))}. The figures are those
 * {@code evaluate} gives on the same rows, to the last bit, and print as it prints them ({@link Evaluation#print}).
 *
 * <p>The verdicts are reduced where they are: counted by true label, predicted label, action and group, a table of a
 * few dozen rows; the exact ROC and precision-recall figures need every distinct spam score in order, so the scores are
 * counted by distinct value (by group and value for the figures per group), sorted by Spark, and streamed to the
 * driver a partition at a time through the library's {@link RankedScores}. The driver never holds more than a
 * partition of them; what it costs is streaming the distinct scores, twice, through one machine. The five columns
 * used are persisted, memory and disk, for the three passes over them, so the rows are scored once.
 *
 * <p>Immutable and thread-safe; {@link #evaluate} runs Spark jobs.
 */
public final class CommentGuardEvaluator {

    private static final String PREFIX = "__commentguard_";
    private static final String TRUTH = PREFIX + "truth";
    private static final String PREDICTED = PREFIX + "predicted";
    private static final String ACTION = PREFIX + "action";
    private static final String GROUP = PREFIX + "group";
    private static final String SCORE = PREFIX + "spam_score";
    private static final String SPAM = PREFIX + "spam";
    private static final String GENUINE = PREFIX + "genuine";

    private final CommentGuardTransformer scorer;
    private final String labelCol;
    private final String groupCol;

    private CommentGuardEvaluator(CommentGuardTransformer scorer, String labelCol, String groupCol) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.labelCol = Objects.requireNonNull(labelCol, "labelCol");
        this.groupCol = groupCol;
    }

    /** Evaluates the verdicts of {@code scorer}, read from its output columns; the true label from {@code label}. */
    public static CommentGuardEvaluator of(CommentGuardTransformer scorer) {
        return new CommentGuardEvaluator(scorer, "label", null);
    }

    /** The same, the true label read from {@code column}. */
    public CommentGuardEvaluator withLabelCol(String column) {
        return new CommentGuardEvaluator(scorer, column, groupCol);
    }

    /**
     * The same, the figures also given per value of {@code column}. Without it, as with {@code evaluate}: per value of
     * {@code site_kind}, else of {@code kind}, when the DataFrame has such a column.
     */
    public CommentGuardEvaluator withGroupCol(String column) {
        return new CommentGuardEvaluator(scorer, labelCol, Objects.requireNonNull(column, "column"));
    }

    /**
     * Measures the verdicts in {@code scored}, the transformer's output, against its true labels.
     *
     * @throws IllegalArgumentException when a column is missing, a row has no label or no verdict (no text), or a label
     *                                  is not one of the model's
     */
    public Evaluation evaluate(Dataset<?> scored) {
        Dataset<Row> rows = scored.toDF();
        List<String> columns = Arrays.asList(rows.columns());
        String predicted = scorer.getOrDefault(scorer.outputLabelCol());
        String action = scorer.getOrDefault(scorer.actionCol());
        String score = scorer.getOrDefault(scorer.spamScoreCol());
        for (String verdict : List.of(predicted, action, score)) {
            if (!columns.contains(verdict)) {
                throw new IllegalArgumentException("the input has no column '" + verdict + "' of the transformer's verdicts"
                        + " (evaluate the transformer's output); its columns are " + columns);
            }
        }
        if (!columns.contains(labelCol)) {
            throw new IllegalArgumentException("the input has no column '" + labelCol + "' (the true labels); its columns are " + columns);
        }
        String group = groupCol != null ? groupCol : defaultGroup(columns);
        if (group != null && !columns.contains(group)) {
            throw new IllegalArgumentException("the input has no column '" + group + "' (the groups); its columns are " + columns);
        }
        CommentScorer model = scorer.scorer();
        String positive = model.positiveLabel();
        UserDefinedFunction strip = udf((UDF1<String, String>) s -> s == null ? null : s.strip(), DataTypes.StringType);
        Dataset<Row> predictions = rows.select(strip.apply(col(labelCol)).as(TRUTH), col(predicted).as(PREDICTED),
                        col(action).as(ACTION),
                        group == null ? lit(null).cast(DataTypes.StringType).as(GROUP) : strip.apply(col(group)).as(GROUP),
                        col(score).as(SCORE))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<PredictionCount> counts = counts(predictions, model.labels());
            long spam = counts.stream().filter(c -> c.truth().equals(positive)).mapToLong(PredictionCount::count).sum();
            long all = counts.stream().mapToLong(PredictionCount::count).sum();
            RankedScores ranked = new RankedScores(spam, all - spam, model.thresholds().review(), model.thresholds().block());
            Column isSpam = col(TRUTH).equalTo(positive);
            feed(predictions.groupBy(col(SCORE)).agg(sum(when(isSpam, 1L).otherwise(0L)).as(SPAM),
                    sum(when(isSpam, 0L).otherwise(1L)).as(GENUINE)).orderBy(desc(SCORE)), null, Map.of("", ranked));
            Map<String, RankedScores> byGroup = new TreeMap<>();
            if (counts.stream().anyMatch(c -> c.group() != null)) {
                Map<String, long[]> totals = new TreeMap<>();
                for (PredictionCount c : counts) {
                    long[] t = totals.computeIfAbsent(c.group() == null ? "" : c.group(), g -> new long[2]);
                    t[c.truth().equals(positive) ? 0 : 1] += c.count();
                }
                totals.forEach((g, t) -> byGroup.put(g, new RankedScores(t[0], t[1])));
                Column g = coalesce(col(GROUP), lit(""));
                feed(predictions.groupBy(g.as(GROUP), col(SCORE)).agg(sum(when(isSpam, 1L).otherwise(0L)).as(SPAM),
                        sum(when(isSpam, 0L).otherwise(1L)).as(GENUINE)).orderBy(col(GROUP), desc(SCORE)), GROUP, byGroup);
            }
            Metrics metrics = Metrics.of(counts, ranked, model.labels(), positive, model.thresholds());
            Moderation moderation = Moderation.of(counts, ranked, byGroup, model.labels(), positive);
            return new Evaluation(all, metrics, moderation, groupCol != null ? groupCol : "kind");
        } finally {
            predictions.unpersist();
        }
    }

    /** The group column {@code evaluate} takes by default: {@code site_kind}, else {@code kind}, whatever their case. */
    private static String defaultGroup(List<String> columns) {
        for (String name : List.of("site_kind", "kind")) {
            for (String c : columns) {
                if (c.strip().toLowerCase(Locale.ROOT).equals(name)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The predictions counted by true label, predicted label, action and group, each checked. */
    private static List<PredictionCount> counts(Dataset<Row> predictions, List<String> labels) {
        List<PredictionCount> counts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Row r : predictions.groupBy(col(TRUTH), col(PREDICTED), col(ACTION), col(GROUP)).count().collectAsList()) {
            String truth = r.getString(0);
            long n = r.getLong(4);
            if (truth == null || truth.isEmpty()) {
                problems.add(n + " row(s) without a label");
            } else if (r.isNullAt(1)) {
                problems.add(n + " row(s) without a text");
            } else if (!labels.contains(truth)) {
                problems.add(n + " row(s) labelled '" + truth + "', which is not one of the model's labels " + labels);
            } else {
                counts.add(new PredictionCount(truth, r.getString(1), Action.valueOf(r.getString(2).toUpperCase(Locale.ROOT)),
                        r.getString(3), n));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot evaluate: " + String.join("; ", problems));
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("cannot evaluate: no comments");
        }
        return counts;
    }

    /**
     * Streams a sorted table of (group,) score, spam and genuine counts to the driver, a partition at a time, into the
     * ranked scores of each group ({@code ""} when {@code groupColumn} is null).
     */
    private static void feed(Dataset<Row> sorted, String groupColumn, Map<String, RankedScores> ranked) {
        Iterator<Row> rows = sorted.toLocalIterator();
        while (rows.hasNext()) {
            Row r = rows.next();
            String g = groupColumn == null ? "" : r.getString(r.fieldIndex(groupColumn));
            ranked.get(g).add(r.getDouble(r.fieldIndex(SCORE)), r.getLong(r.fieldIndex(SPAM)), r.getLong(r.fieldIndex(GENUINE)));
        }
    }
}

package dev.commentguard.spark;

import dev.commentguard.CommentScorer;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;


/**
 * Scores the comments of a DataFrame with a CommentGuard model: a Spark ML {@link Transformer} that adds to every row
 * the verdict's columns, {@code label}, {@code spam_score}, {@code action} (allow, demote, review or block),
 * {@code reasons} (an array of strings, strongest first) and the probability of each of the model's labels
 * ({@code probability_spam}, ...), each named by a parameter. The comment is read from the column named by
 * {@code textCol} (default {@code text}) and, when they are set, the columns of its author, author URL and e-mail, the
 * article's title and text, the site and the article's URL. A row whose text is null gets nulls.
 *
 * <p>The verdicts are those of the command line's {@code score --input} on the same rows: a text posted more than once
 * anywhere in the DataFrame is flagged as such, in whichever partition its copies are. To know that, {@code transform}
 * runs a Spark job at once, before it returns: it groups the rows by their texts' {@link CommentScorer#repeatKey} (a
 * SHA-256 of the key, 32 bytes a row, is what is shuffled, combined where the rows are) and keeps the digests of the
 * texts posted more than once. When they are few (as many as fit {@code spark.sql.autoBroadcastJoinThreshold}, 10 MB
 * or some 300,000 texts by default, and at most a million), they are gathered on the driver and broadcast to the rows,
 * which are then never shuffled; past that, the grouping is joined to the rows by a sort-merge join, which runs the
 * grouping again and shuffles the rows. Either way the rows come out in no particular order. The digest costs a
 * normalisation of each text for the grouping and another for the join, each about a tenth of what scoring costs.
 *
 * <p>The model file is read once on the driver and its bytes broadcast once per Spark context; each executor JVM
 * loads one scorer of it, which all its tasks share, and scores its partitions a chunk of rows at a time through the
 * library's batch path. The default model inside the library's jar is not shipped at all.
 *
 * <p>Thread-safe to transform from several threads; the parameters are set before use, as with any Spark stage.
 * It cannot be saved with Spark ML's writers: keep the model file, and load it again.
 */
public final class CommentGuardTransformer extends Transformer {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final transient ShippedModel model;

    private final Param<String> textCol;
    private final Param<String> authorCol;
    private final Param<String> authorUrlCol;
    private final Param<String> authorEmailCol;
    private final Param<String> articleTitleCol;
    private final Param<String> articleTextCol;
    private final Param<String> siteCol;
    private final Param<String> permalinkCol;
    private final Param<String> outputLabelCol;
    private final Param<String> spamScoreCol;
    private final Param<String> actionCol;
    private final Param<String> reasonsCol;
    private final Param<String> probabilityColPrefix;

    private CommentGuardTransformer(String uid, ShippedModel model) {
        this.uid = uid;
        this.model = model;
        textCol = new Param<>(this, "textCol", "the column of the comments' text");
        authorCol = new Param<>(this, "authorCol", "the column of the name the commenter typed (optional)");
        authorUrlCol = new Param<>(this, "authorUrlCol", "the column of the web site the commenter gave (optional)");
        authorEmailCol = new Param<>(this, "authorEmailCol", "the column of the e-mail address the commenter gave (optional)");
        articleTitleCol = new Param<>(this, "articleTitleCol", "the column of the title of the article the comment is under (optional)");
        articleTextCol = new Param<>(this, "articleTextCol", "the column of the text of the article the comment is under (optional)");
        siteCol = new Param<>(this, "siteCol", "the column of the URL of the site the comment is posted on (optional)");
        permalinkCol = new Param<>(this, "permalinkCol", "the column of the URL of the article the comment is under (optional)");
        outputLabelCol = new Param<>(this, "outputLabelCol", "the output column of the most probable label");
        spamScoreCol = new Param<>(this, "spamScoreCol", "the output column of the spam score, the probability of spam");
        actionCol = new Param<>(this, "actionCol", "the output column of the action: allow, demote, review or block");
        reasonsCol = new Param<>(this, "reasonsCol", "the output column of the reasons, strongest first");
        probabilityColPrefix = new Param<>(this, "probabilityColPrefix",
                "the start of the output columns of each label's probability, which end with the label");
        setDefault(textCol, "text");
        setDefault(outputLabelCol, "label");
        setDefault(spamScoreCol, "spam_score");
        setDefault(actionCol, "action");
        setDefault(reasonsCol, "reasons");
        setDefault(probabilityColPrefix, "probability_");
    }

    /**
     * A transformer of the model file at {@code modelPath}, on any file system the session's Hadoop configuration
     * reaches ({@code hdfs://}, {@code s3a://}, a local path), read and checked here on the driver.
     *
     * @throws dev.commentguard.ModelFileException when there is no such file, or it is not a usable model
     * @throws IOException                         when the file cannot be read
     */
    public static CommentGuardTransformer load(SparkSession spark, String modelPath) throws IOException {
        return new CommentGuardTransformer(Identifiable.randomUID("commentguard"), ShippedModel.read(spark, modelPath));
    }

    /** A transformer of the default model shipped inside the library's jar. */
    public static CommentGuardTransformer withDefaultModel() {
        return new CommentGuardTransformer(Identifiable.randomUID("commentguard"), ShippedModel.defaultModel());
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The model's labels, in the order of the probability columns. */
    public List<String> labels() {
        return model.scorer().labels();
    }

    /** The model's scorer on the driver: its manifest, labels and thresholds. */
    CommentScorer scorer() {
        return model.scorer();
    }

    ShippedModel model() {
        return model;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        inputFields(schema);
        StructType out = schema;
        List<String> names = new ArrayList<>(outputColumns());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (Arrays.asList(schema.fieldNames()).contains(name)) {
                throw new IllegalArgumentException("the input already has a column '" + name + "' (" + outputParam(i).name()
                        + "): set " + outputParam(i).name() + " to another name, or drop or rename the column");
            }
            out = out.add(name, i < VerdictValues.WIDTH ? VerdictValues.TYPES.get(i) : DataTypes.DoubleType, true);
        }
        return out;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        Dataset<Row> rows = dataset.toDF();
        Dataset<Row> flagged = RepeatedTexts.flag(rows, $(textCol));
        int width = rows.schema().size();
        ShippedModel.Handle handle = model.handle(dataset.sparkSession());
        return flagged.mapPartitions(new ScorePartitions(handle, inputFields(rows.schema()), width, width, width + 1),
                Encoders.row(out));
    }

    /** The positions in {@code schema} of the comment's fields, -1 for those not set; each must be a string column. */
    private int[] inputFields(StructType schema) {
        List<Param<String>> params = inputParams();
        List<String> columns = new ArrayList<>();
        List<String> paramNames = new ArrayList<>();
        for (Param<String> p : params) {
            columns.add(isDefined(p) ? $(p) : null);
            paramNames.add(p.name());
        }
        return CommentFields.positions(schema, columns, paramNames);
    }

    /** The input parameters, in the order of {@link CommentFields}. */
    private List<Param<String>> inputParams() {
        return List.of(textCol, authorCol, authorUrlCol, authorEmailCol, articleTitleCol, articleTextCol, siteCol, permalinkCol);
    }

    /** The output columns' names: the verdict's, then each label's probability. */
    List<String> outputColumns() {
        List<String> names = new ArrayList<>(List.of($(outputLabelCol), $(spamScoreCol), $(actionCol), $(reasonsCol)));
        for (String label : labels()) {
            names.add($(probabilityColPrefix) + label);
        }
        return names;
    }

    private Param<String> outputParam(int column) {
        return column < VerdictValues.WIDTH ? List.of(outputLabelCol, spamScoreCol, actionCol, reasonsCol).get(column)
                : probabilityColPrefix;
    }

    @Override
    public CommentGuardTransformer copy(ParamMap extra) {
        return copyValues(new CommentGuardTransformer(uid, model), extra);
    }

    // Spark finds a stage's parameters by its public methods that return a Param.

    public Param<String> textCol() {
        return textCol;
    }

    public Param<String> authorCol() {
        return authorCol;
    }

    public Param<String> authorUrlCol() {
        return authorUrlCol;
    }

    public Param<String> authorEmailCol() {
        return authorEmailCol;
    }

    public Param<String> articleTitleCol() {
        return articleTitleCol;
    }

    public Param<String> articleTextCol() {
        return articleTextCol;
    }

    public Param<String> siteCol() {
        return siteCol;
    }

    public Param<String> permalinkCol() {
        return permalinkCol;
    }

    public Param<String> outputLabelCol() {
        return outputLabelCol;
    }

    public Param<String> spamScoreCol() {
        return spamScoreCol;
    }

    public Param<String> actionCol() {
        return actionCol;
    }

    public Param<String> reasonsCol() {
        return reasonsCol;
    }

    public Param<String> probabilityColPrefix() {
        return probabilityColPrefix;
    }

    public CommentGuardTransformer setTextCol(String value) {
        return setParam(textCol, value);
    }

    public CommentGuardTransformer setAuthorCol(String value) {
        return setParam(authorCol, value);
    }

    public CommentGuardTransformer setAuthorUrlCol(String value) {
        return setParam(authorUrlCol, value);
    }

    public CommentGuardTransformer setAuthorEmailCol(String value) {
        return setParam(authorEmailCol, value);
    }

    public CommentGuardTransformer setArticleTitleCol(String value) {
        return setParam(articleTitleCol, value);
    }

    public CommentGuardTransformer setArticleTextCol(String value) {
        return setParam(articleTextCol, value);
    }

    public CommentGuardTransformer setSiteCol(String value) {
        return setParam(siteCol, value);
    }

    public CommentGuardTransformer setPermalinkCol(String value) {
        return setParam(permalinkCol, value);
    }

    public CommentGuardTransformer setOutputLabelCol(String value) {
        return setParam(outputLabelCol, value);
    }

    public CommentGuardTransformer setSpamScoreCol(String value) {
        return setParam(spamScoreCol, value);
    }

    public CommentGuardTransformer setActionCol(String value) {
        return setParam(actionCol, value);
    }

    public CommentGuardTransformer setReasonsCol(String value) {
        return setParam(reasonsCol, value);
    }

    public CommentGuardTransformer setProbabilityColPrefix(String value) {
        return setParam(probabilityColPrefix, value);
    }

    private CommentGuardTransformer setParam(Param<String> p, String value) {
        set(p, value);
        return this;
    }
}

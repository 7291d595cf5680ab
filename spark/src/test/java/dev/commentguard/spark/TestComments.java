package dev.commentguard.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Labelled comments for the tests, written as JSON Lines for the command line and Spark alike: every comment of the
 * corpus (training-data/train.csv and heldout.csv, 46,101), then copies of them up to the count asked for. A quarter
 * of the copies repeat a text exactly, a quarter repeat it in capitals with "!!" (the same post to the repeat key),
 * and half are new texts (a number appended); so many texts are posted more than once, their copies tens of thousands
 * of rows apart. The articles go to a file of their own, joined by {@code article_id} as the command line's
 * {@code --articles} joins them.
 */
final class TestComments {

    /** The columns of the comments file, every one a string. */
    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType).add("article_id", DataTypes.StringType)
            .add("site_kind", DataTypes.StringType).add("kind", DataTypes.StringType)
            .add("author", DataTypes.StringType).add("author_url", DataTypes.StringType)
            .add("author_email", DataTypes.StringType).add("text", DataTypes.StringType)
            .add("label", DataTypes.StringType);

    /** The columns of the articles file. */
    static final StructType ARTICLES = new StructType()
            .add("id", DataTypes.StringType).add("title", DataTypes.StringType).add("text", DataTypes.StringType)
            .add("site", DataTypes.StringType).add("permalink", DataTypes.StringType);

    private TestComments() {
    }

    /** The repository's root, where training-data and models are. */
    static Path home() {
        return Path.of(System.getProperty("commentguard.home", "..")).toAbsolutePath().normalize();
    }

    /** Writes {@code count} comments to {@code comments} and every article to {@code articles}. */
    static void write(Path comments, Path articles, int count) throws IOException {
        Path data = home().resolve("training-data");
        List<CSVRecord> corpus = new ArrayList<>(read(data.resolve("train.csv")));
        corpus.addAll(read(data.resolve("heldout.csv")));
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(comments, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                int copy = i - corpus.size();
                CSVRecord r = copy < 0 ? corpus.get(i) : corpus.get((int) (copy * 7919L % corpus.size()));
                String text = r.get("text");
                if (copy >= 0) {
                    text = switch (copy % 4) {
                        case 0 -> text;
                        case 1 -> text.toUpperCase(Locale.ROOT) + "!!";
                        default -> text + " #" + copy;
                    };
                }
                ObjectNode row = json.createObjectNode();
                row.put("id", copy < 0 ? r.get("id") : r.get("id") + "-copy" + copy);
                for (String field : List.of("article_id", "site_kind", "kind", "author", "author_url", "author_email")) {
                    row.put(field, r.get(field));
                }
                row.put("text", text);
                row.put("label", r.get("label"));
                out.write(json.writeValueAsString(row));
                out.newLine();
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(articles, StandardCharsets.UTF_8)) {
            for (CSVRecord r : read(data.resolve("articles.csv"))) {
                ObjectNode row = json.createObjectNode();
                for (String field : List.of("id", "title", "text", "site", "permalink")) {
                    row.put(field, r.get(field));
                }
                out.write(json.writeValueAsString(row));
                out.newLine();
            }
        }
    }

    /** The comments with their articles' title, text, site and permalink, as a platform's job would join them. */
    static Dataset<Row> joined(SparkSession spark, Path comments, Path articles) {
        Dataset<Row> c = spark.read().schema(SCHEMA).json(comments.toString());
        Dataset<Row> a = spark.read().schema(ARTICLES).json(articles.toString()).select(
                org.apache.spark.sql.functions.col("id").as("a_id"), org.apache.spark.sql.functions.col("title").as("article_title"),
                org.apache.spark.sql.functions.col("text").as("article_text"), org.apache.spark.sql.functions.col("site"),
                org.apache.spark.sql.functions.col("permalink"));
        return c.join(a, c.col("article_id").equalTo(a.col("a_id")), "left_outer").drop("a_id");
    }

    /** The transformer reading every column {@link #joined} has. */
    static CommentGuardTransformer reading(CommentGuardTransformer t) {
        return t.setTextCol("text").setAuthorCol("author").setAuthorUrlCol("author_url").setAuthorEmailCol("author_email")
                .setArticleTitleCol("article_title").setArticleTextCol("article_text").setSiteCol("site")
                .setPermalinkCol("permalink").setOutputLabelCol("verdict");
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            return parser.getRecords();
        }
    }
}

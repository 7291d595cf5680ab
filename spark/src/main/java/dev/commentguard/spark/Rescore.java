package dev.commentguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;

/**
 * Re-scores a table of comments with spark-submit: reads CSV (with a header), JSON Lines or Parquet, adds each
 * comment's verdict (label, spam score, action, reasons, each label's probability) and writes the table in any of the
 * three, the reasons joined by {@code "; "} in CSV, which has no lists. The comment's columns are found as the command
 * line finds them, by name whatever their case: the text in {@code text} (or content, comment, body, message, or
 * {@code --text-column}), and {@code author}, {@code author_url}, {@code author_email}, {@code article_title},
 * {@code article_text}, {@code site} (or blog) and {@code permalink} (or article_url) when present.
 *
 * <pre>
 * spark-submit --class dev.commentguard.spark.Rescore commentguard-spark-VERSION-all.jar \
 *     --model hdfs:///models/site.model --input hdfs:///comments.parquet --output hdfs:///verdicts.parquet
 * </pre>
 */
public final class Rescore {

    static final String USAGE = "usage: Rescore --input PATH --output PATH [--model PATH] [--text-column NAME]"
            + " [--input-format csv|json|parquet] [--output-format csv|json|parquet] [--output-prefix PREFIX]\n"
            + "  --model: a model file (default: the default model in the jar); formats: from the paths' extensions,"
            + " else parquet; --output-prefix: before the names of the verdict's columns (label, spam_score, ...), for a"
            + " table that has a column of one of those names already, such as a moderation history's label";

    private static final List<String> OPTIONS = List.of("--input", "--output", "--model", "--text-column", "--input-format",
            "--output-format", "--output-prefix");
    private static final List<String> FORMATS = List.of("csv", "json", "parquet");

    private Rescore() {
    }

    /** Bad arguments, said in one line. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.err, null));
    }

    /**
     * What {@code main} does, its exit code returned: 0, 2 for bad arguments, 1 for anything else, each error one line
     * on {@code err}.
     *
     * @param given the session to use, or null for one made (and stopped) here
     */
    static int run(String[] args, java.io.PrintStream err, SparkSession given) {
        try {
            Map<String, String> options = options(args);
            SparkSession spark = given != null ? given : SparkSession.builder().appName("CommentGuard rescore").getOrCreate();
            try {
                rescore(spark, options);
            } finally {
                if (given == null) {
                    spark.stop();
                }
            }
            return 0;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) { // Spark's (checked in Scala's eyes only): a path not found, an output there, a bad CSV row
            err.println("error: " + firstLine(e));
            return 1;
        }
    }

    /** Re-scores the table {@code args} name, in {@code spark}. */
    static void rescore(SparkSession spark, String... args) throws IOException {
        rescore(spark, options(args));
    }

    private static void rescore(SparkSession spark, Map<String, String> options) throws IOException {
        String input = options.get("--input");
        String output = options.get("--output");
        CommentGuardTransformer scorer = options.containsKey("--model")
                ? CommentGuardTransformer.load(spark, options.get("--model")) : CommentGuardTransformer.withDefaultModel();
        Dataset<Row> table = read(spark, input, format(options, "--input-format", input));
        List<String> columns = List.of(table.columns());
        String text = options.containsKey("--text-column") ? options.get("--text-column")
                : find(columns, "text", "content", "comment", "body", "message", "comment_content");
        if (text == null) {
            throw new UsageException(input + " has no text column (looked for text, content, comment, body, message,"
                    + " comment_content); name it with --text-column. Its columns: " + columns);
        }
        scorer.setTextCol(text);
        // WordPress's wp_comments names them comment_author, ...: read as the command line reads that table
        set(columns, scorer::setAuthorCol, "author", "comment_author");
        set(columns, scorer::setAuthorUrlCol, "author_url", "comment_author_url");
        set(columns, scorer::setAuthorEmailCol, "author_email", "comment_author_email");
        String prefix = options.get("--output-prefix");
        if (prefix != null) {
            scorer.setOutputLabelCol(prefix + "label").setSpamScoreCol(prefix + "spam_score").setActionCol(prefix + "action")
                    .setReasonsCol(prefix + "reasons").setProbabilityColPrefix(prefix + "probability_");
        } else if (find(columns, "label", "spam_score", "action", "reasons") != null
                || columns.stream().anyMatch(c -> c.strip().toLowerCase(Locale.ROOT).startsWith("probability_"))) {
            throw new UsageException(input + " has a column named as one of the verdict's (label, spam_score, action,"
                    + " reasons, probability_...): give --output-prefix, such as --output-prefix cg_. Its columns: " + columns);
        }
        set(columns, scorer::setArticleTitleCol, "article_title");
        set(columns, scorer::setArticleTextCol, "article_text");
        set(columns, scorer::setSiteCol, "site", "blog");
        set(columns, scorer::setPermalinkCol, "permalink", "article_url");
        Dataset<Row> verdicts = scorer.transform(table);
        String outputFormat = format(options, "--output-format", output);
        if (outputFormat.equals("csv")) {
            String reasons = scorer.getOrDefault(scorer.reasonsCol());
            verdicts = verdicts.withColumn(reasons, array_join(col(reasons), "; "));
        }
        // RFC 4180 as the command line writes it: quotes doubled, not escaped with a backslash; spaces kept.
        verdicts.write().format(outputFormat).option("header", true).option("escape", "\"")
                .option("ignoreLeadingWhiteSpace", false).option("ignoreTrailingWhiteSpace", false).save(output);
    }

    /** The first line of what Spark says, without the query plan and the stack it appends. */
    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String top = line(e);
        String cause = root == e || root.getMessage() == null ? "" : line(root);
        return cause.isEmpty() || top.contains(cause) ? top : top + " (" + cause + ")";
    }

    private static String line(Throwable t) {
        String message = String.valueOf(t.getMessage()).strip();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static Dataset<Row> read(SparkSession spark, String path, String format) {
        return switch (format) {
            // RFC 4180, as the command line reads CSV: a header row, quotes doubled inside quoted fields that may span lines.
            // A row with more fields than the header (an unquoted comma) is an error, not a row cut at the comma.
            case "csv" -> spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
                    .option("mode", "FAILFAST").csv(path);
            case "json" -> spark.read().json(path);
            default -> spark.read().parquet(path);
        };
    }

    private static void set(List<String> columns, java.util.function.Consumer<String> setter, String... names) {
        String found = find(columns, names);
        if (found != null) {
            setter.accept(found);
        }
    }

    /** The first of {@code names} that names a column, whatever its case and surrounding spaces. */
    private static String find(List<String> columns, String... names) {
        for (String name : names) {
            for (String c : columns) {
                if (c.strip().toLowerCase(Locale.ROOT).equals(name)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static String format(Map<String, String> options, String option, String path) {
        String given = options.get(option);
        if (given != null) {
            if (!FORMATS.contains(given)) {
                throw new UsageException(option + " must be one of " + String.join(", ", FORMATS) + ": " + given);
            }
            return given;
        }
        String lower = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        if (lower.endsWith(".csv")) {
            return "csv";
        }
        return lower.endsWith(".json") || lower.endsWith(".jsonl") ? "json" : "parquet";
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new UsageException("unknown option '" + args[i] + "'");
            }
            if (i + 1 == args.length || args[i + 1].startsWith("--")) {
                throw new UsageException(args[i] + " needs a value");
            }
            if (options.put(args[i], args[i + 1]) != null) {
                throw new UsageException(args[i] + " is given twice");
            }
        }
        for (String required : List.of("--input", "--output")) {
            if (!options.containsKey(required)) {
                throw new UsageException(required + " is required");
            }
        }
        return options;
    }
}

package dev.commentguard.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rescore, spark-submit's entry point, on a CSV file as a site exports it, beside the command line on the same file. */
class RescoreTest {

    private final SparkSession spark = LocalSpark.session();

    @Test
    void rescoresACsvFileToParquetWithTheCommandLinesVerdicts() throws Exception {
        Path dir = Files.createDirectories(LocalSpark.work().resolve("rescore"));
        Path csv = dir.resolve("comments.csv");
        // Columns named as the command line knows them, in other cases; a quoted text over two lines; a text twice.
        Files.writeString(csv, """
                ID,Content,Author,Article_Title,Article_Text
                1,"Free classified ads at cheap-classifieds.com or call 0300-1234567",Ads,Council approves tram line,The council voted 9-2 for the line.
                2,"Construction is expected to begin next spring.
                Good news for Elm Street.",Ann,Council approves tram line,The council voted 9-2 for the line.
                3,"Visit www.repeat-offer.example.com today",X,,
                4,"visit WWW.repeat-offer.example.com today!",Y,,
                5,"He said ""no"", then left.",Bob,,
                """, StandardCharsets.UTF_8);
        Path output = dir.resolve("verdicts.parquet");
        deleteRecursively(output);
        Rescore.rescore(spark, "--input", csv.toString(), "--output", output.toString());

        Path cli = dir.resolve("cli.jsonl");
        CommandLine.run(cli, "score", "--input", csv.toString(), "--format", "jsonl");
        Map<String, JsonNode> expected = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(cli, StandardCharsets.UTF_8)) {
            JsonNode v = json.readTree(line);
            expected.put(v.get("id").asText(), v);
        }
        List<Row> rows = spark.read().parquet(output.toString()).collectAsList();
        assertThat(rows).hasSize(5);
        for (Row r : rows) {
            JsonNode v = expected.get(r.getString(r.fieldIndex("ID")));
            assertThat(r.getString(r.fieldIndex("label"))).isEqualTo(v.get("label").asText());
            assertThat(BigDecimal.valueOf(r.getDouble(r.fieldIndex("spam_score"))).setScale(6, RoundingMode.HALF_EVEN))
                    .isEqualByComparingTo(v.get("spam_score").decimalValue());
            assertThat(r.getString(r.fieldIndex("action"))).isEqualTo(v.get("action").asText());
            List<String> reasons = new ArrayList<>();
            v.get("reasons").forEach(n -> reasons.add(n.asText()));
            assertThat(r.<String>getList(r.fieldIndex("reasons"))).containsExactlyElementsOf(reasons);
        }
        assertThat(rows).filteredOn(r -> r.getString(r.fieldIndex("ID")).equals("2"))
                .extracting(r -> r.getString(r.fieldIndex("Content"))).containsExactly("Construction is expected to begin next spring.\nGood news for Elm Street.");
    }

    @Test
    void writesCsvWithTheReasonsJoined() throws Exception {
        Path dir = Files.createDirectories(LocalSpark.work().resolve("rescore-csv"));
        Path json = dir.resolve("comments.jsonl");
        Files.writeString(json, "{\"comment\":\"Free classified ads at cheap-classifieds.com or call 0300-1234567\"}\n", StandardCharsets.UTF_8);
        Path output = dir.resolve("verdicts.csv");
        deleteRecursively(output);
        Rescore.rescore(spark, "--input", json.toString(), "--output", output.toString());
        Row r = spark.read().option("header", true).option("escape", "\"").csv(output.toString()).first(); // RFC 4180
        assertThat(r.getString(r.fieldIndex("action"))).isEqualTo("block");
        assertThat(r.getString(r.fieldIndex("reasons"))).startsWith("contains a link; contains a phone number; ");
    }

    @Test
    void aWordPressTableIsReadAsTheCommandLineReadsItAndItsCsvIsWrittenAsRfc4180() throws Exception {
        Path dir = Files.createDirectories(LocalSpark.work().resolve("rescore-wp"));
        Path csv = dir.resolve("wp_comments.csv");
        // wp_comments' own names; a moderation history's label; a text with quotes and spaces that must come back as written
        Files.writeString(csv, """
                comment_ID,comment_author,comment_author_url,comment_content,label
                1,Cheap Deals,http://cheap-deals.example.com,Great review thanks,spam
                2,Ann,,"  ""Quoted"" and spaced  ",ok
                """, StandardCharsets.UTF_8);
        Path output = dir.resolve("verdicts.csv");
        deleteRecursively(output);
        assertThatThrownBy(() -> Rescore.rescore(spark, "--input", csv.toString(), "--output", output.toString()))
                .hasMessageContaining("give --output-prefix");
        Rescore.rescore(spark, "--input", csv.toString(), "--output", output.toString(), "--output-prefix", "cg_");
        Path cli = dir.resolve("cli.jsonl");
        CommandLine.run(cli, "score", "--input", csv.toString(), "--input-format", "csv", "--format", "jsonl");
        Map<String, String> expected = new HashMap<>();
        for (String line : Files.readAllLines(cli, StandardCharsets.UTF_8)) {
            JsonNode v = new ObjectMapper().readTree(line);
            expected.put(v.get("id").asText(), v.get("action").asText() + " " + v.get("spam_score").asText());
        }
        Path part;
        try (var files = Files.list(output)) {
            part = files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).build().parse(Files.newBufferedReader(part)).getRecords();
        assertThat(records).hasSize(2);
        for (var r : records) { // the author's web site read, as the command line reads it: the same verdicts
            assertThat(r.get("cg_action") + " " + new BigDecimal(r.get("cg_spam_score")).setScale(6, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString()).isEqualTo(expected.get(r.get("comment_ID")).replaceAll("0+$", ""));
        }
        assertThat(records.get(1).get("comment_content")).isEqualTo("  \"Quoted\" and spaced  ");
        assertThat(records.get(0).get("label")).isEqualTo("spam");
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsAnErrorNotARowCutShort() throws Exception {
        Path dir = Files.createDirectories(LocalSpark.work().resolve("rescore-comma"));
        Path csv = Files.writeString(dir.resolve("comma.csv"), "id,text\n1,Great article, thanks for the summary\n");
        Path output = dir.resolve("o.json");
        deleteRecursively(output);
        assertThatThrownBy(() -> Rescore.rescore(spark, "--input", csv.toString(), "--output", output.toString()))
                .satisfies(e -> assertThat(Rescore.firstLine(e)).containsIgnoringCase("malformed"));
        // as spark-submit runs it: one line and exit 1, for Spark's own errors too (checked exceptions to Java)
        for (String[] args : List.of(new String[] {"--input", csv.toString(), "--output", dir.resolve("o2.json").toString()},
                new String[] {"--input", dir.resolve("nope.csv").toString(), "--output", dir.resolve("o3.json").toString()})) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int exit = Rescore.run(args, new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8), spark);
            String err = bytes.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(err).isEqualTo(1);
            assertThat(err.lines()).as(err).hasSize(1).allMatch(l -> l.startsWith("error: "));
        }
    }

    @Test
    void badArgumentsAreOneLineEach() {
        assertThatThrownBy(() -> Rescore.options(new String[] {"--input", "a.csv"})).hasMessage("--output is required");
        assertThatThrownBy(() -> Rescore.options(new String[] {"--input", "a.csv", "--outptu", "b"})).hasMessage("unknown option '--outptu'");
        assertThatThrownBy(() -> Rescore.options(new String[] {"--input", "--output", "b"})).hasMessage("--input needs a value");
        assertThatThrownBy(() -> Rescore.rescore(spark, "--input", "a.csv", "--output", "b", "--input-format", "xml"))
                .hasMessage("--input-format must be one of csv, json, parquet: xml");
        assertThatThrownBy(() -> Rescore.rescore(spark, "--input", "a.csv", "--output", "b", "--model", "/no/such.model"))
                .isInstanceOf(dev.commentguard.ModelFileException.class).hasMessage("/no/such.model: no such model file");
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}

package dev.commentguard.spark;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's spark-submit, run after {@code package}: Spark's own SparkSubmit, on a class path of Spark's jars alone
 * (the provided scope, as a cluster has them), with the jar this build shaded, re-scores a CSV table to Parquet.
 */
class SparkSubmitIT {

    @Test
    void sparkSubmitRescoresACsvTableToParquetWithTheShadedJar() throws Exception {
        Path dir = Files.createDirectories(LocalSpark.work().resolve("spark-submit"));
        Path csv = dir.resolve("wp_comments.csv");
        Files.writeString(csv, """
                comment_ID,comment_author,comment_content
                1,Classifieds,Free classified ads at cheap-classifieds.com or call 0300-1234567
                2,Maya,"Is the 1.5 eTSI mild hybrid worth considering if I only do 8k miles a year? Diesel seems overkill."
                """, StandardCharsets.UTF_8);
        Path output = dir.resolve("verdicts-" + System.nanoTime() + ".parquet");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(property("spark.java.options").split(" ")));
        command.addAll(List.of("-cp", Files.readString(Path.of(property("spark.classpath"))).strip(),
                "org.apache.spark.deploy.SparkSubmit", "--master", "local[2]", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--class", "dev.commentguard.spark.Rescore", property("spark.submit.jar"),
                "--input", csv.toString(), "--text-column", "comment_content", "--output", output.toString()));
        Path log = dir.resolve("spark-submit.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("spark-submit finished").isTrue();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("spark-submit exited %d: %s", p.exitValue(),
                String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()))).isZero();

        Map<String, String> actions = new TreeMap<>();
        for (Row r : LocalSpark.session().read().parquet(output.toString()).collectAsList()) {
            actions.put(r.getString(r.fieldIndex("comment_ID")), r.getString(r.fieldIndex("action")));
        }
        assertThat(actions).containsExactly(Map.entry("1", "block"), Map.entry("2", "allow"));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s, which the failsafe configuration in pom.xml sets", name).isNotBlank();
        return value;
    }
}

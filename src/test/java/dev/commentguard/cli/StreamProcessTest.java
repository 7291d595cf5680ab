package dev.commentguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code score --stream} in a real process with the bundled model: each verdict comes out while standard input
 * is still open, so a site can keep one process running and pipe its comments through it.
 */
class StreamProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answersEachLineBeforeTheNextArrives() throws Exception {
        Process p = start(ProcessBuilder.Redirect.DISCARD, "--format", "jsonl");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        // Not try-with-resources: closing the output while a read of it blocks would wait for that read, so the
        // process is stopped first, which ends the read.
        Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            in.write("Call 0300-1234567 for free classified ads\n");
            in.flush();
            JsonNode first = JSON.readTree(next(reader, out)); // the verdict comes while stdin stays open
            assertThat(first.get("id").asText()).isEqualTo("1");
            assertThat(first.get("label").asText()).isEqualTo("spam");
            assertThat(reasons(first)).doesNotContain("posted more than once in this batch");

            in.write("\nThe tram figures in the second paragraph are from 2019\n");
            in.flush();
            JsonNode second = JSON.readTree(next(reader, out));
            assertThat(second.get("id").asText()).as("blank lines are skipped, ids are line numbers").isEqualTo("3");

            in.write("CALL 0300 1234567 for FREE classified ads!!\n");
            in.flush();
            assertThat(reasons(JSON.readTree(next(reader, out)))).contains("posted more than once in this batch");
            in.close();
            assertThat(next(reader, out)).isNull();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            reader.shutdownNow();
            in.close();
            out.close();
        }
    }

    @Test
    void takesJsonLinesAndStopsAtALineItCannotRead(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("err.txt");
        Process p = start(ProcessBuilder.Redirect.to(err.toFile()), "--input-format", "jsonl", "--format", "jsonl");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            in.write("{\"id\": \"c-17\", \"text\": \"Great piece, thanks\", \"author_url\": \"http://cheap-pills.example.com\"}\n");
            in.flush();
            JsonNode verdict = JSON.readTree(next(reader, out));
            assertThat(verdict.get("id").asText()).isEqualTo("c-17");
            assertThat(reasons(verdict)).as("the author field counts").contains("the author gives a web site");

            in.write("{\"id\": \"c-18\", \"text\": \n");
            in.flush();
            assertThat(next(reader, out)).isNull();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(Main.EXIT_INPUT);
            assertThat(Files.readString(err)).startsWith("error: <stdin>:2: invalid JSON");
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            reader.shutdownNow();
            in.close();
            out.close();
        }
    }

    @Test
    void setsAsideLinesItCannotReadWithSkipInvalid(@TempDir Path dir) throws Exception {
        ProcessBuilder b = command("--input-format", "jsonl", "--format", "jsonl", "--skip-invalid").directory(dir.toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Process p = b.start();
        try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write("{\"id\": \"1\", \"text\": \"nice post\"}\nnot json\n{\"id\": \"3\", \"text\": \"call 0300 1234567\"}\n");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out.lines().map(l -> l.substring(0, l.indexOf(",")))).containsExactly("{\"id\":\"1\"", "{\"id\":\"3\"");
        assertThat(Files.readAllLines(dir.resolve("stdin.rejects.csv"))).hasSize(2).last().asString()
                .startsWith("<stdin>,2,\"invalid JSON");
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("warning: <stdin>:2: invalid JSON",
                "skipped 1 invalid row(s)", "stdin.rejects.csv");
    }

    /** {@code score --stream} with these options, in its own Java process on this test's class path. */
    private static Process start(ProcessBuilder.Redirect err, String... options) throws Exception {
        return command(options).redirectError(err).start();
    }

    private static ProcessBuilder command(String... options) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "score", "--stream"));
        command.addAll(List.of(options));
        return new ProcessBuilder(command);
    }

    /** The next line of output, failing the test instead of waiting for ever when none comes. */
    private static String next(ExecutorService reader, BufferedReader out) throws Exception {
        try {
            return reader.submit(out::readLine).get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no verdict within 60 s while standard input stays open", e);
        }
    }

    private static List<String> reasons(JsonNode verdict) {
        List<String> reasons = new ArrayList<>();
        verdict.get("reasons").forEach(r -> reasons.add(r.asText()));
        return reasons;
    }
}

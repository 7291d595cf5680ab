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
        try (Session s = new Session(ProcessBuilder.Redirect.DISCARD, "--format", "jsonl")) {
            s.send("Call 0300-1234567 for free classified ads\n");
            JsonNode first = JSON.readTree(s.next()); // the verdict comes while stdin stays open
            assertThat(first.get("id").asText()).isEqualTo("1");
            assertThat(first.get("label").asText()).isEqualTo("spam");
            assertThat(reasons(first)).doesNotContain("posted more than once in this stream");

            s.send("\nThe tram figures in the second paragraph are from 2019\n");
            assertThat(s.next()).as("a blank line is answered too").isEqualTo(
                    "{\"id\":\"2\",\"line\":2,\"error\":\"the comment text is empty\"}");
            JsonNode second = JSON.readTree(s.next());
            assertThat(second.get("id").asText()).as("ids are line numbers").isEqualTo("3");

            s.send("CALL 0300 1234567 for FREE classified ads!!\n");
            assertThat(reasons(JSON.readTree(s.next()))).contains("posted more than once in this stream")
                    .doesNotContain("posted more than once in this batch");
            s.in.close();
            assertThat(s.next()).isNull();
            assertThat(s.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(s.process.exitValue()).as("a blank line is bad input").isEqualTo(Main.EXIT_INPUT);
        }
    }

    /** One reply per request line, in order, whatever the line holds: a client that waits for each reply never hangs. */
    @Test
    void answersEveryLineItCannotReadWithAnErrorObjectAndGoesOn(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("err.txt");
        try (Session s = new Session(ProcessBuilder.Redirect.to(err.toFile()), "--input-format", "jsonl", "--format", "jsonl")) {
            s.send("{\"id\": \"c-17\", \"text\": \"Great piece, thanks\", \"author_url\": \"http://cheap-pills.example.com\"}\n");
            JsonNode verdict = JSON.readTree(s.next());
            assertThat(verdict.get("id").asText()).isEqualTo("c-17");
            assertThat(reasons(verdict)).as("the author field counts").contains("the author gives a web site");

            s.send("{\"id\": \"c-18\", \"text\": \n");
            JsonNode bad = JSON.readTree(s.next());
            assertThat(bad.get("id").asText()).as("no id can be read from broken JSON: the line number").isEqualTo("2");
            assertThat(bad.get("line").asInt()).isEqualTo(2);
            assertThat(bad.get("error").asText()).startsWith("invalid JSON");

            s.send("{\"id\": \"c-19\", \"text\": \"  \"}\n");
            assertThat(s.next()).isEqualTo("{\"id\":\"c-19\",\"line\":3,\"error\":\"the comment text is empty\"}");

            s.send("{\"text\": \"A request without an id\"}\n");
            assertThat(JSON.readTree(s.next()).get("id").asText()).as("its line number").isEqualTo("4");

            s.process.getOutputStream().write(new byte[] {'b', 'a', 'd', ' ', (byte) 0xE9, '\n'});
            s.send("{\"id\": \"c-21\", \"text\": \"still answering\"}\n");
            JsonNode latin1 = JSON.readTree(s.next());
            assertThat(latin1.get("line").asInt()).isEqualTo(5);
            assertThat(latin1.get("error").asText()).startsWith("invalid UTF-8");
            assertThat(JSON.readTree(s.next()).get("id").asText()).isEqualTo("c-21");

            s.in.close();
            assertThat(s.next()).isNull();
            assertThat(s.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(s.process.exitValue()).isEqualTo(Main.EXIT_INPUT);
            assertThat(Files.readString(err)).contains("warning: <stdin>:2: invalid JSON")
                    .endsWith("error: <stdin>: 3 line(s) could not be scored; each was answered with an error object\n");
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
        assertThat(out.lines().map(l -> l.substring(0, l.indexOf(",")))).containsExactly("{\"id\":\"1\"", "{\"id\":\"2\"",
                "{\"id\":\"3\"");
        assertThat(out.lines().toList().get(1)).contains("\"line\":2,\"error\":\"invalid JSON");
        assertThat(Files.readAllLines(dir.resolve("stdin.rejects.csv"))).hasSize(2).last().asString()
                .startsWith("<stdin>,2,\"invalid JSON");
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("warning: <stdin>:2: invalid JSON",
                "skipped 1 invalid row(s)", "stdin.rejects.csv");
    }

    @Test
    void csvAndTableRepliesToABadLineSayErrorInTheirOwnShape() throws Exception {
        for (String format : List.of("csv", "table")) {
            ProcessBuilder b = command("--format", format).redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = b.start();
            try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                in.write("fine comment\n\nanother\n");
            }
            List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            if (format.equals("csv")) {
                assertThat(out).hasSize(4);
                assertThat(out.get(2)).startsWith("2,,,error,").endsWith("the comment text is empty");
            } else {
                assertThat(out).anyMatch(l -> l.matches("2 +error +line 2: the comment text is empty"));
            }
        }
    }

    private static ProcessBuilder command(String... options) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "score", "--stream"));
        command.addAll(List.of(options));
        return new ProcessBuilder(command);
    }

    /**
     * A {@code score --stream} process, talked to a line at a time. Closing stops the process before its streams:
     * closing the output while a read of it blocks would wait for that read, and stopping the process ends it.
     */
    private static final class Session implements AutoCloseable {
        final Process process;
        final Writer in;
        private final BufferedReader out;
        private final ExecutorService reader = Executors.newSingleThreadExecutor();

        Session(ProcessBuilder.Redirect err, String... options) throws Exception {
            process = command(options).redirectError(err).start();
            in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        void send(String lines) throws Exception {
            in.write(lines);
            in.flush();
        }

        /** The next line of output, failing the test instead of waiting for ever when none comes. */
        String next() throws Exception {
            try {
                return reader.submit(out::readLine).get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("no verdict within 60 s while standard input stays open", e);
            }
        }

        @Override
        public void close() throws Exception {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            reader.shutdownNow();
            in.close();
            out.close();
        }
    }

    private static List<String> reasons(JsonNode verdict) {
        List<String> reasons = new ArrayList<>();
        verdict.get("reasons").forEach(r -> reasons.add(r.asText()));
        return reasons;
    }
}

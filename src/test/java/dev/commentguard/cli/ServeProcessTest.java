package dev.commentguard.cli;

import dev.commentguard.TestModels;
import dev.commentguard.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** serve as a process: refusing to start without keys, SIGHUP reloading the model, SIGTERM stopping it, the access log. */
class ServeProcessTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void withoutKeysItRefusesToStart(@TempDir Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--data-dir", dir.toString()).redirectErrorStream(true);
        pb.environment().remove("COMMENTGUARD_API_KEYS");
        Process child = pb.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(2);
        assertThat(out).contains("no API key configured", "--api-keys", "--no-auth");
    }

    @Test
    void aPortTakenOrOutOfRangeIsOneLineAndItsOwnExitCode(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Process child = serve(dir, "--port", Integer.toString(taken.getLocalPort()));
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(out).isEqualTo(1); // not 3, "bad input data"
            assertThat(out).contains("cannot listen on 0.0.0.0:" + taken.getLocalPort(), "address already in use");
        }
        Process child = serve(dir, "--port", "70000");
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("--port must be from 0 to 65535: 70000");
    }

    private static Process serve(Path dir, String... options) throws java.io.IOException {
        List<String> command = new java.util.ArrayList<>(List.of(JAVA, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--data-dir", dir.resolve("data").toString(), "--access-log", "none"));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("COMMENTGUARD_API_KEYS", "k1");
        return pb.start();
    }

    @Test
    void sighupReloadsTheModelAndSigtermStopsWithTheAccessLogWritten(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.model");
        ModelFile.save(TestModels.small(), model);
        Path log = dir.resolve("access.log");
        ProcessBuilder pb = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--model", model.toString(), "--data-dir", dir.resolve("data").toString(),
                "--access-log", log.toString()).redirectErrorStream(true);
        pb.environment().put("COMMENTGUARD_API_KEYS", "k1, k2");
        Process child = pb.start();
        try {
            BlockingQueue<String> lines = lines(child);
            List<String> start = new java.util.ArrayList<>();
            int port = Integer.parseInt(awaitLine(lines, Pattern.compile("listening on 0\\.0\\.0\\.0:(\\d+)"), start));
            boolean sighupIgnored = start.stream().anyMatch(l -> l.startsWith("warning: SIGHUP cannot reload"));
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> verify = http.send(HttpRequest.newBuilder(URI.create(base + "/1.1/verify-key"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("key=k2")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(verify.body()).isEqualTo("valid");

            // A test run under nohup starts the server with SIGHUP ignored, which the JVM cannot undo: the server says so.
            org.junit.jupiter.api.Assumptions.assumeFalse(sighupIgnored, "skipped: SIGHUP is ignored in this process tree"
                    + " (started under nohup?), so the server cannot be reloaded by it; it said so on start");
            assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(child.pid())).start().waitFor()).isZero();
            awaitLine(lines, Pattern.compile("(model reloaded) from"));
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("commentguard_model_reloads_total{outcome=\"ok\"} 1");

            child.destroy(); // SIGTERM: stop accepting, finish what is in progress, exit
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> logged = Files.readAllLines(log);
            assertThat(logged).hasSize(2);
            assertThat(logged.get(0)).startsWith("{\"time\":\"").contains("\"method\":\"POST\"", "\"path\":\"/1.1/verify-key\"",
                    "\"status\":200").doesNotContain("k2");
        } finally {
            child.destroyForcibly(); // whatever failed above, no server is left running
        }
    }

    @Test
    void sighupReadsTheKeysAgainAndOpensTheMovedAccessLogAgain(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        Files.writeString(keys, "\uFEFFfirst-key\n"); // with a byte-order mark, as Notepad saves
        Path log = dir.resolve("access.log");
        ProcessBuilder pb = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--api-keys", keys.toString(), "--data-dir", dir.resolve("data").toString(),
                "--access-log", log.toString()).redirectErrorStream(true);
        Process child = pb.start();
        try {
            BlockingQueue<String> lines = lines(child);
            List<String> start = new java.util.ArrayList<>();
            int port = Integer.parseInt(awaitLine(lines, Pattern.compile("listening on 0\\.0\\.0\\.0:(\\d+)"), start));
            assertThat(start).contains("1 API key(s) from " + keys);
            org.junit.jupiter.api.Assumptions.assumeFalse(start.stream().anyMatch(l -> l.startsWith("warning: SIGHUP cannot")),
                    "skipped: SIGHUP is ignored in this process tree (started under nohup?)");
            HttpClient http = HttpClient.newHttpClient();
            assertThat(verify(http, port, "first-key")).isEqualTo("valid");

            // logrotate: move the log, then signal; a key added to the file counts from then on
            Files.move(log, dir.resolve("access.log.1"));
            Files.writeString(keys, "first-key\nsecond-key\n");
            assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(child.pid())).start().waitFor()).isZero();
            awaitLine(lines, Pattern.compile("(2) API key\\(s\\) read again from"));
            assertThat(verify(http, port, "second-key")).isEqualTo("valid");

            child.destroy();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // The first request's line goes to whichever file is open when it is written (it is written after the
            // answer); the second request came after the log was opened again, so its line is in the new file.
            List<String> moved = Files.readAllLines(dir.resolve("access.log.1"));
            List<String> now = Files.readAllLines(log);
            assertThat(moved.size() + now.size()).isEqualTo(2);
            assertThat(now).anyMatch(l -> l.contains("\"path\":\"/1.1/verify-key\"") && l.contains("\"bytes_in\":14"));
        } finally {
            child.destroyForcibly();
        }
    }

    /** The lines the process writes, as it writes them. */
    private static BlockingQueue<String> lines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String verify(HttpClient http, int port, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/1.1/verify-key"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + key)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String awaitLine(BlockingQueue<String> lines, Pattern p) throws InterruptedException {
        return awaitLine(lines, p, new java.util.ArrayList<>());
    }

    /** The first group of the first line matching {@code p}, every line read until then added to {@code read}. */
    private static String awaitLine(BlockingQueue<String> lines, Pattern p, List<String> read) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.append(line).append('\n');
            read.add(line);
            Matcher m = p.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no line matching " + p + " in:\n" + seen);
    }
}

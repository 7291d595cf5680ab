package dev.commentguard.cli;

import dev.commentguard.feedback.Decision;
import dev.commentguard.feedback.FeedbackStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Real {@code feedback} processes writing one store: at once, and killed with SIGKILL in the middle of a stream. */
class FeedbackProcessTest {

    @TempDir
    Path dir;

    /** {@code n} decisions in JSON Lines, with ids {@code prefix-0} ... */
    private Path decisions(String prefix, int n) throws IOException {
        Path file = dir.resolve(prefix + ".jsonl");
        try (Writer w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < n; i++) {
                w.write("{\"id\":\"" + prefix + "-" + i + "\",\"text\":\"comment " + i + " from " + prefix
                        + " about the tram line\",\"author\":\"reader " + i % 37 + "\",\"decision\":\""
                        + (i % 3 == 0 ? "spam" : i % 3 == 1 ? "ok" : "low_quality") + "\"}\n");
            }
        }
        return file;
    }

    private ProcessBuilder feedback(Path data, Path input, String by) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "feedback", "--data-dir", data.toString(),
                "--by", by, "--input", input.toString());
    }

    private static Set<String> ids(Path data) throws IOException {
        try (FeedbackStore store = FeedbackStore.open(data)) {
            return store.all().stream().map(d -> d.comment().id()).collect(Collectors.toSet());
        }
    }

    @Test
    void fourProcessesOfAThousandDecisionsEachLoseNone() throws Exception {
        Path data = dir.resolve("data"); // created by whichever process comes first
        List<Process> writers = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        List<Path> inputs = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            inputs.add(decisions("w" + p, 1000));
            for (int i = 0; i < 1000; i++) {
                expected.add("w" + p + "-" + i);
            }
        }
        long start = System.nanoTime();
        for (int p = 0; p < 4; p++) {
            writers.add(feedback(data, inputs.get(p), "writer" + p).redirectOutput(dir.resolve("out" + p).toFile())
                    .redirectError(dir.resolve("err" + p).toFile()).start());
        }
        for (int p = 0; p < 4; p++) {
            assertThat(writers.get(p).waitFor(300, TimeUnit.SECONDS)).as("writer %d finished", p).isTrue();
            assertThat(writers.get(p).exitValue()).as(Files.readString(dir.resolve("err" + p))).isZero();
            String prefix = "recorded\tw" + p + "-";
            assertThat(Files.readAllLines(dir.resolve("out" + p))).hasSize(1000).allMatch(l -> l.startsWith(prefix));
        }
        System.out.printf("FeedbackProcessTest: 4 processes wrote 4,000 decisions in %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertThat(ids(data)).isEqualTo(expected);
        try (FeedbackStore store = FeedbackStore.open(data)) {
            assertThat(store.count()).isEqualTo(4000);
            List<Decision> all = store.all();
            assertThat(all.stream().map(Decision::by).distinct()).containsExactlyInAnyOrder("writer0", "writer1", "writer2", "writer3");
        }
    }

    @Test
    void aWriterKilledInTheMiddleOfAStreamLeavesEveryAcknowledgedDecision() throws Exception {
        Path data = dir.resolve("data");
        // Standard output goes to a file, which the child writes directly: what it acknowledged is there after the kill.
        Path out = dir.resolve("out");
        Process writer = feedback(data, decisions("k", 50_000), "killed").redirectOutput(out.toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (writer.isAlive() && System.nanoTime() < deadline && Files.readAllLines(out).size() < 500) {
            Thread.sleep(5);
        }
        writer.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String written = Files.readString(out, StandardCharsets.UTF_8);
        List<String> acknowledged = new ArrayList<>();
        for (String line : written.substring(0, written.lastIndexOf('\n') + 1).split("\n")) { // a line cut by the kill is no acknowledgement
            acknowledged.add(line.split("\t")[1]);
        }
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as("killed, not finished").isEqualTo(137);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(500).hasSizeLessThan(50_000);
        Set<String> stored = ids(data); // the store opens after the kill
        assertThat(stored).containsAll(acknowledged);
        // At most the decision being written when the kill came may be there without its acknowledgement.
        assertThat(stored.size()).isBetween(acknowledged.size(), acknowledged.size() + 1);
        try (FeedbackStore store = FeedbackStore.open(data)) {
            store.record(new Decision(dev.commentguard.Comment.of("after the kill"), "ok", "test", java.time.Instant.now()));
            assertThat(store.count()).isEqualTo(stored.size() + 1L);
        }
    }
}

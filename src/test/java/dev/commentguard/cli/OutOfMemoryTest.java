package dev.commentguard.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands that run out of Java heap, in real processes with a heap too small for them: one line says so and what to
 * do, the exit code is 1, and no model or output file, finished or not, is left behind.
 */
class OutOfMemoryTest {

    private static final Path CORPUS = Path.of("training-data/train.csv");

    @TempDir
    Path dir;

    @Test
    void trainingSaysHowToGiveJavaMoreMemoryAndWritesNoModel() throws Exception {
        Path out = dir.resolve("models");
        Files.createDirectories(out);
        // Eight processors, as on a larger machine: more fitting threads, each of which may be the one to run out
        // (that thread's error once reached stderr as Java prints it, beside ours).
        CliTest.Run r = CliTest.process(dir, List.of("-Xmx32m", "-XX:ActiveProcessorCount=8"), "train", "--data", CORPUS.toString(),
                "--out", out.resolve("m.model").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertOneErrorLine(r.err(), "error: out of memory: train needs more than Java's heap limit of ",
                "java -Xmx2g -jar commentguard.jar train", "from disk with --stream", "--threads 1", "--max-features");
        assertThat(listing(out)).isEmpty();
    }

    /** Out of heap from disk too: no model, and the temporary files deleted however the process ends. */
    @Test
    void trainingFromDiskLeavesNeitherModelNorTemporaryFiles() throws Exception {
        Path out = Files.createDirectories(dir.resolve("streamed"));
        Path temp = Files.createDirectories(dir.resolve("spill"));
        CliTest.Run r = CliTest.process(dir, List.of("-Xmx32m"), "train", "--data", CORPUS.toString(), "--stream",
                "--temp-dir", temp.toString(), "--out", out.resolve("m.model").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertOneErrorLine(r.err(), "error: out of memory: train needs more than Java's heap limit of ", "--hash-bits");
        assertThat(r.err()).doesNotContain("with --stream");
        assertThat(listing(out)).isEmpty();
        assertThat(listing(temp)).isEmpty();
    }

    @Test
    void scoringToAFileLeavesNoHalfWrittenOutput() throws Exception {
        Path out = dir.resolve("verdicts");
        Files.createDirectories(out);
        CliTest.Run r = CliTest.process(dir, List.of("-Xmx24m"), "score", "--input", CORPUS.toString(),
                "--format", "jsonl", "--output", out.resolve("v.jsonl").toString());

        assertThat(r.exit()).isEqualTo(1);
        assertOneErrorLine(r.err(), "error: out of memory: score needs more than Java's heap limit of ",
                "split the input");
        assertThat(listing(out)).isEmpty();
    }

    @Test
    void suggestsDoubleTheHeapInWholeGigabytes() {
        assertThat(Main.outOfMemoryMessage(new String[] {"train", "--data", "x.csv"}, 4L << 30, null))
                .contains("heap limit of 4,096 MB", "-Xmx8g");
        assertThat(Main.outOfMemoryMessage(new String[] {"score", "one comment"}, 3L << 29, null))
                .contains("heap limit of 1,536 MB", "-Xmx4g").doesNotContain("split");
        assertThat(Main.outOfMemoryMessage(new String[] {"evaluate"}, 24L << 20, null)).contains("heap limit of 24 MB");
        assertThat(Main.outOfMemoryMessage(new String[] {"train"}, 1_000_007L << 20, null)).contains("heap limit of 1,000,007 MB");
    }

    @Test
    void aClassWhoseInitialisationRanOutOfHeapCountsAsRunningOut() {
        // What Java 17 throws on using a class whose static initialiser failed with OutOfMemoryError in another thread.
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class dev.commentguard.text.Patterns");
        later.initCause(new ExceptionInInitializerError("Exception java.lang.OutOfMemoryError: Java heap space [in thread \"w\"]"));
        assertThat(Main.outOfMemory(later)).isTrue();
        assertThat(Main.outOfMemory(new OutOfMemoryError("Java heap space"))).isTrue();
        assertThat(Main.outOfMemory(new NoClassDefFoundError("weka/core/Instances"))).isFalse();
        assertThat(Main.outOfMemory(new StackOverflowError())).isFalse();
    }

    @Test
    void advisesLauncherUsersThroughJavaOpts() {
        assertThat(Main.outOfMemoryMessage(new String[] {"score", "--input", "big.csv"}, 1L << 30, "bin/commentguard"))
                .contains("e.g. JAVA_OPTS=-Xmx2g bin/commentguard score ...", "split the input")
                .doesNotContain("java -Xmx");
    }

    /** The last line of stderr is the error (train announces itself first), and there is no stack trace. */
    private static void assertOneErrorLine(String err, String start, String... mentions) {
        List<String> lines = err.lines().toList();
        assertThat(lines).isNotEmpty().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
        assertThat(lines.stream().filter(l -> l.startsWith("error:"))).hasSize(1);
        assertThat(lines.get(lines.size() - 1)).startsWith(start).contains(mentions);
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}

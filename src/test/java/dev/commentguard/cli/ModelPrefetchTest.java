package dev.commentguard.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real {@code score} processes, whose {@code main} loads the model on a second thread while picocli parses, against the
 * same commands run in-process through {@link Main#commandLine()}, which never prefetches: output, errors and exit codes
 * must be the same, whichever model the arguments name.
 */
class ModelPrefetchTest {

    private static final String[] TEXTS = {"Call 0300-1234567 for free classified ads", "Thanks, a clear and fair report."};

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainASmallModel() throws Exception {
        Path data = CliTest.writeTrainingCsv(dir.resolve("train.csv"), 20, 5);
        model = dir.resolve("small.model");
        CliTest.Run r = CliTest.run("train", "--data", data.toString(), "--out", model.toString(), "--folds", "2");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void findsTheModelArgumentTheWayPicocliWill() {
        assertThat(ModelPrefetch.modelArgument(new String[] {"score", "text"})).isNull();
        assertThat(ModelPrefetch.modelArgument(new String[] {"score", "--model", "a.model", "text"})).isEqualTo(Path.of("a.model"));
        assertThat(ModelPrefetch.modelArgument(new String[] {"score", "--model=b.model", "text"})).isEqualTo(Path.of("b.model"));
        assertThat(ModelPrefetch.modelArgument(new String[] {"score", "--", "--model", "a.model"})).isNull();
        assertThat(ModelPrefetch.modelArgument(new String[] {"score", "--model"})).isNull();
    }

    @Test
    void theBundledModelScoresAsInProcess() throws Exception {
        assertSameAsInProcess(args("score", "--format", "jsonl"));
    }

    @Test
    void aModelFileScoresAsInProcessInBothOptionSpellings() throws Exception {
        CliTest.Run bundled = CliTest.run(args("score", "--format", "jsonl"));
        CliTest.Run own = assertSameAsInProcess(args("score", "--format", "jsonl", "--model", model.toString()));
        assertThat(own.out()).as("the small model must score differently, or this test could not tell them apart")
                .isNotEqualTo(bundled.out());
        assertSameAsInProcess(args("score", "--format", "jsonl", "--model=" + model));
    }

    @Test
    void modelErrorsAreTheSameMessageAndExitCode() throws Exception {
        Path corrupt = dir.resolve("corrupt.model");
        byte[] bytes = Files.readAllBytes(model);
        bytes[300] ^= 1; // in the manifest, which scoring reads
        Files.write(corrupt, bytes);
        CliTest.Run r = assertSameAsInProcess(args("score", "--model", corrupt.toString()));
        assertThat(r.exit()).isEqualTo(Main.EXIT_MODEL);
        Path truncated = dir.resolve("truncated.model");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThat(assertSameAsInProcess(args("score", "--model=" + truncated)).exit()).isEqualTo(Main.EXIT_MODEL);
        assertThat(assertSameAsInProcess(args("score", "--model", dir.resolve("missing.model").toString())).exit()).isNotZero();
    }

    @Test
    void aUsageErrorWinsOverAPrefetchedModelError() throws Exception {
        CliTest.Run r = assertSameAsInProcess(args("score", "--format", "xml", "--model", dir.resolve("missing.model").toString()));
        assertThat(r.exit()).isEqualTo(2);
    }

    private static String[] args(String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of(TEXTS));
        return all.toArray(String[]::new);
    }

    private static CliTest.Run assertSameAsInProcess(String[] args) throws Exception {
        CliTest.Run expected = CliTest.run(args);
        CliTest.Run actual = process(args);
        assertThat(actual.err()).isEqualTo(expected.err());
        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(actual.exit()).isEqualTo(expected.exit());
        return actual;
    }

    private static CliTest.Run process(String[] args) throws IOException, InterruptedException {
        return CliTest.process(dir, List.of(), args);
    }
}

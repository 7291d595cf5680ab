package dev.commentguard.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real command line, target/commentguard.jar, run as a process of its own, as a site runs it. */
final class CommandLine {

    private CommandLine() {
    }

    /** The jar: the system property commentguard.cli, which the build sets. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("commentguard.cli", "../target/commentguard.jar")).toAbsolutePath();
        assertThat(jar).as("the command-line jar (build the top-level project first)").isRegularFile();
        return jar;
    }

    /**
     * Runs the command line with {@code args}, its standard output going to {@code stdout}; fails with its standard
     * error when it does not exit 0.
     *
     * @return how long it ran, in seconds
     */
    static double run(Path stdout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx3g", "-jar", jar().toString()));
        command.addAll(List.of(args));
        Path stderr = stdout.resolveSibling(stdout.getFileName() + ".err");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(p.exitValue()).as("%s exited %d: %s", command, p.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8))
                .isZero();
        return seconds;
    }
}

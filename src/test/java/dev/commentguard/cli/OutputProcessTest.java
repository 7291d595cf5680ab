package dev.commentguard.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real processes whose output fails: a full disk ({@code /dev/full}), a reader that goes away ({@code | head -1}), and
 * signals while an output file is being written. Each ends with a line naming the output and exit code 5, or, for a
 * signal, with no temporary file left behind.
 */
class OutputProcessTest {

    @TempDir
    static Path dir;
    static Path comments;

    @BeforeAll
    static void writeComments() throws Exception {
        comments = dir.resolve("many.csv");
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(i).append(",\"Comment number ").append(i).append(", about the tram line and its figures\"\n");
        }
        Files.writeString(comments, csv);
    }

    private static ProcessBuilder command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static Path devFull() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "skipped: this system has no /dev/full to stand for a full disk");
        return full;
    }

    @Test
    void aFullDiskOnStandardOutputOrAnOutputFileExitsFiveNamingTheOutput() throws Exception {
        File full = devFull().toFile();
        Path err = dir.resolve("full-err.txt");

        Process one = command("score", "hello").redirectOutput(full).redirectError(err.toFile()).start();
        assertThat(one.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(one.exitValue()).isEqualTo(5);
        assertThat(Files.readString(err)).isEqualTo("error: standard output: could not write output: no space left on device\n");

        Process file = command("score", "--input", comments.toString(), "--format", "jsonl", "--output", full.getPath())
                .redirectError(err.toFile()).start();
        assertThat(file.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(file.exitValue()).isEqualTo(5);
        assertThat(Files.readString(err)).isEqualTo("error: /dev/full: could not write output: no space left on device\n");

        Process info = command("info", "--json", Path.of("models", "default.model").toString())
                .redirectOutput(full).redirectError(err.toFile()).start();
        assertThat(info.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(info.exitValue()).isEqualTo(5);
        assertThat(Files.readString(err)).startsWith("error: standard output: could not write output");
    }

    /** What was printed before an error still reaches standard output, and a report that cannot be written is exit 5. */
    @Test
    void aReportThatCannotBeWrittenExitsFiveAfterTheMetrics() throws Exception {
        devFull();
        Path out = dir.resolve("report-out.txt");
        Path err = dir.resolve("report-err.txt");
        Process p = command("evaluate", "--data", Path.of("training-data", "heldout.csv").toString(), "--articles",
                Path.of("training-data", "articles.csv").toString(), "--report", "/dev/full/report")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(5);
        assertThat(Files.readString(err)).startsWith("error: /dev/full/report: could not write output: ");
        assertThat(Files.readString(out)).containsPattern("Evaluated on [0-9,]+ comments").contains("ROC AUC");
    }

    /** {@code score --input big.csv | head -1}: the work stops soon after the reader has gone. */
    @Test
    void aClosedPipeEndsTheCommandWithExitFive() throws Exception {
        Path err = dir.resolve("pipe-err.txt");
        Process p = command("score", "--input", comments.toString(), "--format", "jsonl", "--threads", "1")
                .redirectError(err.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).startsWith("{\"id\":\"0\"");
        out.close(); // as head -1 does
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the process stops once its reader has gone").isTrue();
        assertThat(p.exitValue()).isEqualTo(5);
        assertThat(Files.readString(err)).isEqualTo("error: standard output: could not write output: broken pipe (the reader has gone)\n");
    }

    @Test
    void streamStopsWhenItsReaderHasGoneWhileItsInputStaysOpen() throws Exception {
        Path err = dir.resolve("stream-err.txt");
        Process p = command("score", "--stream", "--format", "jsonl").redirectError(err.toFile()).start();
        try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            in.write("first comment\n");
            in.flush();
            assertThat(out.readLine()).startsWith("{\"id\":\"1\"");
            out.close();
            in.write("second comment\n");
            in.flush();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the stream ends with its reader, not its input").isTrue();
        } catch (java.io.IOException stdinClosedByTheExit) {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).isEqualTo(5);
        assertThat(Files.readString(err)).contains("error: standard output: could not write output: broken pipe");
    }

    @Test
    void sigtermAndSigintRemoveTheTemporaryOutputFile() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Path target = dir.resolve("verdicts-" + signal + ".jsonl");
            Process p = command("score", "--input", comments.toString(), "--format", "jsonl", "--threads", "1",
                    "--output", target.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("sig.log").toFile()).start();
            if (signal.equals("INT") && ignoresSigint(p.pid())) {
                p.destroyForcibly().waitFor();
                System.err.println("skipped the SIGINT case: this test runs with SIGINT ignored (started in the background);"
                        + " the SIGTERM case runs the same shutdown hook");
                continue;
            }
            assertThat(waitForTemporary(target)).as("the temporary output file appears while scoring").isTrue();
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("SIG" + signal).isEqualTo(128 + (signal.equals("TERM") ? 15 : 2));
            assertThat(temporaries(target)).as("temporary files after SIG" + signal).isEmpty();
            assertThat(target).doesNotExist();
        }
    }

    private static boolean waitForTemporary(Path target) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!temporaries(target).isEmpty()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static List<String> temporaries(Path target) {
        String[] names = target.getParent().toFile().list((d, name) -> name.startsWith("." + target.getFileName() + ".")
                && name.endsWith(".tmp"));
        return names == null ? List.of() : List.of(names);
    }

    /** Whether the process ignores SIGINT, as a child of a shell's background job does (then the JVM keeps ignoring it). */
    private static boolean ignoresSigint(long pid) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 2) != 0;
            }
        }
        return false;
    }
}

package dev.commentguard.cli;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Comments piped to a real {@code score} process: the same strict reading whether or not {@code --input -} is given. */
class StdinProcessTest {

    private record Result(int exit, String out, String err) {
    }

    private static Result score(byte[] stdin, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "score", "--format", "jsonl"));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void anExportPipedToStandardInputIsRecognisedAndReadWhole() throws Exception {
        // wp export --stdout | ... --input -: the first bytes say which export it is, and are not lost to the reader.
        byte[] disqus = fixture("disqus.xml");
        Result piped = score(disqus, "--input", "-");
        assertThat(piped.exit()).as(piped.err()).isZero();
        assertThat(piped.err()).contains("<stdin>: 25 comment(s) (disqus)");
        assertThat(piped.out().lines()).hasSize(25);

        Result wp = score(fixture("wp-comments.csv"), "--input", "-", "--input-format", "wp-comments");
        assertThat(wp.exit()).as(wp.err()).isZero();
        assertThat(wp.err()).contains("<stdin>: 28 comment(s) (wp-comments)");
        assertThat(wp.out().lines()).hasSize(27); // every comment but the pingback

        // --group-column names a column; an export on standard input has none, as one named by its path has none
        Process grouped = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "evaluate", "--data", "-", "--group-column",
                "site").start();
        try (OutputStream in = grouped.getOutputStream()) {
            in.write(disqus);
        }
        String groupedErr = new String(grouped.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(grouped.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(grouped.exitValue()).as(groupedErr).isEqualTo(2);
        assertThat(groupedErr).contains("<stdin> is a disqus export, which has no columns");

        // A plain CSV on standard input is read as before.
        Result plain = score("id,text\nc1,hello there\n".getBytes(StandardCharsets.UTF_8), "--input", "-");
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.out()).startsWith("{\"id\":\"c1\"");
    }

    private static byte[] fixture(String name) throws Exception {
        return java.nio.file.Files.readAllBytes(Path.of(StdinProcessTest.class.getResource("/dev/commentguard/io/exports/" + name).toURI()));
    }

    @Test
    void invalidUtf8OnPlainStandardInputIsRejectedAtItsLineAsWithInputDash() throws Exception {
        byte[] latin1 = "text\nfirst comment\nnice caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Result dash = score(latin1, "--input", "-", "--input-format", "csv");
        assertThat(dash.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(dash.err()).startsWith("error: <stdin>:3: invalid UTF-8 (byte 0xE9): the input looks Latin-1");

        Result plain = score(latin1);
        assertThat(plain.exit()).as("not replaced by U+FFFD and scored").isEqualTo(Main.EXIT_INPUT);
        assertThat(plain.out()).isEmpty();
        assertThat(plain.err()).startsWith("error: <stdin>:3: invalid UTF-8 (byte 0xE9): the input looks Latin-1");

        Result named = score(latin1, "--encoding", "ISO-8859-1");
        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(named.out().lines()).hasSize(3);
    }
}

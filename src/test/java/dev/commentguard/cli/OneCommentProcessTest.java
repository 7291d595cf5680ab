package dev.commentguard.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code score} process for one comment with the default model, logging every class it loads:
 * the logistic model scores from the arrays in its file, so neither Weka, LibLINEAR nor Jackson databind
 * may load (together they were most of the start-up time; docs/benchmarks.md).
 */
class OneCommentProcessTest {

    @Test
    void scoringOneCommentLoadsNoWekaLibLinearOrDatabindClass() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xlog:class+load=info:stdout", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "score", "Call 0300-1234567 for free classified ads")
                .redirectErrorStream(true).start();
        List<String> lines = output(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        // spam, held or blocked: the number is most of its evidence, so the block rule may hold it (README)
        assertThat(lines).anyMatch(l -> l.contains("spam") && (l.contains("review") || l.contains("block")));
        assertThat(lines).filteredOn(l -> l.contains("dev.commentguard.model.LinearPath ")).isNotEmpty();
        assertThat(lines).filteredOn(l -> l.contains(" weka.") || l.contains(" de.bwaldvogel.") || l.contains(" com.fasterxml.jackson.databind."))
                .isEmpty();
    }

    private static List<String> output(Process p) throws IOException {
        try (var in = p.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}

package dev.commentguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's rule for the code: no class over 300 lines outside tests. A class that grows past it is split
 * where its parts have reasons of their own, as {@code NgramScratch} was from {@code HashedNgrams}.
 */
class ClassSizeTest {

    static final int MAX_LINES = 300;

    @Test
    void noMainSourceFileIsOverThreeHundredLines() throws IOException {
        Path main = Path.of("src", "main", "java");
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(main)) {
            tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > MAX_LINES)
                    .map(f -> main.relativize(f) + " (" + lines(f) + " lines)")
                    .toList();
        }
        assertThat(tooLong).as("classes over %d lines", MAX_LINES).isEmpty();
    }

    @Test
    void theSourcesAreWhereTheRuleLooks() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".java")).count()).isGreaterThan(100);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

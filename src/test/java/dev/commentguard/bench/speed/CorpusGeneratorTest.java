package dev.commentguard.bench.speed;

import dev.commentguard.Comment;
import dev.commentguard.io.InputRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTest {

    private static final List<InputRow> CORPUS = List.of(
            row("Call 0300-1234567 for free classified ads!", "spam"),
            row("nice post thanks", "low_quality"),
            row("The tram figures are from 2019, not this year.", "ok"));

    @TempDir
    Path dir;

    @Test
    void sameSeedSameFileAndSmallerSetsArePrefixes() throws IOException {
        Path small = dir.resolve("small.csv");
        Path large = dir.resolve("large.csv");
        new CorpusGenerator(CORPUS, 5).write(small, 50);
        new CorpusGenerator(CORPUS, 5).write(large, 200);
        List<String> smallLines = Files.readAllLines(small);
        assertThat(smallLines).hasSize(51).first().isEqualTo("id,text,label");
        assertThat(Files.readAllLines(large).subList(0, 51)).isEqualTo(smallLines);
    }

    @Test
    void perturbedTextsStayNonBlankAndVary() {
        CorpusGenerator generator = new CorpusGenerator(CORPUS, 9);
        List<String> texts = IntStream.range(0, 200).mapToObj(i -> generator.perturb("nice")).toList();
        assertThat(texts).allSatisfy(t -> assertThat(t).isNotBlank());
        assertThat(texts.stream().distinct().count()).isGreaterThan(3);
    }

    private static InputRow row(String text, String label) {
        return new InputRow("test", 1, Comment.of(text), label);
    }
}

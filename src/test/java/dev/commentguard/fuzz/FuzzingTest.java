package dev.commentguard.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.TestModels;
import dev.commentguard.Verdict;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputFormatException;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.Rejects;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.TextNormalizer;

import java.io.ByteArrayInputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz targets. In the normal test run they replay the inputs under
 * {@code src/test/resources/dev/commentguard/fuzz/FuzzingTestInputs/}; with {@code mvn -Pfuzz verify}
 * each is fuzzed for its budget, and any crash it finds is saved there and becomes a regression test.
 */
class FuzzingTest {

    private static final CommentScorer SCORER = CommentScorer.of(TestModels.small());

    /** Any bytes as CSV or JSON Lines: rows or one InputFormatException, never another exception. */
    @FuzzTest(maxDuration = "2m")
    void csvReading(FuzzedDataProvider data) throws Exception {
        boolean jsonl = data.consumeBoolean();
        boolean header = data.consumeBoolean();
        boolean skip = data.consumeBoolean();
        char delimiter = data.pickValue(new Character[] {',', ';', '\t', '|'});
        byte[] bytes = data.consumeRemainingAsBytes();
        InputOptions options = new InputOptions(jsonl ? "jsonl" : "csv", null, null, null, delimiter, header, null);
        try {
            var rows = CommentReader.read(new ByteArrayInputStream(bytes), "fuzz", jsonl, options, delimiter, Map.of(), false,
                    skip ? Rejects.skipping() : Rejects.strict());
            for (var r : rows) {
                assertThat(r.comment().text()).isNotBlank();
                assertThat(r.line()).isPositive();
            }
        } catch (InputFormatException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz");
        }
    }

    /** Normalisation is total and keeps its promises on any text. */
    @FuzzTest(maxDuration = "2m")
    void normalisation(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        NormalizedText t = TextNormalizer.normalize(raw);
        assertThat(t.clean().length()).isLessThanOrEqualTo(TextNormalizer.MAX_CHARS * 4);
        assertThat(t.clean()).doesNotContain("\u200B", "\n", "  ");
        assertThat(t.clean()).isEqualTo(t.clean().strip());
        assertThat(TextNormalizer.clean(raw)).isEqualTo(t.clean());
    }

    /** Any comment, author and URL get a verdict whose probabilities add up. */
    @FuzzTest(maxDuration = "2m")
    void scoring(FuzzedDataProvider data) {
        String author = data.consumeString(40);
        String url = data.consumeString(60);
        String text = data.consumeRemainingAsString();
        if (text.isEmpty()) {
            return;
        }
        Verdict v = SCORER.score(Comment.builder().text(text).author(author).authorUrl(url).build());
        double sum = v.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum).isBetween(0.999, 1.001);
        assertThat(v.spamScore()).isBetween(0.0, 1.0);
        assertThat(v.reasons().size()).isLessThanOrEqualTo(6);
    }
}

package dev.commentguard.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.ModelFileException;
import dev.commentguard.TestModels;
import dev.commentguard.Verdict;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputFormatException;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.Rejects;
import dev.commentguard.model.Model;
import dev.commentguard.model.ModelFile;
import dev.commentguard.text.NormalizedText;
import dev.commentguard.text.TextNormalizer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz targets. In the normal test run they replay the inputs under
 * {@code src/test/resources/dev/commentguard/fuzz/FuzzingTestInputs/}; with {@code mvn -Pfuzz verify}
 * each is fuzzed for its budget, and any crash it finds is saved there and becomes a regression test.
 */
class FuzzingTest {

    private static final CommentScorer SCORER = CommentScorer.of(TestModels.small());
    /** A valid model file (the current format) for {@link #modelFiles} to damage. */
    private static final byte[] MODEL = savedSmallModel();

    private static byte[] savedSmallModel() {
        try {
            Path file = Files.createTempFile("fuzz", ".model");
            try {
                ModelFile.save(TestModels.small(), file);
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    /**
     * A damaged model file (cut, bytes changed, a length field overwritten, the head checksum made to match
     * again so that damage reaches the parser) loads or fails with one ModelFileException, the same way
     * from a path (which reads only the head), a URL and a stream (which read everything).
     */
    @FuzzTest(maxDuration = "2m")
    void modelFiles(FuzzedDataProvider data) throws Exception {
        byte[] bytes = Arrays.copyOf(MODEL, data.consumeInt(0, MODEL.length + 16));
        int flips = data.consumeInt(0, 4);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
            bytes[data.consumeInt(0, bytes.length - 1)] ^= data.consumeByte();
        }
        if (data.consumeBoolean() && bytes.length >= 8) { // a length field, or anything else, overwritten
            ByteBuffer.wrap(bytes).putLong(data.consumeInt(0, bytes.length - 8), data.consumeLong());
        }
        if (data.consumeBoolean()) {
            fixHeadChecksum(bytes);
        }
        Path file = Files.createTempFile("fuzz", ".model");
        try {
            Files.write(file, bytes);
            String fromPath = outcome(() -> ModelFile.load(file));
            assertThat(outcome(() -> ModelFile.load(file.toUri().toURL(), file.toString()))).isEqualTo(fromPath);
            assertThat(outcome(() -> ModelFile.load(new ByteArrayInputStream(bytes), file.toString()))).isEqualTo(fromPath);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private interface Load {
        Model load() throws IOException;
    }

    /** "loaded", or the message of the ModelFileException; any other exception fails the fuzz target. */
    private static String outcome(Load load) throws IOException {
        try {
            Model m = load.load();
            assertThat(m.pipeline().dimension()).isPositive();
            return "loaded";
        } catch (ModelFileException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e.getMessage();
        }
    }

    /** Rewrites the CRC-32C of a format 3 head where the file's own lengths say it is, when they are in range. */
    private static void fixHeadChecksum(byte[] bytes) {
        if (bytes.length < 14) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long payloadAt = 14 + Integer.toUnsignedLong(b.getInt(10));
        if (payloadAt + 8 > bytes.length) {
            return;
        }
        long checksumAt = payloadAt + 8 + b.getLong((int) payloadAt) + 8 + 32;
        if (checksumAt < 0 || checksumAt + 4 > bytes.length) {
            return;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, (int) checksumAt);
        b.putInt((int) checksumAt, (int) crc.getValue());
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

package dev.commentguard.model;

import dev.commentguard.Comment;
import dev.commentguard.ModelFileException;
import dev.commentguard.TestData;
import dev.commentguard.TestModels;
import dev.commentguard.features.Features;
import dev.commentguard.training.ProgressListener;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFileTest {

    @TempDir
    Path dir;

    private Path saved() throws Exception {
        Path file = dir.resolve("m.model");
        ModelFile.save(TestModels.small(), file);
        return file;
    }

    @Test
    void roundTripGivesTheSamePredictionsAndManifest() throws Exception {
        Model original = TestModels.small();
        Model loaded = ModelFile.load(saved());
        assertThat(loaded.manifest()).isEqualTo(original.manifest());
        for (String text : new String[] {"Call 0300-1234567 now for cheap loans", "nice post", "The council should listen"}) {
            Features a = original.pipeline().extract(Comment.of(text));
            Features b = loaded.pipeline().extract(Comment.of(text));
            assertThat(b.vector()).isEqualTo(a.vector());
            assertThat(loaded.distribution(b)).containsExactly(original.distribution(a));
        }
    }

    @Test
    void savingLeavesNoTemporaryFilesAndReplacesTheOldModel() throws Exception {
        Path file = saved();
        ModelFile.save(TestModels.small(), file);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void truncatedFileIsRejected() throws Exception {
        Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {4, 12, 200, bytes.length / 2, bytes.length - 1}) {
            Files.write(file, Arrays.copyOf(bytes, cut));
            assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                    .hasMessageContaining(cut < 8 ? "not a CommentGuard model" : "truncated");
        }
    }

    @Test
    void fileThatIsNotAModelIsRejected() throws Exception {
        Path file = dir.resolve("notes.model");
        Files.writeString(file, "id,text\n1,hello\n");
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("not a CommentGuard model file");
    }

    /** In the manifest, the payload or the checksum itself: whatever parsing runs into, the checksum speaks. */
    @Test
    void changedByteBeforeTheClassifierSectionFailsTheChecksumOnLoad() throws Exception {
        Path file = saved();
        byte[] original = Files.readAllBytes(file);
        int head = headLength(original);
        for (int at : new int[] {20, 200, head / 2, head - 40, head - 1}) {
            byte[] bytes = original.clone();
            bytes[at] ^= 0x20;
            Files.write(file, bytes);
            assertThatThrownBy(() -> ModelFile.load(file)).as("byte %d", at).isInstanceOf(ModelFileException.class)
                    .hasMessageContaining("checksum mismatch, the model file is corrupt");
        }
    }

    /** The classifier section is checked when first used, and by readManifest (the info command) always. */
    @Test
    void changedByteInTheClassifierSectionFailsItsChecksumBeforeWekaSeesIt() throws Exception {
        Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        bytes[headLength(bytes) + (bytes.length - headLength(bytes)) / 2] ^= 0x20;
        Files.write(file, bytes);
        Model loaded = ModelFile.load(file);
        Features f = loaded.pipeline().extract(Comment.of("Call 0300-1234567 now for cheap loans"));
        assertThat(loaded.distribution(f)).containsExactly(TestModels.small().distribution(f));
        assertThatThrownBy(() -> loaded.wekaDistribution(f)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(ModelFileException.class).hasMessageContaining("checksum mismatch in the classifier section");
        assertThatThrownBy(() -> ModelFile.readManifest(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("checksum mismatch in the classifier section");
    }

    /** Bytes up to the end of the first checksum: the part checked on load. */
    private static int headLength(byte[] file) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(file);
        int payloadAt = 14 + b.getInt(10);
        return payloadAt + 8 + (int) b.getLong(payloadAt) + 8 + 32 + 32;
    }

    @Test
    void savingIsDeterministicAndReadsBackToTheSameBytes() throws Exception {
        Model small = TestModels.small();
        Model again = Trainer.train(TestData.threeClasses(40, 7), TrainingOptions.defaults().withFolds(3), ProgressListener.NONE)
                .model().withManifest(small.manifest());
        byte[] bytes = ModelFile.encode(small);
        assertThat(ModelFile.encode(again)).isEqualTo(bytes);
        assertThat(ModelFile.encode(ModelFile.decode(bytes, "test"))).isEqualTo(bytes);
    }

    @Test
    void newerFormatVersionIsRejected() throws Exception {
        Model m = TestModels.small();
        byte[] bytes = ModelFile.encode(m.manifest(), m.pipeline().settings().toMap(), m.pipeline().vectorizer().terms(),
                m.pipeline().vectorizer().idf(), m.linearPath(), m.serializedClassifier(), ModelFile.FORMAT_VERSION + 1);
        Path file = dir.resolve("future.model");
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("newer");
    }

    /**
     * The URLDNS gadget: deserialising a HashMap keyed by a URL makes a DNS look-up. It must never be built:
     * not on load when the classifier is needed to score, nor when a lean model's classifier is first used.
     */
    @Test
    void payloadNamingClassesOutsideTheAllowListIsRejectedBeforeConstruction() throws Exception {
        Map<Object, Object> gadget = new HashMap<>();
        gadget.put(new URL("http://gadget.invalid/"), "x");
        byte[] hostile = SafeSerialization.serialize((Serializable) gadget);
        Model m = TestModels.small();
        Path file = dir.resolve("gadget.model");
        Files.write(file, ModelFile.encode(m.manifest(), m.pipeline().settings().toMap(), m.pipeline().vectorizer().terms(),
                m.pipeline().vectorizer().idf(), null, hostile, ModelFile.FORMAT_VERSION));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("java.net.URL").hasMessageContaining("allow-list");

        Files.write(file, ModelFile.encode(m.manifest(), m.pipeline().settings().toMap(), m.pipeline().vectorizer().terms(),
                m.pipeline().vectorizer().idf(), m.linearPath(), hostile, ModelFile.FORMAT_VERSION));
        Model lean = ModelFile.load(file);
        Features f = lean.pipeline().extract(Comment.of("nice post"));
        assertThatThrownBy(() -> lean.wekaDistribution(f)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(ModelFileException.class)
                .hasMessageContaining("java.net.URL").hasMessageContaining("allow-list");
    }

    /**
     * {@code format1-small.model} was written by the format 1 code (commit d06f63a): {@code train} on 40
     * comments per label of training-data/train.csv, {@code --max-features 400 --folds 3},
     * SOURCE_DATE_EPOCH=1763683200. The probabilities below are what that code printed for it.
     */
    @Test
    void format1FileStillLoadsAndScoresAsItDidAndIsRewrittenAsFormat2() throws Exception {
        Path v1 = dir.resolve("format1.model");
        try (InputStream in = ModelFileTest.class.getResourceAsStream("format1-small.model")) {
            Files.write(v1, in.readAllBytes());
        }
        assertThat(ModelFile.readManifest(v1).formatVersion()).isEqualTo(1);
        Model old = ModelFile.load(v1);
        Features f = old.pipeline().extract(Comment.of("Call 0300-1234567 for free classified ads"));
        assertThat(old.distribution(f)).containsExactly(0.014089175222700832, 0.009016875223357796, 0.9768939495539413);
        assertThat(old.distribution(f)).containsExactly(old.wekaDistribution(f));
        Features g = old.pipeline().extract(Comment.of("nice post thanks for sharing"));
        assertThat(old.distribution(g)).containsExactly(0.8267037241812996, 0.00651755612869743, 0.16677871969000302);

        Path v2 = dir.resolve("format2.model");
        ModelFile.save(old, v2);
        assertThat(ModelFile.readManifest(v2).formatVersion()).isEqualTo(ModelFile.FORMAT_VERSION);
        Model rewritten = ModelFile.load(v2);
        assertThat(rewritten.linearPath()).isEqualTo(old.linearPath());
        for (Features x : List.of(f, g)) {
            assertThat(rewritten.distribution(x)).containsExactly(old.distribution(x));
            assertThat(rewritten.wekaDistribution(x)).containsExactly(old.wekaDistribution(x));
        }
        assertThat(rewritten.manifest().createdAt()).isEqualTo(old.manifest().createdAt());
        assertThat(rewritten.manifest().cvMetrics()).isEqualTo(old.manifest().cvMetrics());
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("absent.model"))).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("no such model file");
    }
}

package dev.commentguard.model;

import dev.commentguard.Comment;
import dev.commentguard.ModelFileException;
import dev.commentguard.TestData;
import dev.commentguard.TestModels;
import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.Features;
import dev.commentguard.training.ProgressListener;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
            Features a = original.pipeline().extract(Comment.of(text), ExtractionContext.alone());
            Features b = loaded.pipeline().extract(Comment.of(text), ExtractionContext.alone());
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
        for (int cut : new int[] {4, 12, 200, headLength(bytes) - 1, headLength(bytes), bytes.length / 2, bytes.length - 1}) {
            Files.write(file, Arrays.copyOf(bytes, cut));
            String expected = cut < 8 ? "not a CommentGuard model" : "truncated";
            assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class).hasMessageContaining(expected);
            assertThatThrownBy(() -> ModelFile.load(file.toUri().toURL(), "url")).isInstanceOf(ModelFileException.class)
                    .hasMessageContaining(expected);
            assertThatThrownBy(() -> ModelFileReader.decode(Arrays.copyOf(bytes, cut), "bytes")).isInstanceOf(ModelFileException.class)
                    .hasMessageContaining(expected);
        }
        Files.write(file, Arrays.copyOf(bytes, bytes.length + 3));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageEndingWith(": 3 unexpected bytes after the end of the model");
    }

    /**
     * A logistic model loaded from a file or URL does not keep its classifier section: it is read again, and checked,
     * only when something first needs the Weka classifier.
     */
    @Test
    void theClassifierSectionIsReadFromTheFileOnlyWhenFirstNeeded() throws Exception {
        Path file = saved();
        byte[] original = Files.readAllBytes(file);
        Features f = TestModels.small().pipeline().extract(Comment.of("Call 0300-1234567 now for cheap loans"), ExtractionContext.alone());
        for (boolean url : new boolean[] {false, true}) {
            Files.write(file, original);
            Model untouched = load(file, url);
            assertThat(untouched.wekaDistribution(f)).containsExactly(TestModels.small().wekaDistribution(f));

            Model loaded = load(file, url);
            byte[] changed = original.clone();
            changed[headLength(changed) + 10] ^= 0x20; // in the classifier section, after loading
            Files.write(file, changed);
            assertThat(loaded.distribution(f)).containsExactly(TestModels.small().distribution(f));
            assertThatThrownBy(() -> loaded.wekaDistribution(f)).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(ModelFileException.class).hasMessageContaining("checksum mismatch in the classifier section");

            Model beforeDeletion = load(file, url);
            Files.delete(file);
            assertThatThrownBy(() -> beforeDeletion.wekaDistribution(f)).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(ModelFileException.class).hasMessageContaining("the classifier section cannot be read");
        }
    }

    /** The model in {@code file}, read through its URL or its path. */
    private static Model load(Path file, boolean url) throws IOException {
        return url ? ModelFile.load(file.toUri().toURL(), "url") : ModelFile.load(file);
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
        for (int at : new int[] {20, 200, head / 2, head - 20, head - 1}) { // head - 20: the classifier digest
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
        Features f = loaded.pipeline().extract(Comment.of("Call 0300-1234567 now for cheap loans"), ExtractionContext.alone());
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
        int headChecksum = b.getShort(8) >= 3 ? 4 : 32; // CRC-32C from format 3 on, SHA-256 before
        return payloadAt + 8 + (int) b.getLong(payloadAt) + 8 + 32 + headChecksum;
    }

    @Test
    void savingIsDeterministicAndReadsBackToTheSameBytes() throws Exception {
        Model small = TestModels.small();
        Model again = Trainer.train(TestData.threeClasses(40, 7), TrainingOptions.defaults().withFolds(3), ProgressListener.NONE)
                .model().withManifest(small.manifest());
        byte[] bytes = ModelFileWriter.encode(small);
        assertThat(ModelFileWriter.encode(again)).isEqualTo(bytes);
        assertThat(ModelFileWriter.encode(ModelFileReader.decode(bytes, "test"))).isEqualTo(bytes);
    }

    @Test
    void newerFormatVersionIsRejected() throws Exception {
        Model m = TestModels.small();
        byte[] bytes = ModelFileWriter.encode(m.manifest(), m.pipeline().settings().toMap(), m.pipeline().vectorizer(),
                m.linearPath(), m.serializedClassifier(), ModelFile.FORMAT_VERSION + 1);
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
        Files.write(file, ModelFileWriter.encode(m.manifest(), m.pipeline().settings().toMap(), m.pipeline().vectorizer(),
                null, hostile, ModelFile.FORMAT_VERSION));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("java.net.URL").hasMessageContaining("allow-list");

        Files.write(file, ModelFileWriter.encode(m.manifest(), m.pipeline().settings().toMap(), m.pipeline().vectorizer(),
                m.linearPath(), hostile, ModelFile.FORMAT_VERSION));
        Model lean = ModelFile.load(file);
        Features f = lean.pipeline().extract(Comment.of("nice post"), ExtractionContext.alone());
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
    void format1FileStillLoadsAndScoresAsItDidAndIsRewrittenInTheCurrentFormat() throws Exception {
        Model old = assertScoresAsItDidAndRewrites("format1-small.model", 1,
                new double[] {0.014089175222700832, 0.009016875223357796, 0.9768939495539413},
                new double[] {0.8267037241812996, 0.00651755612869743, 0.16677871969000302});
        assertThat(old.manifest().formatVersion()).isEqualTo(1);
    }

    /**
     * {@code format2-small.model} was written by the format 2 code (commit e2354af): {@code train} on the first 40
     * comments of each label in training-data/train.csv, {@code --max-features 400 --folds 3},
     * SOURCE_DATE_EPOCH=1763683200. The probabilities below are what that code computed for it.
     */
    @Test
    void format2FileStillLoadsAndScoresAsItDidAndIsRewrittenInTheCurrentFormat() throws Exception {
        assertScoresAsItDidAndRewrites("format2-small.model", 2,
                new double[] {0.011344694840169875, 0.0057803840734659525, 0.9828749210863642},
                new double[] {0.8507489493417888, 0.008187554697274732, 0.14106349596093629});
        // A byte changed in its payload is still caught by the format 2 checksum (SHA-256).
        byte[] changed;
        try (InputStream in = ModelFileTest.class.getResourceAsStream("format2-small.model")) {
            changed = in.readAllBytes();
        }
        changed[headLength(changed) / 2] ^= 1;
        assertThatThrownBy(() -> ModelFileReader.decode(changed, "v2")).isInstanceOf(ModelFileException.class)
                .hasMessage("v2: checksum mismatch, the model file is corrupt or has been modified");
    }

    /**
     * Loads the old file {@code resource} of format {@code version}, checks the probabilities its own code gave for a
     * spam and a praise comment, saves it in the current format and checks that the copy scores the same.
     */
    private Model assertScoresAsItDidAndRewrites(String resource, int version, double[] spam, double[] praise) throws Exception {
        Path file = dir.resolve(resource);
        try (InputStream in = ModelFileTest.class.getResourceAsStream(resource)) {
            Files.write(file, in.readAllBytes());
        }
        assertThat(ModelFile.readManifest(file).formatVersion()).isEqualTo(version);
        Model old = ModelFile.load(file);
        Features f = old.pipeline().extract(Comment.of("Call 0300-1234567 for free classified ads"), ExtractionContext.alone());
        assertThat(old.distribution(f)).containsExactly(spam);
        assertThat(old.distribution(f)).containsExactly(old.wekaDistribution(f));
        Features g = old.pipeline().extract(Comment.of("nice post thanks for sharing"), ExtractionContext.alone());
        assertThat(old.distribution(g)).containsExactly(praise);

        Path current = dir.resolve("rewritten-" + resource);
        ModelFile.save(old, current);
        assertThat(ModelFile.readManifest(current).formatVersion()).isEqualTo(ModelFile.FORMAT_VERSION);
        Model rewritten = ModelFile.load(current);
        assertThat(rewritten.linearPath()).isEqualTo(old.linearPath());
        assertThat(rewritten.pipeline().vectorizer()).isEqualTo(old.pipeline().vectorizer());
        for (Features x : List.of(f, g)) {
            assertThat(rewritten.distribution(x)).containsExactly(old.distribution(x));
            assertThat(rewritten.wekaDistribution(x)).containsExactly(old.wekaDistribution(x));
        }
        assertThat(rewritten.manifest().createdAt()).isEqualTo(old.manifest().createdAt());
        assertThat(rewritten.manifest().cvMetrics()).isEqualTo(old.manifest().cvMetrics());
        return old;
    }

    /** A model sent as bytes (to a distributed job's workers) loads and scores as the file does, and is checked as one. */
    @Test
    void theScorerLoadsAModelFromItsBytesWithTheSameChecks() throws Exception {
        Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        dev.commentguard.CommentScorer fromBytes = dev.commentguard.CommentScorer.load(new java.io.ByteArrayInputStream(bytes), "sent.model");
        Comment c = Comment.of("Call 0300-1234567 now for cheap loans");
        assertThat(fromBytes.score(c)).isEqualTo(dev.commentguard.CommentScorer.load(file).score(c));
        bytes[headLength(bytes) / 2] ^= 1;
        assertThatThrownBy(() -> dev.commentguard.CommentScorer.load(new java.io.ByteArrayInputStream(bytes), "sent.model"))
                .isInstanceOf(ModelFileException.class).hasMessageStartingWith("sent.model: ");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("absent.model"))).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("no such model file");
    }
}

package dev.commentguard.model;

import dev.commentguard.Comment;
import dev.commentguard.ModelFileException;
import dev.commentguard.TestModels;
import dev.commentguard.features.Features;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Serializable;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
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

    @Test
    void changedByteFailsTheChecksum() throws Exception {
        Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void newerFormatVersionIsRejected() throws Exception {
        Model m = TestModels.small();
        byte[] bytes = ModelFile.encode(m.manifest(), m.pipeline().settings().toMap(), m.pipeline().vectorizer().terms(),
                m.pipeline().vectorizer().idf(), m.serializedClassifier(), ModelFile.FORMAT_VERSION + 1);
        Path file = dir.resolve("future.model");
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("newer");
    }

    /** The URLDNS gadget: deserialising a HashMap keyed by a URL makes a DNS look-up. It must never be built. */
    @Test
    void payloadNamingClassesOutsideTheAllowListIsRejectedBeforeConstruction() throws Exception {
        Map<Object, Object> gadget = new HashMap<>();
        gadget.put(new URL("http://gadget.invalid/"), "x");
        byte[] hostile = SafeSerialization.serialize((Serializable) gadget);
        Model m = TestModels.small();
        byte[] bytes = ModelFile.encode(m.manifest(), m.pipeline().settings().toMap(), m.pipeline().vectorizer().terms(),
                m.pipeline().vectorizer().idf(), hostile, ModelFile.FORMAT_VERSION);
        Path file = dir.resolve("gadget.model");
        Files.write(file, bytes);
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("java.net.URL").hasMessageContaining("allow-list");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("absent.model"))).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("no such model file");
    }
}

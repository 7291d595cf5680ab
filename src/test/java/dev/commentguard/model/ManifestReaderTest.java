package dev.commentguard.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commentguard.TestModels;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming manifest reader agrees with Jackson databind, which writes the manifest. */
class ManifestReaderTest {

    private static final ObjectMapper DATABIND = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static Manifest read(String json) throws Exception {
        byte[] bytes = ("  " + json).getBytes(StandardCharsets.UTF_8);
        return ManifestReader.read(bytes, 2, bytes.length - 2);
    }

    @Test
    void readsWhatDatabindWritesAsDatabindReadsIt() throws Exception {
        for (Manifest m : List.of(TestModels.small().manifest(), ModelFile.readManifest(Path.of("models/default.model")))) {
            String json = ModelFile.toJson(m);
            assertThat(read(json)).isEqualTo(m).isEqualTo(DATABIND.readValue(json, Manifest.class));
        }
    }

    @Test
    void skipsUnknownFieldsAndReadsNotANumber() throws Exception {
        Manifest m = TestModels.small().manifest();
        Manifest odd = new Manifest(m.formatVersion(), m.createdAt(), m.commentguardVersion(), m.wekaVersion(), m.javaVersion(),
                m.learner(), m.learnerOptions(), m.seed(), m.labels(), m.positiveLabel(), m.reviewThreshold(), m.blockThreshold(),
                m.features(), m.vocabularySize(), m.trainingFiles(), m.trainingSha256(), m.rowsPerClass(), m.cvFolds(),
                Map.of("mcc", Double.NaN, "roc_auc", 1.0));
        String json = ModelFile.toJson(odd).replaceFirst("\\{", "{\"addedLater\": {\"a\": [1, {\"b\": null}]}, \"note\": \"x\",");
        assertThat(read(json)).isEqualTo(DATABIND.readValue(json, Manifest.class)).isEqualTo(odd);
    }

    @Test
    void malformedManifestsFailWithAnIoError() {
        for (String bad : new String[] {"[]", "{\"labels\": \"spam\"}", "{\"seed\": 1", "{\"formatVersion\": \"two\"}",
                "{\"labels\": [\"ok\"], \"positiveLabel\": \"spam\", \"learner\": \"x\"}"}) {
            assertThatThrownBy(() -> read(bad)).as(bad).isInstanceOfAny(java.io.IOException.class, RuntimeException.class);
        }
    }
}

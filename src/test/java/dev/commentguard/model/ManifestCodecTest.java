package dev.commentguard.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.commentguard.TestModels;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming manifest codec agrees with Jackson databind, which wrote the manifests of earlier model files:
 * it writes the same bytes and reads what databind reads.
 */
class ManifestCodecTest {

    private static final ObjectMapper DATABIND = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static Manifest read(String json) throws Exception {
        byte[] bytes = ("  " + json).getBytes(StandardCharsets.UTF_8);
        return ManifestCodec.read(bytes, 2, bytes.length - 2);
    }

    @Test
    void readsWhatDatabindWritesAsDatabindReadsIt() throws Exception {
        for (Manifest m : List.of(TestModels.small().manifest(), ModelFile.readManifest(Path.of("models/default.model")))) {
            String json = ModelFile.toJson(m);
            assertThat(read(json)).isEqualTo(m).isEqualTo(DATABIND.readValue(json, Manifest.class));
        }
    }

    /** Null strings, doubles that are not finite, empty and odd text: the bytes databind wrote, read back the same. */
    @Test
    void writesTheBytesDatabindWrote() throws Exception {
        Manifest m = TestModels.small().manifest();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("mcc", Double.NaN);
        metrics.put("up", Double.POSITIVE_INFINITY);
        metrics.put("tiny", 4.9e-324);
        Manifest odd = new Manifest(7, null, "é \"q\" \\ \t\n\u0001 \u2028 😀", null, "", m.learner(), null, Long.MIN_VALUE,
                List.of("b", "a"), "a", -0.0, 1e300, Map.of("z", "1", "a", ""), Integer.MAX_VALUE, List.of(), null,
                Map.of(), -1, metrics);
        for (Manifest each : List.of(m, odd, ModelFile.readManifest(Path.of("models/default.model")))) {
            assertThat(ManifestCodec.write(each)).isEqualTo(DATABIND.writeValueAsBytes(each));
            assertThat(ModelFile.toJson(each)).isEqualTo(DATABIND.writeValueAsString(each));
        }
        byte[] json = ManifestCodec.write(odd);
        assertThat(ManifestCodec.read(json, 0, json.length)).isEqualTo(odd);
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

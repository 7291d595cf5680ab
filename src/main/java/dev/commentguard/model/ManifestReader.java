package dev.commentguard.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the manifest JSON that {@link ModelFile} writes with Jackson databind, through Jackson's
 * streaming parser instead: databind's start-up (its classes and the introspection of the record)
 * cost about half a second of every one-comment {@code score} run, more than the rest of loading the
 * model. Unknown fields are skipped and absent ones left empty, as the databind reader was set up to
 * do; {@code ManifestReaderTest} checks that both readers agree. Stateless: thread-safe.
 */
final class ManifestReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ManifestReader() {
    }

    static Manifest read(byte[] json, int offset, int length) throws IOException {
        try (JsonParser p = FACTORY.createParser(json, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "the manifest is not a JSON object");
            }
            int formatVersion = 0;
            int vocabularySize = 0;
            int cvFolds = 0;
            long seed = 0;
            double reviewThreshold = 0;
            double blockThreshold = 0;
            String createdAt = null;
            String commentguardVersion = null;
            String wekaVersion = null;
            String javaVersion = null;
            String learner = null;
            String learnerOptions = null;
            String positiveLabel = null;
            String trainingSha256 = null;
            List<String> labels = List.of();
            List<String> trainingFiles = List.of();
            Map<String, String> features = Map.of();
            Map<String, Integer> rowsPerClass = Map.of();
            Map<String, Double> cvMetrics = Map.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "formatVersion" -> formatVersion = p.getIntValue();
                    case "createdAt" -> createdAt = p.getValueAsString();
                    case "commentguardVersion" -> commentguardVersion = p.getValueAsString();
                    case "wekaVersion" -> wekaVersion = p.getValueAsString();
                    case "javaVersion" -> javaVersion = p.getValueAsString();
                    case "learner" -> learner = p.getValueAsString();
                    case "learnerOptions" -> learnerOptions = p.getValueAsString();
                    case "seed" -> seed = p.getLongValue();
                    case "labels" -> labels = strings(p);
                    case "positiveLabel" -> positiveLabel = p.getValueAsString();
                    case "reviewThreshold" -> reviewThreshold = number(p);
                    case "blockThreshold" -> blockThreshold = number(p);
                    case "features" -> features = map(p, ManifestReader::text);
                    case "vocabularySize" -> vocabularySize = p.getIntValue();
                    case "trainingFiles" -> trainingFiles = strings(p);
                    case "trainingSha256" -> trainingSha256 = p.getValueAsString();
                    case "rowsPerClass" -> rowsPerClass = map(p, JsonParser::getIntValue);
                    case "cvFolds" -> cvFolds = p.getIntValue();
                    case "cvMetrics" -> cvMetrics = map(p, ManifestReader::number);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(p, "unexpected " + p.currentToken() + " in the manifest");
            }
            return new Manifest(formatVersion, createdAt, commentguardVersion, wekaVersion, javaVersion, learner,
                    learnerOptions, seed, labels, positiveLabel, reviewThreshold, blockThreshold, features, vocabularySize,
                    trainingFiles, trainingSha256, rowsPerClass, cvFolds, cvMetrics);
        }
    }

    private interface Value<T> {
        T read(JsonParser p) throws IOException;
    }

    private static String text(JsonParser p) throws IOException {
        if (!p.currentToken().isScalarValue()) {
            throw new JsonParseException(p, "expected a value, found " + p.currentToken());
        }
        return p.getValueAsString();
    }

    /** A number, or the strings "NaN" and "Infinity" that Jackson writes for those doubles. */
    private static Double number(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_STRING ? Double.valueOf(p.getText()) : p.getDoubleValue();
    }

    private static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(p, "expected an array, found " + p.currentToken());
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(text(p));
        }
        return out;
    }

    private static <T> Map<String, T> map(JsonParser p, Value<T> value) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "expected an object, found " + p.currentToken());
        }
        Map<String, T> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            out.put(key, value.read(p));
        }
        return out;
    }
}

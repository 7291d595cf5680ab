package dev.commentguard.model;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manifest's JSON, read and written with Jackson's streaming parser and generator rather than
 * databind: databind's start-up (its classes and the introspection of the record) would cost a
 * one-comment {@code score} run more than the rest of loading the model. Writing gives, byte for byte,
 * the indented JSON that databind gave for the record (its fields in record order), so files written
 * before and after are the same; reading skips unknown fields and leaves absent ones empty, as
 * databind was set up to do. {@code ManifestCodecTest} checks both against databind. Stateless:
 * thread-safe.
 */
final class ManifestCodec {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ManifestCodec() {
    }

    /** The manifest as indented JSON in UTF-8, as the model file stores it. */
    static byte[] write(Manifest m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            write(m, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the generator writes to memory
        }
        return bytes.toByteArray();
    }

    /** The manifest as indented JSON, as {@code info} prints it. */
    static String toJson(Manifest m) {
        StringWriter text = new StringWriter(2048);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            write(m, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(Manifest m, JsonGenerator g) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeNumberField("formatVersion", m.formatVersion());
        g.writeStringField("createdAt", m.createdAt());
        g.writeStringField("commentguardVersion", m.commentguardVersion());
        g.writeStringField("wekaVersion", m.wekaVersion());
        g.writeStringField("javaVersion", m.javaVersion());
        g.writeStringField("learner", m.learner());
        g.writeStringField("learnerOptions", m.learnerOptions());
        g.writeNumberField("seed", m.seed());
        writeStrings(g, "labels", m.labels());
        g.writeStringField("positiveLabel", m.positiveLabel());
        g.writeNumberField("reviewThreshold", m.reviewThreshold());
        g.writeNumberField("blockThreshold", m.blockThreshold());
        writeMap(g, "features", m.features());
        g.writeNumberField("vocabularySize", m.vocabularySize());
        writeStrings(g, "trainingFiles", m.trainingFiles());
        g.writeStringField("trainingSha256", m.trainingSha256());
        writeMap(g, "rowsPerClass", m.rowsPerClass());
        g.writeNumberField("cvFolds", m.cvFolds());
        writeMap(g, "cvMetrics", m.cvMetrics());
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    /** A map of strings, integers or doubles; a double that is not finite is written as a string ("NaN"). */
    private static void writeMap(JsonGenerator g, String field, Map<String, ?> values) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() instanceof Integer i) {
                g.writeNumber(i);
            } else if (e.getValue() instanceof Double d) {
                g.writeNumber(d);
            } else {
                g.writeString((String) e.getValue()); // null is written as null
            }
        }
        g.writeEndObject();
    }

    /** The manifest in {@code length} bytes of UTF-8 JSON from {@code offset} of {@code json}. */
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
                    case "features" -> features = map(p, ManifestCodec::text);
                    case "vocabularySize" -> vocabularySize = p.getIntValue();
                    case "trainingFiles" -> trainingFiles = strings(p);
                    case "trainingSha256" -> trainingSha256 = p.getValueAsString();
                    case "rowsPerClass" -> rowsPerClass = map(p, JsonParser::getIntValue);
                    case "cvFolds" -> cvFolds = p.getIntValue();
                    case "cvMetrics" -> cvMetrics = map(p, ManifestCodec::number);
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

package dev.commentguard.model;

import dev.commentguard.ModelFileException;
import weka.classifiers.Classifier;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What reads the formats before the current one differently, kept apart from {@link ModelFileReader}; their
 * head checksum, a SHA-256, is {@link ModelFileLayout}'s. Format 1 (before 2026-11-21) has a deflated payload of
 * feature settings, vocabulary with IDF and the serialised Weka classifier, all in {@link DataInputStream}'s
 * encodings, and no classifier section. Format 2 deflates a payload that reads as format 3's. Stateless:
 * thread-safe.
 */
final class LegacyModelFormats {

    private LegacyModelFormats() {
    }

    /** The payload of the format 2 file (or head) {@code file}, inflated: from there it reads as format 3's. */
    static ByteBuffer version2Payload(byte[] file, ModelFileLayout layout) throws IOException {
        return ByteBuffer.wrap(ModelFileReader.inflate(file, layout.payloadAt(), layout.payloadLength()));
    }

    /** The model in the format 1 file {@code file}, whose head checksum has been checked. */
    static Model version1(Manifest manifest, byte[] file, ModelFileLayout layout, String source) throws IOException {
        byte[] payload = ModelFileReader.inflate(file, layout.payloadAt(), layout.payloadLength());
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int settingsCount = in.readInt();
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 0; i < settingsCount; i++) {
                settings.put(in.readUTF(), in.readUTF());
            }
            int terms = in.readInt();
            if (terms < 0 || terms > ModelFileReader.MAX_TERMS) {
                throw new ModelFileException(source + ": implausible vocabulary size " + terms);
            }
            String[] vocabulary = new String[terms];
            double[] idf = new double[terms];
            for (int i = 0; i < terms; i++) {
                vocabulary[i] = in.readUTF();
                idf[i] = in.readDouble();
            }
            int classifierLength = in.readInt();
            if (classifierLength < 0 || classifierLength > ModelFileLayout.MAX_FILE_BYTES) {
                throw new ModelFileException(source + ": implausible classifier size " + classifierLength);
            }
            byte[] classifierBytes = in.readNBytes(classifierLength);
            if (classifierBytes.length != classifierLength) {
                throw new ModelFileException(source + ": classifier section cut short");
            }
            Classifier classifier = SafeSerialization.deserialize(classifierBytes, Classifier.class, source);
            return Model.of(manifest, ModelFileReader.pipeline(settings, null, vocabulary, idf), classifierBytes, classifier);
        }
    }
}

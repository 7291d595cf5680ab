package dev.commentguard.model;

import dev.commentguard.ModelFileException;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.HashedNgrams;
import dev.commentguard.features.VocabularyNgrams;
import weka.classifiers.Classifier;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a model from the bytes of a model file: checks its layout and head checksum ({@link ModelFileLayout}), then
 * parses the payload of format 2 onwards as {@link ModelFileWriter} describes it, leaving format 1 and format 2's
 * deflated payload to {@link LegacyModelFormats}. Whatever a damaged payload makes the parsing throw becomes one
 * {@link ModelFileException} naming the source. Stateless: thread-safe.
 */
final class ModelFileReader {

    static final int MAX_TERMS = 50_000_000;

    private ModelFileReader() {
    }

    /** Where a model's classifier section is read from when it is first needed. */
    interface SectionReader {
        byte[] read(ModelFileLayout layout) throws IOException;
    }

    private interface PayloadReader {
        Model read() throws IOException;
    }

    /** The model in the whole file {@code bytes}. */
    static Model decode(byte[] bytes, String source) throws ModelFileException {
        ModelFileLayout layout = ModelFileLayout.of(bytes, bytes.length, source);
        byte[] section = layout.version() >= 2 ? layout.classifierSection(bytes) : null; // not the whole file
        return decode(bytes, bytes.length, source, checked -> section);
    }

    /** The model in a file of {@code size} bytes whose head is {@code head}; its classifier section comes from {@code sections}. */
    static Model decode(byte[] head, long size, String source, SectionReader sections) throws ModelFileException {
        ModelFileLayout layout = ModelFileLayout.of(head, size, source);
        layout.checkHead(head, source);
        return readPayload(() -> switch (layout.version()) {
            case 1 -> LegacyModelFormats.version1(manifest(head, layout, source), head, layout, source);
            case 2 -> decodePayload(manifest(head, layout, source), LegacyModelFormats.version2Payload(head, layout),
                    layout, sections, source);
            default -> decodePayload(manifest(head, layout, source),
                    ByteBuffer.wrap(head, layout.payloadAt(), layout.payloadLength()), layout, sections, source);
        }, source);
    }

    /** The manifest of the whole file {@code bytes}, after checking its layout and the checksums of every byte. */
    static Manifest manifest(byte[] bytes, String source) throws ModelFileException {
        ModelFileLayout layout = ModelFileLayout.of(bytes, bytes.length, source);
        layout.checkHead(bytes, source);
        if (layout.version() >= 2) {
            layout.checkClassifierSection(layout.classifierSection(bytes), source);
        }
        return manifest(bytes, layout, source);
    }

    private static Manifest manifest(byte[] bytes, ModelFileLayout layout, String source) throws ModelFileException {
        try {
            return ManifestCodec.read(bytes, ModelFileLayout.HEADER_BYTES, layout.manifestLength());
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(source + ": unreadable manifest ("
                    + (e.getMessage() == null ? e.toString() : e.getMessage()).lines().findFirst().orElse("") + ")", e);
        }
    }

    /** Runs {@code reader}, turning whatever a damaged payload makes it throw into one clear error. */
    private static Model readPayload(PayloadReader reader, String source) throws ModelFileException {
        try {
            return reader.read();
        } catch (ModelFileException e) {
            throw e;
        } catch (EOFException | BufferUnderflowException e) {
            throw new ModelFileException(source + ": the model payload ends early", e);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(source + ": the model payload cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The model from the payload of format 2 onwards ({@code in}, inflated for format 2), its head checksum already checked. */
    private static Model decodePayload(Manifest manifest, ByteBuffer in, ModelFileLayout layout, SectionReader sections,
                                       String source) throws ModelFileException {
        int settingsCount = in.getInt();
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < settingsCount; i++) {
            settings.put(readString(in), readString(in));
        }
        boolean hashed = layout.version() >= 4 && readKind(in, source);
        int terms = in.getInt();
        if (terms < 0 || terms > MAX_TERMS || terms > in.remaining() / Integer.BYTES) {
            throw new ModelFileException(source + ": implausible vocabulary size " + terms);
        }
        if (hashed) {
            int[] buckets = new int[terms];
            in.asIntBuffer().get(buckets);
            in.position(in.position() + terms * Integer.BYTES);
            return decodeModel(manifest, settings, buckets, null, readIdf(in, terms), in, layout, sections, source);
        }
        int[] lengths = new int[terms];
        in.asIntBuffer().get(lengths);
        in.position(in.position() + terms * Integer.BYTES);
        long characters = 0;
        for (int length : lengths) {
            if (length < 0) {
                throw new ModelFileException(source + ": negative term length in the vocabulary");
            }
            characters += length;
        }
        if (characters > in.remaining() / Character.BYTES) {
            throw new ModelFileException(source + ": the model payload ends early (vocabulary)");
        }
        char[] chars = new char[(int) characters];
        in.asCharBuffer().get(chars);
        in.position(in.position() + chars.length * Character.BYTES);
        String[] vocabulary = new String[terms];
        int at = 0;
        for (int i = 0; i < terms; i++) {
            vocabulary[i] = new String(chars, at, lengths[i]);
            at += lengths[i];
        }
        return decodeModel(manifest, settings, null, vocabulary, readIdf(in, terms), in, layout, sections, source);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a string of " + length + " bytes in " + in.remaining());
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    /** The byte of format 4 that says how n-grams find their features: true for hashed, false for a vocabulary. */
    private static boolean readKind(ByteBuffer in, String source) throws ModelFileException {
        byte kind = in.get();
        if (kind != 0 && kind != 1) {
            throw new ModelFileException(source + ": unknown n-gram kind " + kind + " in the model payload");
        }
        return kind == 1;
    }

    private static double[] readIdf(ByteBuffer in, int terms) {
        double[] idf = new double[terms];
        in.asDoubleBuffer().get(idf);
        in.position(in.position() + terms * Double.BYTES);
        return idf;
    }

    /** The rest of a payload of format 2 onwards, after the n-grams: the model with one of {@code buckets} and {@code vocabulary}. */
    private static Model decodeModel(Manifest manifest, Map<String, String> settings, int[] buckets, String[] vocabulary,
                                     double[] idf, ByteBuffer in, ModelFileLayout layout, SectionReader sections, String source)
            throws ModelFileException {
        LinearPath linear = in.get() != 0 ? LinearPath.read(in, manifest.labels().size()) : null;
        if (in.hasRemaining()) {
            throw new ModelFileException(source + ": " + in.remaining() + " unexpected bytes after the model payload");
        }
        FeaturePipeline pipeline = pipeline(settings, buckets, vocabulary, idf);
        if (linear != null) {
            return Model.lean(manifest, pipeline, linear, ClassifierPool.lazy(() -> classifier(layout, sections, source), source));
        }
        byte[] serialized = classifier(layout, sections, source);
        return Model.of(manifest, pipeline, serialized, SafeSerialization.deserialize(serialized, Classifier.class, source));
    }

    /** The feature pipeline of {@code settings} whose n-grams are {@code buckets} if not null, else {@code vocabulary}. */
    static FeaturePipeline pipeline(Map<String, String> settings, int[] buckets, String[] vocabulary, double[] idf) {
        FeatureSettings featureSettings = FeatureSettings.fromMap(settings);
        return new FeaturePipeline(featureSettings, buckets != null
                ? HashedNgrams.of(featureSettings.ngrams(), buckets, idf)
                : VocabularyNgrams.of(featureSettings.ngrams(), vocabulary, idf));
    }

    /** The serialised classifier of a classifier section, after checking the section's SHA-256. */
    private static byte[] classifier(ModelFileLayout layout, SectionReader sections, String source) throws ModelFileException {
        byte[] section;
        try {
            section = sections.read(layout);
        } catch (IOException e) {
            throw new ModelFileException(source + ": the classifier section cannot be read ("
                    + (e.getMessage() == null ? e.toString() : e.getMessage()) + ")", e);
        }
        layout.checkClassifierSection(section, source);
        try {
            return inflate(section, 0, section.length);
        } catch (IOException e) {
            throw new ModelFileException(source + ": the classifier section cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static byte[] inflate(byte[] bytes, int from, int length) throws IOException {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes, from, length), new Inflater(), 1 << 16)) {
            return in.readAllBytes();
        }
    }
}

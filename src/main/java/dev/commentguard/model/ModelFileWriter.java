package dev.commentguard.model;

import dev.commentguard.features.HashedNgrams;
import dev.commentguard.features.NgramVectorizer;
import dev.commentguard.features.VocabularyNgrams;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Lays out a model as the bytes of a model file of the current format ({@link ModelFileLayout} has the layout).
 * Payload, all integers big-endian: the feature settings (a count, then each key and value as a length and UTF-8
 * bytes, in key order); one byte that says how n-grams find their features: 0, by a vocabulary, whose terms follow
 * as their lengths, then their characters (UTF-16, lossless for any string); 1, hashed ({@link HashedNgrams}), and
 * the features' buckets follow (a count, then the buckets); then the features' IDF; then, for a LibLINEAR logistic
 * model, its labels, bias and weight matrix ({@link LinearPath}). Formats 2 and 3 lack the kind byte and have a
 * vocabulary. The payload is stored as it is: its doubles barely compress (6.5 to 3.6 MB for the default model),
 * and inflating it and hashing it with SHA-256 cost a one-comment run about 110 ms of processor time; the jar
 * compresses the bundled model anyway. Stateless: thread-safe.
 */
final class ModelFileWriter {

    private ModelFileWriter() {
    }

    /** The file of {@code model} in the current format, whatever format it was read from. */
    static byte[] encode(Model model) throws IOException {
        Manifest m = model.manifest();
        if (m.formatVersion() != ModelFile.FORMAT_VERSION) { // a model read from an older file, written anew
            m = new Manifest(ModelFile.FORMAT_VERSION, m.createdAt(), m.commentguardVersion(), m.wekaVersion(),
                    m.javaVersion(), m.learner(), m.learnerOptions(), m.seed(), m.labels(), m.positiveLabel(),
                    m.reviewThreshold(), m.blockThreshold(), m.features(), m.vocabularySize(), m.trainingFiles(),
                    m.trainingSha256(), m.rowsPerClass(), m.cvFolds(), m.cvMetrics());
        }
        return encode(m, model.pipeline().settings().toMap(), model.pipeline().vectorizer(), model.linearPath(),
                model.serializedClassifier(), ModelFile.FORMAT_VERSION);
    }

    /**
     * Lays out a model file from its parts: as format 2 (deflated payload, SHA-256 of the head) when
     * {@code version} is 2, as format 3 when it is 3 (which needs a vocabulary), else as format 4, whatever later
     * version it declares; tests use it to build files of older formats and hostile files with valid checksums.
     */
    static byte[] encode(Manifest m, Map<String, String> settings, NgramVectorizer ngrams, LinearPath linear,
                         byte[] classifier, int version) throws IOException {
        byte[] manifest = ManifestCodec.write(m);
        byte[] plain = payload(settings, ngrams, linear, version);
        byte[] payload = version == 2 ? deflate(plain) : plain;
        byte[] section = deflate(classifier);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + section.length + manifest.length + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(ModelFileLayout.MAGIC);
            out.writeShort(version);
            out.writeInt(manifest.length);
            out.write(manifest);
            out.writeLong(payload.length);
            out.write(payload);
            out.writeLong(section.length);
            out.write(ModelFileLayout.sha256(section, section.length));
            out.flush();
            out.write(ModelFileLayout.headChecksum(bytes.toByteArray(), bytes.size(), version));
            out.write(section);
        }
        return bytes.toByteArray();
    }

    private static byte[] payload(Map<String, String> settings, NgramVectorizer ngrams, LinearPath linear, int version)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(settings.size());
            for (Map.Entry<String, String> e : new TreeMap<>(settings).entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            if (version >= 4) {
                out.writeByte(ngrams instanceof HashedNgrams ? 1 : 0);
            }
            double[] idf;
            if (ngrams instanceof HashedNgrams hashed) {
                if (version < 4) {
                    throw new IllegalArgumentException("hashed n-grams need model format 4");
                }
                int[] buckets = hashed.buckets();
                out.writeInt(buckets.length);
                ByteBuffer b = ByteBuffer.allocate(buckets.length * Integer.BYTES);
                b.asIntBuffer().put(buckets);
                out.write(b.array());
                idf = hashed.idf();
            } else {
                VocabularyNgrams vocabulary = (VocabularyNgrams) ngrams;
                String[] terms = vocabulary.terms();
                out.writeInt(terms.length);
                for (String t : terms) {
                    out.writeInt(t.length());
                }
                for (String t : terms) {
                    out.writeChars(t);
                }
                idf = vocabulary.idf();
            }
            ByteBuffer d = ByteBuffer.allocate(idf.length * Double.BYTES);
            d.asDoubleBuffer().put(idf);
            out.write(d.array());
            out.writeBoolean(linear != null);
            if (linear != null) {
                linear.write(out);
            }
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 3);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}

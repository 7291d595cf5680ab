package dev.commentguard.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.commentguard.ModelFileException;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.NgramVectorizer;
import dev.commentguard.io.AtomicFile;
import weka.classifiers.Classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The model file format. Layout, all integers big-endian:
 * <pre>
 *   8 bytes   magic "CGMODEL\n"
 *   2 bytes   format version
 *   4 bytes   manifest length M, then M bytes of manifest JSON (UTF-8)
 *   8 bytes   payload length P, then P bytes of deflated payload:
 *             feature settings, vocabulary with IDF, serialised Weka classifier
 *  32 bytes   SHA-256 of everything before it
 * </pre>
 * Reading checks the magic, the version, every length against the file size and the checksum before
 * any object is built, and deserialises the classifier through an allow-list. Writing goes to a
 * temporary file in the same folder that is then renamed over the target, so an interrupted save never
 * leaves a half-written model.
 */
public final class ModelFile {

    public static final int FORMAT_VERSION = 1;
    static final byte[] MAGIC = "CGMODEL\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CHECKSUM_BYTES = 32;
    private static final int HEADER_BYTES = MAGIC.length + 2 + 4;
    /** Refuse files beyond this size rather than exhaust memory on a hostile or mistaken input. */
    private static final long MAX_FILE_BYTES = 1L << 31;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code target} atomically: into a temporary sibling first, renamed over the
     * target only when complete, so that a crash or {@code kill -9} at any moment leaves the old file.
     */
    public static void save(Model model, Path target) throws IOException {
        Path renamed = AtomicFile.renameTarget(target);
        if (renamed == null) {
            Files.write(target, encode(model)); // a device such as /dev/null
            return;
        }
        Path tmp = AtomicFile.temporarySibling(renamed);
        try {
            Files.write(tmp, encode(model));
            AtomicFile.replace(tmp, renamed);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static Model load(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + ": no such model file");
        }
        if (size > MAX_FILE_BYTES) {
            throw new ModelFileException(file + ": " + size + " bytes is too large for a model file");
        }
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** Reads a model from a stream, such as the default model inside the jar. */
    public static Model load(InputStream in, String source) throws IOException {
        return decode(in.readAllBytes(), source);
    }

    /** Reads only the manifest, checking magic, version, lengths and checksum. */
    public static Manifest readManifest(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return parseManifest(bytes, verify(bytes, file.toString()), file.toString());
    }

    static byte[] encode(Model model) throws IOException {
        NgramVectorizer v = model.pipeline().vectorizer();
        return encode(model.manifest(), model.pipeline().settings().toMap(), v.terms(), v.idf(), model.serializedClassifier(),
                FORMAT_VERSION);
    }

    /** Lays out a model file from its parts; tests use it to build hostile files with valid checksums. */
    static byte[] encode(Manifest m, Map<String, String> settings, String[] terms, double[] idf, byte[] classifier,
                         int version) throws IOException {
        byte[] manifest = JSON.writeValueAsBytes(m);
        byte[] payload = deflate(payload(settings, terms, idf, classifier));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + manifest.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(version);
            out.writeInt(manifest.length);
            out.write(manifest);
            out.writeLong(payload.length);
            out.write(payload);
        }
        byte[] body = bytes.toByteArray();
        byte[] checksum = sha256(body, body.length);
        byte[] file = Arrays.copyOf(body, body.length + CHECKSUM_BYTES);
        System.arraycopy(checksum, 0, file, body.length, CHECKSUM_BYTES);
        return file;
    }

    private static byte[] payload(Map<String, String> settings, String[] terms, double[] idf, byte[] classifier)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(settings.size());
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(settings).entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(terms.length);
            for (int i = 0; i < terms.length; i++) {
                out.writeUTF(terms[i]);
                out.writeDouble(idf[i]);
            }
            out.writeInt(classifier.length);
            out.write(classifier);
        }
        return bytes.toByteArray();
    }

    /** Checks structure and checksum; returns the offset where the manifest starts. */
    private static int verify(byte[] bytes, String source) throws ModelFileException {
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new ModelFileException(source + ": not a CommentGuard model file (wrong magic bytes)");
        }
        if (bytes.length < HEADER_BYTES) {
            throw new ModelFileException(source + ": truncated model file (" + bytes.length + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int version = Short.toUnsignedInt(buf.getShort(MAGIC.length));
        if (version > FORMAT_VERSION) {
            throw new ModelFileException(source + ": model format version " + version
                    + " is newer than this CommentGuard reads (" + FORMAT_VERSION + "); upgrade CommentGuard");
        }
        if (version < 1) {
            throw new ModelFileException(source + ": invalid model format version " + version);
        }
        long manifestLength = Integer.toUnsignedLong(buf.getInt(MAGIC.length + 2));
        long payloadAt = HEADER_BYTES + manifestLength;
        if (payloadAt + 8 > bytes.length) {
            throw new ModelFileException(source + ": truncated model file (manifest cut short)");
        }
        long payloadLength = buf.getLong((int) payloadAt);
        long end = payloadAt + 8 + payloadLength;
        if (payloadLength < 0 || end + CHECKSUM_BYTES > bytes.length) {
            throw new ModelFileException(source + ": truncated model file (payload cut short: "
                    + bytes.length + " bytes, needs " + (payloadLength < 0 ? "?" : end + CHECKSUM_BYTES) + ")");
        }
        if (end + CHECKSUM_BYTES < bytes.length) {
            throw new ModelFileException(source + ": " + (bytes.length - end - CHECKSUM_BYTES)
                    + " unexpected bytes after the end of the model");
        }
        byte[] expected = Arrays.copyOfRange(bytes, (int) end, (int) end + CHECKSUM_BYTES);
        if (!MessageDigest.isEqual(expected, sha256(bytes, (int) end))) {
            throw new ModelFileException(source + ": checksum mismatch, the model file is corrupt or has been modified");
        }
        return HEADER_BYTES;
    }

    private static Manifest parseManifest(byte[] bytes, int at, String source) throws ModelFileException {
        int length = ByteBuffer.wrap(bytes).getInt(MAGIC.length + 2);
        try {
            return JSON.readValue(bytes, at, length, Manifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFileException(source + ": unreadable manifest (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    static Model decode(byte[] bytes, String source) throws ModelFileException {
        int at = verify(bytes, source);
        Manifest manifest = parseManifest(bytes, at, source);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int manifestLength = buf.getInt(MAGIC.length + 2);
        int payloadAt = HEADER_BYTES + manifestLength;
        int payloadLength = (int) buf.getLong(payloadAt);
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(
                new ByteArrayInputStream(bytes, payloadAt + 8, payloadLength), new Inflater(), 1 << 16))) {
            int settingsCount = in.readInt();
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 0; i < settingsCount; i++) {
                settings.put(in.readUTF(), in.readUTF());
            }
            int terms = in.readInt();
            if (terms < 0 || terms > 50_000_000) {
                throw new ModelFileException(source + ": implausible vocabulary size " + terms);
            }
            String[] vocabulary = new String[terms];
            double[] idf = new double[terms];
            for (int i = 0; i < terms; i++) {
                vocabulary[i] = in.readUTF();
                idf[i] = in.readDouble();
            }
            int classifierLength = in.readInt();
            if (classifierLength < 0 || classifierLength > MAX_FILE_BYTES) {
                throw new ModelFileException(source + ": implausible classifier size " + classifierLength);
            }
            byte[] classifierBytes = in.readNBytes(classifierLength);
            if (classifierBytes.length != classifierLength) {
                throw new ModelFileException(source + ": classifier section cut short");
            }
            FeatureSettings featureSettings = FeatureSettings.fromMap(settings);
            FeaturePipeline pipeline = new FeaturePipeline(featureSettings, NgramVectorizer.of(featureSettings.ngrams(), vocabulary, idf));
            Classifier classifier = SafeSerialization.deserialize(classifierBytes, Classifier.class, source);
            return Model.of(manifest, pipeline, classifierBytes, classifier);
        } catch (ModelFileException e) {
            throw e;
        } catch (EOFException e) {
            throw new ModelFileException(source + ": the model payload ends early", e);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(source + ": the model payload cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 3);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Hex SHA-256 of a byte array. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes, bytes.length));
    }

    /** The manifest as pretty JSON. */
    public static String toJson(Manifest manifest) {
        try {
            return JSON.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}

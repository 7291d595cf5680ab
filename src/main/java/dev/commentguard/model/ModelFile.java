package dev.commentguard.model;

import dev.commentguard.ModelFileException;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.HashedNgrams;
import dev.commentguard.features.NgramVectorizer;
import dev.commentguard.features.VocabularyNgrams;
import dev.commentguard.io.AtomicFile;
import dev.commentguard.io.FileProblems;
import dev.commentguard.io.OutputException;
import weka.classifiers.Classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.BufferUnderflowException;
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
import java.util.zip.CRC32C;
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
 *   8 bytes   payload length P, then P bytes of payload (below; deflated in formats 1 and 2)
 *   8 bytes   classifier section length C            (format 2 onwards)
 *  32 bytes   SHA-256 of the classifier section      (format 2 onwards)
 *   4 bytes   CRC-32C of everything before it        (32 bytes, a SHA-256, in formats 1 and 2)
 *   C bytes   classifier section: the deflated, serialised Weka classifier (format 2 onwards)
 * </pre>
 * Payload of formats 2 and 3: feature settings; the vocabulary as term lengths, then the terms' characters
 * (UTF-16, lossless for any string), then their IDF; then, for a LibLINEAR logistic model, its labels,
 * bias and weight matrix ({@link LinearPath}). Format 4 puts one byte after the settings: 0, the vocabulary
 * follows as in format 3; 1, the n-grams are hashed ({@link HashedNgrams}), and the features' buckets follow
 * (a count, then the buckets), then their IDF. Format 1 (still read) has a payload of feature settings,
 * vocabulary with IDF and the serialised Weka classifier, and no classifier section. Format 3 stores the
 * payload as it is: its doubles barely compress (6.5 to 3.6 MB for the default model), and inflating it
 * and hashing it with SHA-256 cost a one-comment run about 110 ms of processor time; the jar compresses
 * the bundled model anyway.
 *
 * <p>Reading checks the magic, the version, every length against the file size and the checksum of
 * everything up to the classifier section before it parses anything. Scoring a logistic model needs
 * nothing from the classifier section, so it is checked against its own SHA-256, inflated and
 * deserialised (through an allow-list) only when something first needs the Weka classifier: a file's
 * every byte is thus checked before it is used, and a one-comment run pays for neither Java
 * deserialisation nor Weka's classes. Other learners need the classifier to score, so their classifier
 * section is checked and deserialised on load. {@link #readManifest} checks the whole file. Writing goes
 * to a temporary file in the same folder that is then renamed over the target, so an interrupted save
 * never leaves a half-written model.
 */
public final class ModelFile {

    public static final int FORMAT_VERSION = 4;
    static final byte[] MAGIC = "CGMODEL\n".getBytes(StandardCharsets.US_ASCII);
    /** Length of a SHA-256: the classifier section's digest, and the head checksum of formats 1 and 2. */
    private static final int CHECKSUM_BYTES = 32;
    /** Length of the head checksum from format 3 on, a CRC-32C. */
    private static final int CRC_BYTES = 4;
    private static final int HEADER_BYTES = MAGIC.length + 2 + 4;
    /** Refuse files beyond this size rather than exhaust memory on a hostile or mistaken input. */
    private static final long MAX_FILE_BYTES = 1L << 31;
    private static final int MAX_TERMS = 50_000_000;

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code target} atomically: into a temporary sibling first, renamed over the
     * target only when complete, so that a crash or {@code kill -9} at any moment leaves the old file.
     */
    public static void save(Model model, Path target) throws IOException {
        byte[] bytes = encode(model);
        try {
            Path renamed = AtomicFile.renameTarget(target);
            if (renamed == null) {
                Files.write(target, bytes); // a device such as /dev/null
                return;
            }
            Path tmp = AtomicFile.temporarySibling(renamed);
            try {
                Files.write(tmp, bytes);
                AtomicFile.replace(tmp, renamed);
            } finally {
                AtomicFile.discard(tmp);
            }
        } catch (IOException e) {
            throw OutputException.of(target.toString(), e); // a full disk is not a bad model
        }
    }

    public static Model load(Path file) throws IOException {
        long size = checkedSize(file);
        if (size > MAX_FILE_BYTES) {
            throw new ModelFileException(file + ": " + size + " bytes is too large for a model file");
        }
        try (InputStream in = open(file)) {
            return decode(readHead(in, size), size, file.toString(), layout -> readSection(Files.newInputStream(file), layout));
        }
    }

    /** The size of a model file, or one error naming it: no such file, a directory. */
    private static long checkedSize(Path file) throws ModelFileException {
        if (Files.isDirectory(file)) {
            throw new ModelFileException(file + ": is a directory, not a model file");
        }
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + ": no such model file");
        } catch (IOException e) {
            throw new ModelFileException(file + ": " + FileProblems.reason(e), e);
        }
    }

    private static InputStream open(Path file) throws ModelFileException {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new ModelFileException(file + ": " + FileProblems.reason(e), e);
        }
    }

    /** Reads a model from a stream; the whole file is read, as a stream cannot be read a second time. */
    public static Model load(InputStream in, String source) throws IOException {
        return decode(in.readAllBytes(), source);
    }

    /**
     * Reads a model from a URL, such as the default model inside the jar: all but the classifier section of a logistic
     * model, which is read again from the URL if something needs the Weka classifier.
     */
    public static Model load(URL url, String source) throws IOException {
        URLConnection connection = url.openConnection();
        long size = connection.getContentLengthLong();
        try (InputStream in = connection.getInputStream()) {
            if (size > MAX_FILE_BYTES) {
                throw new ModelFileException(source + ": " + size + " bytes is too large for a model file");
            }
            if (size < 0) { // a URL that does not tell its length
                return decode(in.readAllBytes(), source);
            }
            return decode(readHead(in, size), size, source, layout -> readSection(url.openStream(), layout));
        }
    }

    /** Where a model's classifier section is read from when it is first needed. */
    private interface SectionReader {
        byte[] read(Layout layout) throws IOException;
    }

    /** The classifier section from a new stream over the whole file, which this closes. */
    private static byte[] readSection(InputStream file, Layout layout) throws IOException {
        try (InputStream in = file) {
            in.skipNBytes(layout.classifierAt());
            return in.readNBytes(layout.classifierLength());
        }
    }

    /**
     * The first bytes of a file of {@code size} bytes that loading needs: all but the classifier section of
     * formats 2 and 3, as far as the lengths at its start tell (the whole file for format 1). Lengths that
     * make no sense read no further than the file, for {@link #layout} to report.
     */
    private static byte[] readHead(InputStream in, long size) throws IOException {
        byte[] head = in.readNBytes((int) Math.min(size, HEADER_BYTES));
        if (head.length < HEADER_BYTES) {
            return head;
        }
        ByteBuffer start = ByteBuffer.wrap(head);
        int version = Short.toUnsignedInt(start.getShort(MAGIC.length));
        if (version < 2) {
            return readUpTo(in, head, size, size);
        }
        long payloadAt = HEADER_BYTES + Integer.toUnsignedLong(start.getInt(MAGIC.length + 2));
        head = readUpTo(in, head, payloadAt + 8, size);
        if (head.length < payloadAt + 8) {
            return head;
        }
        long payloadLength = ByteBuffer.wrap(head).getLong((int) payloadAt);
        long classifierAt = payloadAt + 8 + payloadLength + 8 + CHECKSUM_BYTES + headChecksumBytes(version);
        return payloadLength < 0 ? head : readUpTo(in, head, classifierAt, size);
    }

    /** {@code head} extended from {@code in} to {@code length} bytes, or to the {@code size} of the file if that is less. */
    private static byte[] readUpTo(InputStream in, byte[] head, long length, long size) throws IOException {
        long target = Math.min(Math.min(length, size), Integer.MAX_VALUE - 8);
        if (target <= head.length) {
            return head;
        }
        byte[] longer = Arrays.copyOf(head, (int) target);
        int read = in.readNBytes(longer, head.length, longer.length - head.length);
        return read == longer.length - head.length ? longer : Arrays.copyOf(longer, head.length + read);
    }

    /** Reads only the manifest, checking magic, version, lengths and the checksums of the whole file. */
    public static Manifest readManifest(Path file) throws IOException {
        long size = checkedSize(file);
        if (size > MAX_FILE_BYTES) {
            throw new ModelFileException(file + ": " + size + " bytes is too large for a model file");
        }
        byte[] bytes;
        try (InputStream in = open(file)) {
            bytes = in.readAllBytes();
        }
        Layout layout = layout(bytes, bytes.length, file.toString());
        if (!headMatches(bytes, layout)) {
            throw headMismatch(file.toString());
        }
        if (layout.version() >= 2) {
            checkSection(layout.classifierSection(bytes), layout.classifierDigest(), file.toString());
        }
        return parseManifest(bytes, layout, file.toString());
    }

    static byte[] encode(Model model) throws IOException {
        Manifest m = model.manifest();
        if (m.formatVersion() != FORMAT_VERSION) { // a model read from an older file, written anew
            m = new Manifest(FORMAT_VERSION, m.createdAt(), m.commentguardVersion(), m.wekaVersion(), m.javaVersion(),
                    m.learner(), m.learnerOptions(), m.seed(), m.labels(), m.positiveLabel(), m.reviewThreshold(),
                    m.blockThreshold(), m.features(), m.vocabularySize(), m.trainingFiles(), m.trainingSha256(),
                    m.rowsPerClass(), m.cvFolds(), m.cvMetrics());
        }
        return encode(m, model.pipeline().settings().toMap(), model.pipeline().vectorizer(), model.linearPath(),
                model.serializedClassifier(), FORMAT_VERSION);
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
            out.write(MAGIC);
            out.writeShort(version);
            out.writeInt(manifest.length);
            out.write(manifest);
            out.writeLong(payload.length);
            out.write(payload);
            out.writeLong(section.length);
            out.write(sha256(section, section.length));
            out.flush();
            out.write(headChecksum(bytes.toByteArray(), bytes.size(), version));
            out.write(section);
        }
        return bytes.toByteArray();
    }

    private static byte[] payload(Map<String, String> settings, NgramVectorizer ngrams, LinearPath linear, int version)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(settings.size());
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(settings).entrySet()) {
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

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("a string of " + length + " bytes in " + in.remaining());
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    /** Where the parts of a checked file lie; the classifier fields are those of format 2 onwards. */
    private record Layout(int version, int manifestLength, int payloadAt, int payloadLength, int checksumAt,
                          int classifierLength, byte[] classifierDigest) {

        int classifierAt() {
            return checksumAt + headChecksumBytes(version);
        }

        /** A copy of the classifier section, not yet checked. */
        byte[] classifierSection(byte[] bytes) {
            return Arrays.copyOfRange(bytes, classifierAt(), classifierAt() + classifierLength);
        }
    }

    /**
     * Checks the structure: magic, version, and every length against the file size, {@code fileSize}; {@code bytes}
     * holds the whole file or at least its head, as {@link #readHead} reads it.
     */
    private static Layout layout(byte[] bytes, long fileSize, String source) throws ModelFileException {
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new ModelFileException(source + ": not a CommentGuard model file (wrong magic bytes)");
        }
        if (fileSize < HEADER_BYTES) {
            throw new ModelFileException(source + ": truncated model file (" + fileSize + " bytes)");
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
        if (payloadAt + 8 > fileSize) {
            throw new ModelFileException(source + ": truncated model file (manifest cut short)");
        }
        long payloadLength = buf.getLong((int) payloadAt);
        long end = payloadAt + 8 + payloadLength; // where the checksum (format 1) or the classifier fields begin
        long classifierLength = 0;
        byte[] classifierDigest = null;
        if (version >= 2 && payloadLength >= 0 && payloadLength <= fileSize && end + 8 + CHECKSUM_BYTES <= fileSize) {
            classifierLength = buf.getLong((int) end);
            classifierDigest = Arrays.copyOfRange(bytes, (int) end + 8, (int) end + 8 + CHECKSUM_BYTES);
            end += 8 + CHECKSUM_BYTES;
        }
        boolean lengthsKnown = payloadLength >= 0 && payloadLength <= fileSize && classifierLength >= 0
                && classifierLength <= fileSize && (version < 2 || classifierDigest != null);
        long size = end + headChecksumBytes(version) + classifierLength;
        if (!lengthsKnown || size > fileSize) {
            throw new ModelFileException(source + ": truncated model file (payload cut short: " + fileSize
                    + " bytes, needs " + (lengthsKnown ? Long.toString(size) : "more") + ")");
        }
        if (size < fileSize) {
            throw new ModelFileException(source + ": " + (fileSize - size) + " unexpected bytes after the end of the model");
        }
        return new Layout(version, (int) manifestLength, (int) payloadAt + 8, (int) payloadLength,
                (int) end, (int) classifierLength, classifierDigest);
    }

    /** Whether the checksum of everything up to the classifier section matches. */
    private static boolean headMatches(byte[] bytes, Layout layout) {
        byte[] expected = Arrays.copyOfRange(bytes, layout.checksumAt(), layout.classifierAt());
        return MessageDigest.isEqual(expected, headChecksum(bytes, layout.checksumAt(), layout.version()));
    }

    private static int headChecksumBytes(int version) {
        return version >= 3 ? CRC_BYTES : CHECKSUM_BYTES;
    }

    /**
     * The checksum of the first {@code length} bytes, everything before it: a CRC-32C from format 3 on,
     * a SHA-256 before. Both catch corruption; neither can stop a deliberate change, which can always
     * recompute it. The CRC is computed by an intrinsic in a few milliseconds, where SHA-256 cost a
     * one-comment run 70 ms of processor time under the quick compiler.
     */
    private static byte[] headChecksum(byte[] bytes, int length, int version) {
        if (version < 3) {
            return sha256(bytes, length);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return ByteBuffer.allocate(CRC_BYTES).putInt((int) crc.getValue()).array();
    }

    private static ModelFileException headMismatch(String source) {
        return new ModelFileException(source + ": checksum mismatch, the model file is corrupt or has been modified");
    }

    private static void checkSection(byte[] section, byte[] digest, String source) throws ModelFileException {
        if (!MessageDigest.isEqual(digest, sha256(section, section.length))) {
            throw new ModelFileException(source + ": checksum mismatch in the classifier section, the model file is corrupt or has been modified");
        }
    }

    /** The serialised classifier of a format 2 or 3 classifier section, after checking the section's SHA-256. */
    private static byte[] classifier(Layout layout, SectionReader sections, String source) throws ModelFileException {
        byte[] section;
        try {
            section = sections.read(layout);
        } catch (IOException e) {
            throw new ModelFileException(source + ": the classifier section cannot be read ("
                    + (e.getMessage() == null ? e.toString() : e.getMessage()) + ")", e);
        }
        checkSection(section, layout.classifierDigest(), source);
        try {
            return inflate(section, 0, section.length);
        } catch (IOException e) {
            throw new ModelFileException(source + ": the classifier section cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static Manifest parseManifest(byte[] bytes, Layout layout, String source) throws ModelFileException {
        try {
            return ManifestCodec.read(bytes, HEADER_BYTES, layout.manifestLength());
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(source + ": unreadable manifest ("
                    + (e.getMessage() == null ? e.toString() : e.getMessage()).lines().findFirst().orElse("") + ")", e);
        }
    }

    /** The model in the whole file {@code bytes}. */
    static Model decode(byte[] bytes, String source) throws ModelFileException {
        Layout layout = layout(bytes, bytes.length, source);
        byte[] section = layout.version() >= 2 ? layout.classifierSection(bytes) : null; // not the whole file
        return decode(bytes, bytes.length, source, checked -> section);
    }

    /** The model in a file of {@code size} bytes whose head is {@code head}; its classifier section comes from {@code sections}. */
    private static Model decode(byte[] head, long size, String source, SectionReader sections) throws ModelFileException {
        Layout layout = layout(head, size, source);
        if (!headMatches(head, layout)) {
            throw headMismatch(source);
        }
        return readPayload(() -> switch (layout.version()) {
            case 1 -> decodeVersion1(parseManifest(head, layout, source), inflate(head, layout.payloadAt(), layout.payloadLength()), source);
            case 2 -> decodePayload(parseManifest(head, layout, source),
                    ByteBuffer.wrap(inflate(head, layout.payloadAt(), layout.payloadLength())), layout, sections, source);
            default -> decodePayload(parseManifest(head, layout, source),
                    ByteBuffer.wrap(head, layout.payloadAt(), layout.payloadLength()), layout, sections, source);
        }, source);
    }

    private interface PayloadReader {
        Model read() throws IOException;
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

    /** The model from the payload of format 2 or 3 ({@code in}, inflated for format 2), its head checksum already checked. */
    private static Model decodePayload(Manifest manifest, ByteBuffer in, Layout layout, SectionReader sections, String source)
            throws ModelFileException {
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
                                     double[] idf, ByteBuffer in, Layout layout, SectionReader sections, String source)
            throws ModelFileException {
        LinearPath linear = in.get() != 0 ? LinearPath.read(in, manifest.labels().size()) : null;
        if (in.hasRemaining()) {
            throw new ModelFileException(source + ": " + in.remaining() + " unexpected bytes after the model payload");
        }
        FeatureSettings featureSettings = FeatureSettings.fromMap(settings);
        FeaturePipeline pipeline = new FeaturePipeline(featureSettings, buckets != null
                ? HashedNgrams.of(featureSettings.ngrams(), buckets, idf)
                : VocabularyNgrams.of(featureSettings.ngrams(), vocabulary, idf));
        if (linear != null) {
            return Model.lean(manifest, pipeline, linear, ClassifierPool.lazy(() -> classifier(layout, sections, source), source));
        }
        byte[] serialized = classifier(layout, sections, source);
        return Model.of(manifest, pipeline, serialized, SafeSerialization.deserialize(serialized, Classifier.class, source));
    }

    private static Model decodeVersion1(Manifest manifest, byte[] payload, String source) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int settingsCount = in.readInt();
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 0; i < settingsCount; i++) {
                settings.put(in.readUTF(), in.readUTF());
            }
            int terms = in.readInt();
            if (terms < 0 || terms > MAX_TERMS) {
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
            Classifier classifier = SafeSerialization.deserialize(classifierBytes, Classifier.class, source);
            return Model.of(manifest, pipeline(settings, vocabulary, idf), classifierBytes, classifier);
        }
    }

    private static FeaturePipeline pipeline(Map<String, String> settings, String[] vocabulary, double[] idf) {
        FeatureSettings featureSettings = FeatureSettings.fromMap(settings);
        return new FeaturePipeline(featureSettings, VocabularyNgrams.of(featureSettings.ngrams(), vocabulary, idf));
    }

    private static byte[] inflate(byte[] bytes, int from, int length) throws IOException {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes, from, length), new Inflater(), 1 << 16)) {
            return in.readAllBytes();
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
        return ManifestCodec.toJson(manifest);
    }

}

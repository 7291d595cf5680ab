package dev.commentguard.model;

import dev.commentguard.ModelFileException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Where the parts of a checked model file lie, and the checks that find them. Layout, all integers big-endian:
 * <pre>
 *   8 bytes   magic "CGMODEL\n"
 *   2 bytes   format version
 *   4 bytes   manifest length M, then M bytes of manifest JSON (UTF-8)
 *   8 bytes   payload length P, then P bytes of payload (deflated in formats 1 and 2)
 *   8 bytes   classifier section length C            (format 2 onwards)
 *  32 bytes   SHA-256 of the classifier section      (format 2 onwards)
 *   4 bytes   CRC-32C of everything before it        (32 bytes, a SHA-256, in formats 1 and 2)
 *   C bytes   classifier section: the deflated, serialised Weka classifier (format 2 onwards)
 * </pre>
 * {@link ModelFileWriter} describes the payload of the current format, {@link LegacyModelFormats} that of format 1.
 * The classifier fields are those of format 2 onwards (zero and {@code null} in format 1). Immutable.
 *
 * @param version          format version
 * @param manifestLength   length of the manifest, which starts at {@link #HEADER_BYTES}
 * @param payloadAt        where the payload starts
 * @param payloadLength    length of the payload as stored
 * @param checksumAt       where the head checksum starts: the length of everything it covers
 * @param classifierLength length of the classifier section
 * @param classifierDigest SHA-256 of the classifier section, as stored
 */
record ModelFileLayout(int version, int manifestLength, int payloadAt, int payloadLength, int checksumAt,
                       int classifierLength, byte[] classifierDigest) {

    static final byte[] MAGIC = "CGMODEL\n".getBytes(StandardCharsets.US_ASCII);
    /** Magic, version and manifest length: where the manifest starts. */
    static final int HEADER_BYTES = MAGIC.length + 2 + 4;
    /** Length of a SHA-256: the classifier section's digest, and the head checksum of formats 1 and 2. */
    static final int CHECKSUM_BYTES = 32;
    /** Length of the head checksum from format 3 on, a CRC-32C. */
    private static final int CRC_BYTES = 4;
    /** Refuse files beyond this size rather than exhaust memory on a hostile or mistaken input. */
    static final long MAX_FILE_BYTES = 1L << 31;

    /**
     * Checks the structure: magic, version, and every length against the file size, {@code fileSize}; {@code bytes}
     * holds the whole file or at least its head, as {@link #readHead} reads it.
     */
    static ModelFileLayout of(byte[] bytes, long fileSize, String source) throws ModelFileException {
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new ModelFileException(source + ": not a CommentGuard model file (wrong magic bytes)");
        }
        if (fileSize < HEADER_BYTES) {
            throw new ModelFileException(source + ": truncated model file (" + fileSize + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int version = Short.toUnsignedInt(buf.getShort(MAGIC.length));
        if (version > ModelFile.FORMAT_VERSION) {
            throw new ModelFileException(source + ": model format version " + version
                    + " is newer than this CommentGuard reads (" + ModelFile.FORMAT_VERSION + "); upgrade CommentGuard");
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
        return new ModelFileLayout(version, (int) manifestLength, (int) payloadAt + 8, (int) payloadLength,
                (int) end, (int) classifierLength, classifierDigest);
    }

    /**
     * The first bytes of a file of {@code size} bytes that loading needs: all but the classifier section of
     * format 2 onwards, as far as the lengths at its start tell (the whole file for format 1). Lengths that
     * make no sense read no further than the file, for {@link #of} to report.
     */
    static byte[] readHead(InputStream in, long size) throws IOException {
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

    int classifierAt() {
        return checksumAt + headChecksumBytes(version);
    }

    /** A copy of the classifier section, not yet checked. */
    byte[] classifierSection(byte[] bytes) {
        return Arrays.copyOfRange(bytes, classifierAt(), classifierAt() + classifierLength);
    }

    /** Checks the checksum of everything up to the classifier section, in {@code bytes}, the file's head or all of it. */
    void checkHead(byte[] bytes, String source) throws ModelFileException {
        byte[] expected = Arrays.copyOfRange(bytes, checksumAt, classifierAt());
        if (!MessageDigest.isEqual(expected, headChecksum(bytes, checksumAt, version))) {
            throw new ModelFileException(source + ": checksum mismatch, the model file is corrupt or has been modified");
        }
    }

    /** Checks {@code section}, as read, against the classifier section's SHA-256. */
    void checkClassifierSection(byte[] section, String source) throws ModelFileException {
        if (!MessageDigest.isEqual(classifierDigest, sha256(section, section.length))) {
            throw new ModelFileException(source + ": checksum mismatch in the classifier section, the model file is corrupt or has been modified");
        }
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
    static byte[] headChecksum(byte[] bytes, int length, int version) {
        if (version < 3) {
            return sha256(bytes, length);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return ByteBuffer.allocate(CRC_BYTES).putInt((int) crc.getValue()).array();
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
}

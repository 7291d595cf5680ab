package dev.commentguard.model;

import dev.commentguard.ModelFileException;
import dev.commentguard.io.AtomicFile;
import dev.commentguard.io.FileProblems;
import dev.commentguard.io.OutputException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Saves and loads model files: the file's side of them (where the bytes come from and go to); the format is
 * {@link ModelFileLayout}'s, written by {@link ModelFileWriter} and read by {@link ModelFileReader}.
 *
 * <p>Reading checks the magic, the version, every length against the file size and the checksum of
 * everything up to the classifier section before it parses anything. Scoring a logistic model needs
 * nothing from the classifier section, so it is checked against its own SHA-256, inflated and
 * deserialised (through an allow-list) only when something first needs the Weka classifier: a file's
 * every byte is thus checked before it is used, and a one-comment run pays for neither Java
 * deserialisation nor Weka's classes. Other learners need the classifier to score, so their classifier
 * section is checked and deserialised on load. {@link #readManifest} checks the whole file. Writing goes
 * to a temporary file in the same folder that is then renamed over the target, so an interrupted save
 * never leaves a half-written model. Stateless: thread-safe.
 */
public final class ModelFile {

    public static final int FORMAT_VERSION = 4;

    private ModelFile() {
    }

    /**
     * Writes {@code model} to {@code target} atomically: into a temporary sibling first, renamed over the
     * target only when complete, so that a crash or {@code kill -9} at any moment leaves the old file.
     */
    public static void save(Model model, Path target) throws IOException {
        byte[] bytes = ModelFileWriter.encode(model);
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

    /** Reads a model from a file: all but the classifier section of a logistic model, read again if ever needed. */
    public static Model load(Path file) throws IOException {
        long size = checkedSize(file);
        try (InputStream in = open(file)) {
            return ModelFileReader.decode(ModelFileLayout.readHead(in, size), size, file.toString(),
                    layout -> readSection(Files.newInputStream(file), layout));
        }
    }

    /** Reads a model from a stream; the whole file is read, as a stream cannot be read a second time. */
    public static Model load(InputStream in, String source) throws IOException {
        return ModelFileReader.decode(in.readAllBytes(), source);
    }

    /**
     * Reads a model from a URL, such as the default model inside the jar: all but the classifier section of a logistic
     * model, which is read again from the URL if something needs the Weka classifier.
     */
    public static Model load(URL url, String source) throws IOException {
        URLConnection connection = url.openConnection();
        long size = connection.getContentLengthLong();
        try (InputStream in = connection.getInputStream()) {
            checkSize(size, source);
            if (size < 0) { // a URL that does not tell its length
                return ModelFileReader.decode(in.readAllBytes(), source);
            }
            return ModelFileReader.decode(ModelFileLayout.readHead(in, size), size, source,
                    layout -> readSection(url.openStream(), layout));
        }
    }

    /** Reads only the manifest, checking magic, version, lengths and the checksums of the whole file. */
    public static Manifest readManifest(Path file) throws IOException {
        checkedSize(file);
        try (InputStream in = open(file)) {
            return ModelFileReader.manifest(in.readAllBytes(), file.toString());
        }
    }

    /** The size of a model file, or one error naming it: no such file, a directory, too large. */
    private static long checkedSize(Path file) throws ModelFileException {
        if (Files.isDirectory(file)) {
            throw new ModelFileException(file + ": is a directory, not a model file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file + ": no such model file");
        } catch (IOException e) {
            throw new ModelFileException(file + ": " + FileProblems.reason(e), e);
        }
        checkSize(size, file.toString());
        return size;
    }

    /** Refuses a file too large to be a model rather than exhaust memory on a hostile or mistaken input. */
    private static void checkSize(long size, String source) throws ModelFileException {
        if (size > ModelFileLayout.MAX_FILE_BYTES) {
            throw new ModelFileException(source + ": " + size + " bytes is too large for a model file");
        }
    }

    private static InputStream open(Path file) throws ModelFileException {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new ModelFileException(file + ": " + FileProblems.reason(e), e);
        }
    }

    /** The classifier section from a new stream over the whole file, which this closes. */
    private static byte[] readSection(InputStream file, ModelFileLayout layout) throws IOException {
        try (InputStream in = file) {
            in.skipNBytes(layout.classifierAt());
            return in.readNBytes(layout.classifierLength());
        }
    }

    /** Hex SHA-256 of a byte array. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(ModelFileLayout.sha256(bytes, bytes.length));
    }

    /** The manifest as pretty JSON. */
    public static String toJson(Manifest manifest) {
        return ManifestCodec.toJson(manifest);
    }
}

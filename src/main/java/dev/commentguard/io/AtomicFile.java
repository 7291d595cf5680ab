package dev.commentguard.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A text file written to a temporary sibling and renamed over the target only on {@link #commit()}, so
 * that a failed or killed run leaves the previous file intact and never a half-written one. Not
 * thread-safe.
 */
public final class AtomicFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final Writer writer;
    private boolean committed;

    private AtomicFile(Path target) throws IOException {
        Path renamed = renameTarget(target);
        this.target = renamed != null ? renamed : target;
        this.temporary = renamed != null ? temporarySibling(renamed) : null;
        this.writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary != null ? temporary : target),
                StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * The file a finished temporary file should be renamed over: the target itself, or the file a
     * symbolic link names (so that the link stays a link); {@code null} for a device or pipe such as
     * {@code /dev/null}, which renaming would replace and which must be written to directly.
     */
    public static Path renameTarget(Path target) throws IOException {
        if (!Files.exists(target)) {
            return target;
        }
        return Files.isRegularFile(target) ? target.toRealPath() : null;
    }

    /**
     * A new empty temporary file beside {@code target} (creating its folder), readable by all like an
     * ordinary output file where the file system has POSIX permissions.
     */
    public static Path temporarySibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", readable());
    }

    /** Moves {@code temporary} over {@code target} atomically where the file system can. */
    public static void replace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static java.nio.file.attribute.FileAttribute<?>[] readable() {
        if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new java.nio.file.attribute.FileAttribute<?>[0];
        }
        return new java.nio.file.attribute.FileAttribute<?>[] {java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"))};
    }

    public static AtomicFile create(Path target) throws IOException {
        return new AtomicFile(target);
    }

    public Writer writer() {
        return writer;
    }

    /** Closes the temporary file and moves it over the target. */
    public void commit() throws IOException {
        writer.close();
        if (temporary != null) {
            replace(temporary, target);
        }
        committed = true;
    }

    /** Without a commit, discards the temporary file. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                writer.close();
            } finally {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            }
        }
    }
}

package dev.commentguard.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A text file written to a temporary sibling and renamed over the target only on {@link #commit()}, so
 * that a failed or killed run leaves the previous file intact and never a half-written one. Temporary
 * files still open when the JVM is stopped by SIGINT or SIGTERM are removed by a shutdown hook (SIGKILL
 * leaves them: nothing runs then). Every failure to write, including a full disk, is an
 * {@link OutputException} naming the target. Not thread-safe.
 */
public final class AtomicFile implements AutoCloseable {

    private final String name;
    private final Path target;
    private final Path temporary;
    private final Writer writer;
    private boolean committed;

    private AtomicFile(Path target) throws IOException {
        this.name = target.toString();
        try {
            Path renamed = renameTarget(target);
            this.target = renamed != null ? renamed : target;
            this.temporary = renamed != null ? temporarySibling(renamed) : null;
            this.writer = new Checked(new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(temporary != null ? temporary : target), StandardCharsets.UTF_8), 1 << 16), name);
        } catch (IOException e) {
            throw OutputException.of(name, e);
        }
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
     * Fails now, with the reason, when {@code target} could not be written: for a command that writes its file at the
     * end of a long run (a model trained for minutes, then "permission denied"). Creates the target's folder, as
     * writing it would.
     */
    public static void checkWritable(Path target) throws OutputException {
        try {
            if (Files.isDirectory(target)) {
                throw new FileSystemException(target.toString(), null, "is a directory");
            }
            Path renamed = renameTarget(target);
            if (renamed == null) {
                if (!Files.isWritable(target)) {
                    throw new AccessDeniedException(target.toString());
                }
                return; // a device or pipe, written in place
            }
            discard(temporarySibling(renamed));
        } catch (IOException e) {
            throw OutputException.of(target.toString(), e);
        }
    }

    /**
     * A new empty temporary file beside {@code target} (creating its folder), readable by all like an
     * ordinary output file where the file system has POSIX permissions. It is removed if the JVM is
     * stopped by a signal before {@link #replace} or {@link #discard} lets go of it.
     */
    public static Path temporarySibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", readable());
        Pending.FILES.add(tmp);
        return tmp;
    }

    /** Moves {@code temporary} over {@code target} atomically where the file system can. */
    public static void replace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Pending.FILES.remove(temporary);
    }

    /** Deletes a temporary file from {@link #temporarySibling} that will not be committed, if it is still there. */
    public static void discard(Path temporary) throws IOException {
        try {
            Files.deleteIfExists(temporary);
        } finally {
            Pending.FILES.remove(temporary);
        }
    }

    /** The temporary files not yet renamed or discarded, and the shutdown hook that removes them. */
    private static final class Pending {
        static final Set<Path> FILES = ConcurrentHashMap.newKeySet();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : FILES) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException | RuntimeException e) {
                        // the JVM is stopping: nothing better to do with one that cannot be removed
                    }
                }
            }, "commentguard-remove-temporary-files"));
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

    /** The writer; its failures are {@link OutputException}s naming the target. */
    public Writer writer() {
        return writer;
    }

    /** Closes the temporary file and moves it over the target. */
    public void commit() throws IOException {
        writer.close();
        if (temporary != null) {
            try {
                replace(temporary, target);
            } catch (IOException e) {
                throw OutputException.of(name, e);
            }
        }
        committed = true;
    }

    /** Without a commit, discards the temporary file. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                writer.close();
            } catch (OutputException e) {
                // the write already failed, which is what the caller is reporting
            } finally {
                if (temporary != null) {
                    discard(temporary);
                }
            }
        }
    }

    /** A writer whose every failure says which output failed. */
    private static final class Checked extends Writer {
        private final Writer out;
        private final String name;

        Checked(Writer out, String name) {
            this.out = out;
            this.name = name;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            try {
                out.write(buf, off, len);
            } catch (IOException e) {
                throw OutputException.of(name, e);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            try {
                out.write(s, off, len);
            } catch (IOException e) {
                throw OutputException.of(name, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw OutputException.of(name, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw OutputException.of(name, e);
            }
        }
    }
}

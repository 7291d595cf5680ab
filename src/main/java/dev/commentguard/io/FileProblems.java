package dev.commentguard.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Why a file could not be read or written, in the words of an error line: "no such file", "permission denied". */
public final class FileProblems {

    private FileProblems() {
    }

    /** The reason behind {@code e}, without the file name the JDK puts in some messages. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) { // from making a folder where a file is
            return f.getFile() + " is a file, not a folder";
        }
        String message = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("broken pipe")) {
            return "broken pipe (the reader has gone)";
        }
        if (lower.contains("no space left")) {
            return "no space left on device";
        }
        if (lower.contains("permission denied")) {
            return "permission denied";
        }
        if (lower.contains("is a directory")) {
            return "is a directory";
        }
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /**
     * Opens a file to read, or fails with one line naming it and why: no such file, permission denied, is a
     * directory (which the JDK would only report at the first read, without the name).
     */
    public static InputStream open(Path file) throws InputFormatException {
        if (Files.isDirectory(file)) {
            throw new InputFormatException(file.toString(), 0, "is a directory");
        }
        try {
            // A pipe (/dev/stdin, <(...)): the channel stream's available() seeks, which a pipe cannot ("Illegal seek").
            return !Files.exists(file) || Files.isRegularFile(file) ? Files.newInputStream(file)
                    : new java.io.FileInputStream(file.toFile());
        } catch (IOException e) {
            throw new InputFormatException(file.toString(), 0, reason(e), e);
        }
    }
}

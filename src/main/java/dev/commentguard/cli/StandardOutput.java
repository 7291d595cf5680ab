package dev.commentguard.cli;

import dev.commentguard.io.OutputException;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * Standard output as picocli wants it, a PrintWriter, that keeps the write error a PrintWriter swallows (a full
 * disk, a reader that has gone), so that the command can stop and say so. Not thread-safe, like the output itself.
 */
final class StandardOutput extends PrintWriter {

    static final String NAME = "standard output";

    private final Recording stream;

    /** The process's standard output, in the encoding {@code System.out} uses. */
    StandardOutput() {
        this(new FileOutputStream(FileDescriptor.out), charset());
    }

    StandardOutput(OutputStream out, Charset charset) {
        this(new Recording(out), charset);
    }

    private StandardOutput(Recording stream, Charset charset) {
        super(new BufferedWriter(new OutputStreamWriter(stream, charset), 1 << 13), false);
        this.stream = stream;
    }

    /** Java 17's choice for {@code System.out}, which picocli follows too. */
    private static Charset charset() {
        String name = System.getProperty("sun.stdout.encoding");
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /** Flushes {@code out} and throws when anything written to it so far was not written. */
    static void check(PrintWriter out) throws OutputException {
        if (out.checkError()) {
            throw new OutputException(NAME, out instanceof StandardOutput s ? s.stream.failure : null);
        }
    }

    /**
     * A writer onto {@code out} that throws as soon as a write to the process's standard output has failed, so that
     * work whose output can no longer be written stops; a cheap check, made after every write.
     */
    static Writer checked(PrintWriter out) {
        return new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                out.write(buf, off, len);
                failFast(out);
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                out.write(s, off, len);
                failFast(out);
            }

            @Override
            public void flush() throws IOException {
                check(out);
            }

            @Override
            public void close() throws IOException {
                check(out); // standard output itself stays open
            }
        };
    }

    private static void failFast(PrintWriter out) throws OutputException {
        if (out instanceof StandardOutput s && s.stream.failure != null) {
            throw new OutputException(NAME, s.stream.failure);
        }
    }

    /** The bytes on their way out, and the first failure to write them. */
    private static final class Recording extends FilterOutputStream {
        volatile IOException failure;

        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}

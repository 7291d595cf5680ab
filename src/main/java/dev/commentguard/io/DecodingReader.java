package dev.commentguard.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes an input strictly, dropping a leading byte-order mark, and counts the physical lines (CR, LF or CRLF) of
 * what it has decoded, so that bytes that are not valid text are reported at their own line however far ahead of
 * the parser the decoding runs. Not thread-safe.
 */
final class DecodingReader extends Reader {

    private final InputStream in;
    private final Charset charset;
    private final String name;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private long lineBreaks;
    private boolean afterCr;
    private boolean started;
    private boolean eof;
    private boolean flushed;
    private boolean bomDropped;

    DecodingReader(InputStream in, Charset charset, String name) {
        this.in = in;
        this.charset = charset;
        this.name = name;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        chars.flip(); // empty, ready to be read from
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            decodeMore();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        return n;
    }

    private void decodeMore() throws IOException {
        if (!eof) {
            int read = in.read(bytes.array(), bytes.position(), bytes.limit() - bytes.position());
            if (read < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + read);
            }
        }
        bytes.flip();
        if (!started) {
            if (bytes.remaining() < 2 && !eof) {
                bytes.compact();
                return; // a byte more before the first look at the input
            }
            started = true;
            String utf16 = Encodings.utf16Instead(charset, bytes.array(), bytes.remaining());
            if (utf16 != null) {
                throw new InputFormatException(name, 1, utf16);
            }
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, eof);
        if (!result.isError() && eof && !bytes.hasRemaining()) {
            flushed = !decoder.flush(chars).isOverflow();
        }
        chars.flip();
        countLines();
        if (result.isError()) {
            throw new InputFormatException(name, lineBreaks + 1,
                    Encodings.invalid(charset, bytes.array(), bytes.position(), result.length(), bytes.limit()));
        }
        bytes.compact();
        if (!bomDropped && chars.hasRemaining()) {
            bomDropped = true;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get(); // a byte-order mark is not text
            }
        }
    }

    private void countLines() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            char c = chars.get(i);
            if (c == '\r' || c == '\n' && !afterCr) {
                lineBreaks++;
            }
            afterCr = c == '\r';
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

package dev.commentguard.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Standard input (or any stream) a line at a time, each line decoded strictly on its own, so that a line that is
 * not valid text is reported at its own number and the next line can still be read: what {@code score} reads from
 * a pipe, one comment a line. A line ends at LF, and a CR before it is dropped. Not thread-safe.
 */
public final class InputLines {

    /** Longest line read, in bytes; the rest of a longer line is skipped and the line reported. */
    public static final int MAX_LINE_BYTES = 16 << 20;

    private final InputStream in;
    private final Charset charset;
    private final String name;
    private byte[] line = new byte[256];
    private long number;

    public InputLines(InputStream in, Charset charset, String name) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        this.charset = charset;
        this.name = name;
    }

    /** The number of the line last returned (or reported), from 1. */
    public long number() {
        return number;
    }

    /**
     * The next line, or null at the end of the input.
     *
     * @throws InputFormatException naming the line when its bytes are not valid text or it is too long; the next
     *                              call goes on with the line after it
     */
    public String next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (length == MAX_LINE_BYTES) {
                tooLong = true;
                continue;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, 2 * line.length));
            }
            line[length++] = (byte) b;
        }
        if (b < 0 && length == 0 && !tooLong) {
            return null;
        }
        number++;
        if (tooLong) {
            throw new InputFormatException(name, number, String.format(java.util.Locale.ROOT,
                    "the line is longer than %,d bytes", MAX_LINE_BYTES));
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (number == 1) {
            String utf16 = Encodings.utf16Instead(charset, line, length);
            if (utf16 != null) {
                throw new InputFormatException(name, number, utf16);
            }
        }
        String text = decode(length);
        return number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private String decode(int length) throws InputFormatException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate((int) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            throw new InputFormatException(name, number, Encodings.invalid(charset, line, bytes.position(), result.length(), length));
        }
        return chars.flip().toString();
    }
}

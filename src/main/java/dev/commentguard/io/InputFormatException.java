package dev.commentguard.io;

import java.io.IOException;

/** Input that cannot be read as comments. The message names the file, the line and the problem. */
public class InputFormatException extends IOException {

    private final String file;
    private final long line;
    private final String problem;

    public InputFormatException(String file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public InputFormatException(String file, long line, String problem, Throwable cause) {
        this(file, line, problem);
        initCause(cause);
    }

    public String file() {
        return file;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }

    /** 1-based line number, or 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }
}

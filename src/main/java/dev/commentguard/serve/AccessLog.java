package dev.commentguard.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One JSON object a line per request: time, method, path, status, milliseconds, bytes in and out, the client's
 * address and, for a single comment scored, the action. Never the comment or the key. Thread-safe: lines are written
 * whole, one at a time.
 */
final class AccessLog {

    private static final JsonFactory JSON = new JsonFactory();

    /** Replaced when the log file is opened again (SIGHUP, after logrotate moved it). */
    private volatile PrintStream out;

    /** @param out where the lines go, or {@code null} for no log */
    AccessLog(PrintStream out) {
        this.out = out;
    }

    /** Logs to {@code next} (null: nowhere) from now on; returns where it logged until now. */
    synchronized PrintStream swap(PrintStream next) {
        PrintStream before = out;
        out = next;
        return before;
    }

    void log(Request request, String path, int status, long nanos, long in, long outBytes, String action) {
        write(request.getMethod(), path, status, nanos, in, outBytes, Request.getRemoteAddr(request), action);
    }

    /** A request that could not be parsed: no method, path or client to name. */
    void unparsed(int status, long outBytes) {
        write(null, null, status, 0, 0, outBytes, null, null);
    }

    private void write(String method, String path, int status, long nanos, long in, long outBytes, String remote,
                       String action) {
        PrintStream to = out;
        if (to == null) {
            return;
        }
        StringWriter line = new StringWriter(192);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.now().toString());
            g.writeStringField("method", method);
            g.writeStringField("path", path);
            g.writeNumberField("status", status);
            g.writeNumberField("ms", Math.round(nanos / 1e4) / 100.0);
            g.writeNumberField("bytes_in", in);
            g.writeNumberField("bytes_out", outBytes);
            g.writeStringField("remote", remote);
            if (action != null) {
                g.writeStringField("action", action);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) { // not into a stream that a swap has just handed back to be closed: the line would be lost
            if (out != null) {
                out.println(line);
            }
        }
    }
}

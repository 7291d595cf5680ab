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

    private final PrintStream out;

    /** @param out where the lines go, or {@code null} for no log */
    AccessLog(PrintStream out) {
        this.out = out;
    }

    void log(Request request, String path, int status, long nanos, long in, long outBytes, String action) {
        if (out == null) {
            return;
        }
        StringWriter line = new StringWriter(192);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.now().toString());
            g.writeStringField("method", request.getMethod());
            g.writeStringField("path", path);
            g.writeNumberField("status", status);
            g.writeNumberField("ms", Math.round(nanos / 1e4) / 100.0);
            g.writeNumberField("bytes_in", in);
            g.writeNumberField("bytes_out", outBytes);
            g.writeStringField("remote", Request.getRemoteAddr(request));
            if (action != null) {
                g.writeStringField("action", action);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(line);
    }
}

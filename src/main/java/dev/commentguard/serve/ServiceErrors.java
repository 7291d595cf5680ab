package dev.commentguard.serve;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The answers Jetty gives before a request reaches {@link Routes}: a request it cannot parse or whose path is
 * ambiguous ({@code //1.1/comment-check}, {@code /a%zz}), headers too large, a request that arrives while the server
 * stops. They are plain text like every other answer of the service, not Jetty's HTML page, and they are counted in
 * the metrics (route {@code other}) and written to the access log like the rest. Thread-safe, as the metrics and the
 * log are.
 */
final class ServiceErrors extends ErrorHandler {

    private final ServiceMetrics metrics;
    private final AccessLog log;

    ServiceErrors(ServiceMetrics metrics, AccessLog log) {
        this.metrics = metrics;
        this.log = log;
    }

    /** Every method gets its answer written, counted and logged: Jetty's own writes a body for GET, POST and HEAD only. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        byte[] out = text(code, message);
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Answer.TEXT);
        if (code == HttpStatus.SERVICE_UNAVAILABLE_503) { // stopping: another instance may answer
            response.getHeaders().put("Retry-After", "1");
        }
        metrics.request("other", code, 0);
        response.write(true, ByteBuffer.wrap(out), callback);
        log.log(request, Request.getPathInContext(request), code, 0, 0, out.length, null);
    }

    /** A request that could not be parsed at all: no request to answer through, only its status and reason. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        byte[] out = text(status, reason);
        fields.put(HttpHeader.CONTENT_TYPE, Answer.TEXT);
        metrics.request("other", status, 0);
        log.unparsed(status, out.length);
        return ByteBuffer.wrap(out);
    }

    private static byte[] text(int code, String message) {
        String reason = HttpStatus.getMessage(code);
        return ((message == null || message.isBlank() ? reason : message) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}

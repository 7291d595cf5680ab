package dev.commentguard.serve;

import dev.commentguard.feedback.FeedbackStore;
import dev.commentguard.io.FileProblems;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Every route of the service: what all requests share (the limit on requests in flight, the limit on the body,
 * the routes that need no key, the metrics and the access log), with the two APIs behind it,
 * {@link AkismetApi} and {@link JsonApi}. Thread-safe: requests share the scorer holder, the feedback store, the
 * metrics and the access log, all thread-safe; nothing else is kept between requests.
 */
final class Routes extends Handler.Abstract {

    private static final Set<String> ROUTES = Set.of("/1.1/verify-key", "/1.1/comment-check", "/1.1/submit-spam",
            "/1.1/submit-ham", "/v1/score", "/v1/feedback", "/healthz", "/metrics", "/admin/reload");

    private final ScorerHolder scorer;
    private final ServiceMetrics metrics;
    private final AccessLog log;
    private final int maxBodyBytes;
    private final Semaphore inFlight;
    private final AkismetApi akismet;
    private final JsonApi json;

    Routes(ScorerHolder scorer, FeedbackStore feedback, ApiKeys keys, ServiceMetrics metrics, AccessLog log,
           int maxBodyBytes, int maxInFlight) {
        this.scorer = scorer;
        this.metrics = metrics;
        this.log = log;
        this.maxBodyBytes = maxBodyBytes;
        this.inFlight = new Semaphore(maxInFlight);
        this.akismet = new AkismetApi(scorer, feedback, keys, metrics);
        this.json = new JsonApi(scorer, feedback, keys, metrics);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        String route = ROUTES.contains(path) ? path : "other";
        Answer answer;
        long[] bodyBytes = {0};
        if (!inFlight.tryAcquire()) {
            answer = new Answer(503, Answer.TEXT, "busy: too many requests in progress, retry shortly\n",
                    Map.of("Retry-After", "1"), null);
        } else {
            try {
                answer = dispatch(route, request, bodyBytes);
            } catch (Refusal r) {
                answer = r.answer;
            } catch (IOException e) {
                answer = unreadable(e);
            } catch (RuntimeException e) {
                answer = Answer.text(500, "internal error: " + e + "\n");
            } finally {
                inFlight.release();
            }
        }
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        if (bodyBytes[0] < 0) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(out), callback);
        long nanos = System.nanoTime() - start;
        metrics.request(route, answer.status(), nanos);
        log.log(request, path, answer.status(), nanos, Math.max(0, bodyBytes[0]), out.length, answer.action());
        return true;
    }

    private Answer dispatch(String route, Request request, long[] bodyBytes) throws Refusal, IOException {
        switch (route) {
            case "/healthz" -> {
                return Answer.text(200, "ok\n");
            }
            case "/metrics" -> {
                return new Answer(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render(scorer.get().manifest()),
                        Map.of(), null);
            }
            case "other" -> throw new Refusal(404, "no such route: " + Request.getPathInContext(request));
            default -> {
                if (!"POST".equals(request.getMethod())) {
                    throw new Refusal(new Answer(405, Answer.TEXT, route + " takes POST\n", Map.of("Allow", "POST"), null));
                }
            }
        }
        String body = body(request, bodyBytes);
        return route.startsWith("/1.1/") ? akismet.answer(route, request, body) : json.answer(route, request, body);
    }

    /**
     * The body as UTF-8 text, refused with 413 beyond the limit; {@code bytes[0]} gets the bytes read, or -1 when the
     * body was not read to its end and the connection must close. A body over the limit but under {@link #DRAINED}
     * is read and dropped before the refusal: closing with a client's bytes still unread resets the connection, and
     * a reset can reach the client before the 413 does (RFC 9112, section 9.6).
     */
    private String body(Request request, long[] bytes) throws Refusal, IOException {
        long declared = request.getLength();
        InputStream in = Content.Source.asInputStream(request);
        if (declared > maxBodyBytes) {
            bytes[0] = -1; // until the drain ends, if it fails
            bytes[0] = declared <= DRAINED ? drained(in, 0) : -1;
            throw new Refusal(413, "request body of " + declared + " bytes is over the limit of " + maxBodyBytes);
        }
        byte[] data = in.readNBytes(maxBodyBytes + 1);
        if (data.length > maxBodyBytes) {
            bytes[0] = -1;
            bytes[0] = drained(in, data.length);
            throw new Refusal(413, "request body is over the limit of " + maxBodyBytes + " bytes");
        }
        bytes[0] = data.length;
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) { // scored as replacement characters, it would be a verdict on other text
            throw new Refusal(400, "the request body is not valid UTF-8");
        }
    }

    /**
     * The answer to a body that could not be read: 408 when the client stopped sending (the idle timeout), else 400
     * with the reason, never a Java exception's name.
     */
    static Answer unreadable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) {
                return new Answer(408, Answer.TEXT, "the request body stopped arriving: timed out\n",
                        Map.of("Connection", "close"), null);
            }
        }
        return Answer.text(400, "cannot read the request body: " + FileProblems.reason(e) + "\n");
    }

    /** The largest body over the limit that is read to its end (and dropped) so that its 413 arrives. */
    static final long DRAINED = 64L << 20;

    /** Reads and drops the rest of a body of which {@code read} bytes are read: its length, or -1 past {@link #DRAINED}. */
    private static long drained(InputStream in, long read) throws IOException {
        byte[] buffer = new byte[64 << 10];
        long total = read;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > DRAINED) {
                return -1;
            }
        }
        return total;
    }
}

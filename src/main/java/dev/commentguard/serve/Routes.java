package dev.commentguard.serve;

import dev.commentguard.feedback.FeedbackStore;
import dev.commentguard.io.FileProblems;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
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
import java.util.concurrent.atomic.AtomicReference;

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
    /** The connections with a request in progress, which stopping lets finish; the idle ones it closes. */
    private final Set<EndPoint> active = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The keys accepted, replaced whole when they are read again (SIGHUP). */
    private final AtomicReference<ApiKeys> keys;
    /** The keys that may reload the model, or null for the same keys as the rest. */
    private final AtomicReference<ApiKeys> adminKeys = new AtomicReference<>();
    private final AkismetApi akismet;
    private final JsonApi json;

    Routes(ScorerHolder scorer, FeedbackStore feedback, ApiKeys keys, ServiceMetrics metrics, AccessLog log,
           int maxBodyBytes, int maxInFlight) {
        this.scorer = scorer;
        this.metrics = metrics;
        this.log = log;
        this.maxBodyBytes = maxBodyBytes;
        this.inFlight = new Semaphore(maxInFlight);
        this.keys = new AtomicReference<>(keys);
        this.akismet = new AkismetApi(scorer, feedback, this.keys, metrics);
        this.json = new JsonApi(scorer, feedback, this.keys, adminKeys, metrics);
    }

    /** Accepts {@code next} from the next request on. */
    void keys(ApiKeys next) {
        keys.set(java.util.Objects.requireNonNull(next, "keys"));
    }

    /** Lets {@code next} alone reload the model from the next request on; null lets every accepted key. */
    void adminKeys(ApiKeys next) {
        adminKeys.set(next);
    }

    /** Logs to {@code next} from the next request on; returns where it logged until now. */
    java.io.PrintStream accessLog(java.io.PrintStream next) {
        return log.swap(next);
    }

    /** Whether a request on {@code endPoint} is being handled or answered. */
    boolean isActive(EndPoint endPoint) {
        return active.contains(endPoint);
    }

    @Override
    public boolean handle(Request request, Response response, Callback done) {
        long start = System.nanoTime();
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        active.add(endPoint);
        // No longer active before Jetty hears the request is done: a next request on the connection may start then.
        Callback callback = new Callback.Nested(done) {
            @Override
            public void succeeded() {
                active.remove(endPoint);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                active.remove(endPoint);
                super.failed(x);
            }
        };
        String path = Request.getPathInContext(request);
        String route = ROUTES.contains(path) ? path : "other";
        Answer answer;
        long[] bodyBytes = {0};
        // Health checks and metrics are not counted: they read no body, and an operator needs them most when busy.
        boolean counted = !route.equals("/healthz") && !route.equals("/metrics");
        if (counted && !inFlight.tryAcquire()) {
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
                if (counted) {
                    inFlight.release();
                }
            }
        }
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        if (bodyBytes[0] < 0) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        // Counted before the answer goes (a client that has its answer finds it in the metrics), logged after it: a
        // log that cannot be written (a stalled collector on standard error) holds this thread, never the answer.
        long nanos = System.nanoTime() - start;
        metrics.request(route, answer.status(), nanos);
        response.write(true, ByteBuffer.wrap(out), callback);
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
        String encoding = request.getHeaders().get(HttpHeader.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            bodyBytes[0] = -1; // not read: the connection closes
            throw new Refusal(415, "Content-Encoding " + encoding.strip() + " is not supported: send the body uncompressed");
        }
        byte[] body = body(request, bodyBytes);
        return route.startsWith("/1.1/") ? akismet.answer(route, request, body) : json.answer(route, request, utf8(request, body));
    }

    /** A JSON body as text: JSON is UTF-8 (RFC 8259), whatever else a request declares. */
    private static String utf8(Request request, byte[] body) throws Refusal {
        java.nio.charset.Charset declared;
        try {
            declared = Forms.declaredCharset(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        } catch (IllegalArgumentException e) {
            throw new Refusal(415, "JSON is read as UTF-8 (RFC 8259); " + e.getMessage());
        }
        if (declared != null && declared != StandardCharsets.UTF_8) {
            throw new Refusal(415, "JSON is read as UTF-8 (RFC 8259), not " + declared.name());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) { // scored as replacement characters, it would be a verdict on other text
            throw new Refusal(400, "the request body is not valid UTF-8");
        }
    }

    /**
     * The body's bytes, refused with 413 beyond the limit; {@code bytes[0]} gets the bytes read, or -1 when the
     * body was not read to its end and the connection must close. A body over the limit but under {@link #DRAINED}
     * is read and dropped before the refusal: closing with a client's bytes still unread resets the connection, and
     * a reset can reach the client before the 413 does (RFC 9112, section 9.6).
     */
    private byte[] body(Request request, long[] bytes) throws Refusal, IOException {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            bytes[0] = -1; // until the drain ends, if it fails
            // A client that waits for "100 Continue" has sent nothing yet: reading would ask it for the whole body.
            String expect = request.getHeaders().get(HttpHeader.EXPECT);
            boolean waiting = expect != null && expect.toLowerCase(java.util.Locale.ROOT).contains("100-continue");
            bytes[0] = declared <= DRAINED && !waiting ? drained(Content.Source.asInputStream(request), 0) : -1;
            throw new Refusal(413, "request body of " + declared + " bytes is over the limit of " + maxBodyBytes);
        }
        InputStream in = Content.Source.asInputStream(request);
        byte[] data = in.readNBytes(maxBodyBytes + 1);
        if (data.length > maxBodyBytes) {
            bytes[0] = -1;
            bytes[0] = drained(in, data.length);
            throw new Refusal(413, "request body is over the limit of " + maxBodyBytes + " bytes");
        }
        bytes[0] = data.length;
        return data;
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

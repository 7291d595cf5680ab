package dev.commentguard.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commentguard.Action;
import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.Verdict;
import dev.commentguard.feedback.Decision;
import dev.commentguard.feedback.FeedbackStore;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputFormatException;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.OutputFormat;
import dev.commentguard.io.VerdictWriter;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Every route of the service. Thread-safe: requests share the scorer holder, the feedback store, the metrics and
 * the access log, all thread-safe; nothing else is kept between requests.
 */
final class Routes extends Handler.Abstract {

    static final String THANKS = "Thanks for making the web a better place.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROUTES = Set.of("/1.1/verify-key", "/1.1/comment-check", "/1.1/submit-spam",
            "/1.1/submit-ham", "/v1/score", "/v1/feedback", "/healthz", "/metrics", "/admin/reload");

    private final ScorerHolder scorer;
    private final FeedbackStore feedback;
    private final ApiKeys keys;
    private final ServiceMetrics metrics;
    private final AccessLog log;
    private final int maxBodyBytes;
    private final Semaphore inFlight;

    Routes(ScorerHolder scorer, FeedbackStore feedback, ApiKeys keys, ServiceMetrics metrics, AccessLog log,
           int maxBodyBytes, int maxInFlight) {
        this.scorer = scorer;
        this.feedback = feedback;
        this.keys = keys;
        this.metrics = metrics;
        this.log = log;
        this.maxBodyBytes = maxBodyBytes;
        this.inFlight = new Semaphore(maxInFlight);
    }

    /** An answer: status, body and headers. */
    record Answer(int status, String contentType, String body, Map<String, String> headers, String action) {
        static Answer text(int status, String body) {
            return new Answer(status, "text/plain; charset=utf-8", body, Map.of(), null);
        }

        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of(), null);
        }
    }

    /** Ends a request early with its answer. */
    static final class Refusal extends Exception {
        final transient Answer answer;

        Refusal(Answer answer) {
            super(answer.body(), null, false, false);
            this.answer = answer;
        }

        Refusal(int status, String message) {
            this(Answer.text(status, message + "\n"));
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String path = Request.getPathInContext(request);
        String route = ROUTES.contains(path) ? path : "other";
        Answer answer;
        long[] bodyBytes = {0};
        if (!inFlight.tryAcquire()) {
            answer = new Answer(503, "text/plain; charset=utf-8", "busy: too many requests in progress, retry shortly\n",
                    Map.of("Retry-After", "1"), null);
        } else {
            try {
                answer = dispatch(route, request, bodyBytes);
            } catch (Refusal r) {
                answer = r.answer;
            } catch (IOException e) {
                answer = Answer.text(400, "cannot read the request: " + e.getMessage() + "\n");
            } catch (RuntimeException e) {
                answer = Answer.text(500, "internal error: " + e + "\n");
            } finally {
                inFlight.release();
            }
        }
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        answer.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        if (answer.status() == 413 || answer.status() == 400 && bodyBytes[0] < 0) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        response.write(true, java.nio.ByteBuffer.wrap(out), callback);
        long nanos = System.nanoTime() - start;
        metrics.request(route, answer.status(), nanos);
        log.log(request, path, answer.status(), nanos, Math.max(0, bodyBytes[0]), out.length, answer.action());
        return true;
    }

    private Answer dispatch(String route, Request request, long[] bodyBytes) throws Refusal, IOException {
        String method = request.getMethod();
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
                if (!"POST".equals(method)) {
                    throw new Refusal(new Answer(405, "text/plain; charset=utf-8", route + " takes POST\n",
                            Map.of("Allow", "POST"), null));
                }
            }
        }
        String body = body(request, bodyBytes);
        if (route.startsWith("/1.1/")) {
            return akismet(route, request, body);
        }
        requireKey(Arrays.asList(header(request, "X-API-Key"), bearer(request)), false);
        return switch (route) {
            case "/v1/score" -> score(body);
            case "/v1/feedback" -> feedback(body);
            case "/admin/reload" -> reload();
            default -> throw new IllegalStateException(route);
        };
    }

    private Answer akismet(String route, Request request, String body) throws Refusal {
        Map<String, String> form;
        try {
            form = Forms.parse(body);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, e.getMessage());
        }
        List<String> candidates = Arrays.asList(form.get("api_key"), form.get("key"), hostKey(request));
        if (route.equals("/1.1/verify-key")) {
            return keys.accepts(candidates) ? Answer.text(200, "valid") : new Answer(200, "text/plain; charset=utf-8", "invalid",
                    Map.of("X-akismet-debug-help", "The API key is not one this server accepts."), null);
        }
        requireKey(candidates, true);
        Comment comment = akismetComment(form);
        return switch (route) {
            case "/1.1/comment-check" -> {
                Verdict v = scorer.get().score(comment);
                metrics.verdict(v.action());
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("X-CommentGuard-Spam-Score", String.format(Locale.ROOT, "%.6f", v.spamScore()));
                headers.put("X-CommentGuard-Label", v.label());
                headers.put("X-CommentGuard-Action", v.action().code());
                if (v.action() == Action.BLOCK) {
                    headers.put("X-akismet-pro-tip", "discard");
                }
                boolean held = v.action() == Action.BLOCK || v.action() == Action.REVIEW;
                yield new Answer(200, "text/plain; charset=utf-8", held ? "true" : "false", headers, v.action().code());
            }
            case "/1.1/submit-spam" -> record(comment, "spam", "akismet submit-spam");
            case "/1.1/submit-ham" -> record(comment, "ok", "akismet submit-ham");
            default -> throw new Refusal(404, "no such route");
        };
    }

    /**
     * The comment in an Akismet form. Of the other fields Akismet defines, {@code comment_type}, {@code user_ip},
     * {@code user_agent}, {@code referrer}, {@code blog_lang} and {@code is_test} are accepted, and not used: the
     * model reads the comment, its author and its site, not the request it came in.
     */
    private static Comment akismetComment(Map<String, String> form) throws Refusal {
        String text = form.get("comment_content");
        if (text == null || text.isBlank()) {
            throw new Refusal(400, "Missing required field: comment_content.");
        }
        return Comment.builder().text(text).author(form.get("comment_author")).authorUrl(form.get("comment_author_url"))
                .authorEmail(form.get("comment_author_email")).site(form.get("blog")).permalink(form.get("permalink")).build();
    }

    private Answer record(Comment comment, String label, String by) throws Refusal {
        try {
            feedback.record(new Decision(comment, label, by, Instant.now()));
        } catch (IOException e) {
            throw new Refusal(500, "cannot record the decision: " + e.getMessage());
        }
        return Answer.text(200, THANKS);
    }

    private Answer score(String body) throws Refusal, IOException {
        JsonNode root = parseJson(body);
        List<Comment> comments = new ArrayList<>();
        for (InputRow row : rows(root)) {
            comments.add(row.comment());
        }
        CommentScorer s = scorer.get();
        List<Verdict> verdicts = s.scoreAll(comments);
        StringWriter out = new StringWriter(256 * verdicts.size());
        VerdictWriter writer = new VerdictWriter(OutputFormat.JSONL, out, s.labels(), false);
        for (int i = 0; i < verdicts.size(); i++) {
            writer.write(comments.get(i), verdicts.get(i));
            metrics.verdict(verdicts.get(i).action());
        }
        writer.flush();
        String lines = out.toString().strip();
        String json = root.isArray() ? "[" + String.join(",", lines.isEmpty() ? List.of() : List.of(lines.split("\n"))) + "]" : lines;
        return new Answer(200, "application/json", json + "\n", Map.of(), root.isArray() ? null : verdicts.get(0).action().code());
    }

    private Answer feedback(String body) throws Refusal {
        JsonNode root = parseJson(body);
        List<InputRow> rows = rows(root);
        List<Decision> decisions = new ArrayList<>();
        List<JsonNode> nodes = root.isArray() ? iterable(root) : List.of(root);
        for (int i = 0; i < rows.size(); i++) {
            InputRow row = rows.get(i);
            JsonNode decision = nodes.get(i).get("decision");
            String label = row.label() != null ? row.label() : decision != null && decision.isTextual() ? decision.asText() : null;
            if (label == null) {
                throw new Refusal(400, "comment " + (i + 1) + ": no decision (spam, ok or low_quality)");
            }
            JsonNode by = nodes.get(i).get("by");
            try {
                decisions.add(new Decision(row.comment(), label, by == null || !by.isTextual() ? "api" : by.asText(),
                        Instant.now()));
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "comment " + (i + 1) + ": " + e.getMessage());
            }
        }
        for (Decision d : decisions) {
            try {
                feedback.record(d);
            } catch (IOException e) {
                throw new Refusal(500, "cannot record the decision: " + e.getMessage());
            }
        }
        return Answer.json(200, "{\"recorded\":" + decisions.size() + "}\n");
    }

    private Answer reload() throws Refusal {
        try {
            CommentScorer next = scorer.reload();
            metrics.reload(true);
            StringWriter out = new StringWriter();
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeBooleanField("reloaded", true);
                g.writeStringField("created_at", next.manifest().createdAt());
                g.writeStringField("training_sha256", next.manifest().trainingSha256());
                g.writeEndObject();
            }
            return Answer.json(200, out + "\n");
        } catch (IOException | RuntimeException e) {
            metrics.reload(false);
            throw new Refusal(500, "reload failed, the previous model still serves: " + e.getMessage());
        }
    }

    private static List<InputRow> rows(JsonNode root) throws Refusal {
        List<JsonNode> nodes = root.isArray() ? iterable(root) : List.of(root);
        if (nodes.isEmpty()) {
            throw new Refusal(400, "an empty array: nothing to do");
        }
        List<InputRow> rows = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            try {
                rows.add(CommentReader.jsonLine(nodes.get(i).toString(), "request", i + 1, InputOptions.DEFAULT, Map.of()));
            } catch (InputFormatException e) {
                throw new Refusal(400, e.getMessage());
            }
        }
        return rows;
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>(array.size());
        array.forEach(nodes::add);
        return nodes;
    }

    private static JsonNode parseJson(String body) throws Refusal {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject() && !root.isArray()) {
                throw new Refusal(400, "expected a JSON object or an array of objects");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Refusal(400, "invalid JSON: " + e.getOriginalMessage());
        }
    }

    private void requireKey(List<String> candidates, boolean akismet) throws Refusal {
        if (!keys.accepts(candidates)) {
            throw new Refusal(new Answer(403, "text/plain; charset=utf-8", akismet ? "invalid" : "invalid or missing API key\n",
                    Map.of("X-akismet-debug-help", "The API key is not one this server accepts."), null));
        }
    }

    /** The body as UTF-8 text, refused with 413 beyond the limit; {@code bytes[0]} gets its length. */
    private String body(Request request, long[] bytes) throws Refusal, IOException {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            bytes[0] = -1;
            throw new Refusal(413, "request body of " + declared + " bytes is over the limit of " + maxBodyBytes);
        }
        InputStream in = Content.Source.asInputStream(request);
        byte[] data = in.readNBytes(maxBodyBytes + 1);
        if (data.length > maxBodyBytes) {
            bytes[0] = -1;
            throw new Refusal(413, "request body is over the limit of " + maxBodyBytes + " bytes");
        }
        bytes[0] = data.length;
        return new String(data, StandardCharsets.UTF_8);
    }

    private static String header(Request request, String name) {
        return request.getHeaders().get(name);
    }

    private static String bearer(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
    }

    /** The first label of the Host header, where Akismet's classic URLs put the key ({@code KEY.rest.akismet.com}). */
    private static String hostKey(Request request) {
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null) {
            return null;
        }
        int dot = host.indexOf('.');
        return dot > 0 ? host.substring(0, dot) : null;
    }
}

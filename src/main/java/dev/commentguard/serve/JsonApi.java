package dev.commentguard.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * CommentGuard's own JSON API ({@code /v1/score}, {@code /v1/feedback}, {@code /admin/reload}): a comment or an
 * array of them as JSON, read by the same rules as a JSON Lines file, and verdicts written as {@code score} writes
 * JSON Lines; the key in {@code X-API-Key} or {@code Authorization: Bearer}, one of the admin keys for
 * {@code /admin/reload} when the server has any. A record of the services it
 * answers with, all thread-safe; it keeps nothing between requests, so it is thread-safe too.
 */
record JsonApi(ScorerHolder scorer, FeedbackStore feedback, AtomicReference<ApiKeys> keys, AtomicReference<ApiKeys> adminKeys,
               ServiceMetrics metrics) {

    private static final ObjectMapper JSON = dev.commentguard.io.StrictJson.mapper();

    /** The answer to a POST to {@code route}, one of this API's routes, with its body read. */
    Answer answer(String route, Request request, String body) throws Refusal, IOException {
        java.util.List<String> given = Arrays.asList(request.getHeaders().get("X-API-Key"), bearer(request));
        ApiKeys admin = adminKeys.get(); // null: no admin keys of their own, a site's key may reload
        if (!(route.equals("/admin/reload") && admin != null ? admin : keys.get()).accepts(given)) {
            throw new Refusal(Answer.keyRefused(403, "invalid or missing API key\n"));
        }
        return switch (route) {
            case "/v1/score" -> score(body);
            case "/v1/feedback" -> feedback(body);
            case "/admin/reload" -> reload();
            default -> throw new IllegalStateException(route);
        };
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

    /** The comments of a request, each read as a line of JSON Lines would be. */
    private static List<InputRow> rows(JsonNode root) throws Refusal {
        List<JsonNode> nodes = root.isArray() ? iterable(root) : List.of(root);
        if (nodes.isEmpty()) {
            throw new Refusal(400, "an empty array: nothing to do");
        }
        List<InputRow> rows = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            try {
                rows.add(CommentReader.jsonObject(nodes.get(i), "request", i + 1, InputOptions.DEFAULT, Map.of()));
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
        } catch (JsonProcessingException e) {
            throw new Refusal(400, dev.commentguard.io.StrictJson.problem(e, "one object, or an array of objects"));
        }
    }

    private static String bearer(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
    }
}

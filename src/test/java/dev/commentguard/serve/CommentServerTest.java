package dev.commentguard.serve;

import dev.commentguard.Action;
import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.TestModels;
import dev.commentguard.Verdict;
import dev.commentguard.feedback.FeedbackStore;
import dev.commentguard.model.ModelFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The service on a loopback port, called over real HTTP with java.net.http. */
class CommentServerTest {

    private static final String KEY = "test-key-1";
    private static final String SPAM = "Call 0300-1234567 for free classified ads, best online shopping http://bit.ly/cheap";
    private static final String GENUINE = "I disagree with the minister: the figures in the third paragraph do not add up.";

    @TempDir
    static Path dir;

    private static CommentScorer scorer;
    private static FeedbackStore store;
    private static CommentServer server;
    private static HttpClient http;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Path model = dir.resolve("small.model");
        ModelFile.save(TestModels.small(), model);
        scorer = CommentScorer.load(model);
        store = FeedbackStore.open(dir.resolve("data"));
        server = CommentServer.start(CommentServer.Settings.defaults("127.0.0.1", 0), new ScorerHolder(scorer, model), store,
                ApiKeys.of(Set.of(KEY, "other-key")));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        store.close();
    }

    @Test
    void verifyKeyAnswersValidForAKeyAndInvalidOtherwise() throws Exception {
        assertThat(form("/1.1/verify-key", Map.of("key", KEY, "blog", "https://example.org")).body()).isEqualTo("valid");
        assertThat(form("/1.1/verify-key", Map.of("api_key", "other-key")).body()).isEqualTo("valid");
        HttpResponse<String> wrong = form("/1.1/verify-key", Map.of("key", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).isEqualTo("invalid");
    }

    @Test
    void commentCheckAnswersAsTheScorerDoesWithOurHeaders() throws Exception {
        for (String text : List.of(SPAM, GENUINE)) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("api_key", KEY);
            fields.put("blog", "https://news.example.org");
            fields.put("permalink", "https://news.example.org/2026/budget");
            fields.put("comment_type", "comment");
            fields.put("comment_author", "Reader");
            fields.put("comment_content", text);
            fields.put("user_ip", "203.0.113.7");
            fields.put("is_test", "1");
            HttpResponse<String> r = form("/1.1/comment-check", fields);
            Verdict expected = scorer.score(Comment.builder().text(text).author("Reader").site("https://news.example.org")
                    .permalink("https://news.example.org/2026/budget").build());
            assertThat(r.statusCode()).isEqualTo(200);
            boolean held = expected.action() == Action.REVIEW || expected.action() == Action.BLOCK;
            assertThat(r.body()).isEqualTo(held ? "true" : "false");
            assertThat(r.headers().firstValue("X-CommentGuard-Action")).contains(expected.action().code());
            assertThat(r.headers().firstValue("X-CommentGuard-Label")).contains(expected.label());
            assertThat(Double.parseDouble(r.headers().firstValue("X-CommentGuard-Spam-Score").orElseThrow()))
                    .isCloseTo(expected.spamScore(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(r.headers().firstValue("X-akismet-pro-tip").isPresent()).isEqualTo(expected.action() == Action.BLOCK);
        }
    }

    @Test
    void theKeyMayComeAsTheFirstLabelOfTheHostName() throws Exception {
        String body = "comment_content=" + URLEncoder.encode(GENUINE, StandardCharsets.UTF_8);
        assertThat(raw("POST /1.1/comment-check HTTP/1.1\r\nHost: " + KEY + ".rest.akismet.com\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body)).startsWith("HTTP/1.1 200").containsPattern("\r\n\r\n(true|false)$");
        assertThat(raw("POST /1.1/comment-check HTTP/1.1\r\nHost: wrong.rest.akismet.com\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body)).startsWith("HTTP/1.1 403").endsWith("invalid");
    }

    @Test
    void aWrongKeyIsRefusedOnEveryCall() throws Exception {
        for (String path : List.of("/1.1/comment-check", "/1.1/submit-spam", "/1.1/submit-ham")) {
            HttpResponse<String> r = form(path, Map.of("api_key", "nope", "comment_content", SPAM));
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).isEqualTo("invalid");
        }
        assertThat(json("/v1/score", "{\"text\":\"hello\"}", "nope").statusCode()).isEqualTo(403);
        assertThat(json("/admin/reload", "", null).statusCode()).isEqualTo(403);
    }

    @Test
    void badRequestsGetClearAnswers() throws Exception {
        HttpResponse<String> missing = form("/1.1/comment-check", Map.of("api_key", KEY, "comment_author", "x"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("comment_content");
        HttpResponse<String> malformed = post("/1.1/comment-check", "api_key=" + KEY + "&comment_content=100%zz",
                "application/x-www-form-urlencoded", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("malformed form encoding", "comment_content");
        assertThat(json("/v1/score", "{\"text\": ", KEY).body()).startsWith("invalid JSON");
        HttpResponse<String> jsonToAkismet = json("/1.1/comment-check", "{\"comment_content\":\"hello\"}", KEY);
        assertThat(jsonToAkismet.statusCode()).isEqualTo(400);
        assertThat(jsonToAkismet.body()).contains("takes a form", "/v1/score");
        HttpRequest latin1 = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/score"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray("{\"text\": \"caf\u00e9 r\u00e9serv\u00e9\"}"
                        .getBytes(StandardCharsets.ISO_8859_1))).build();
        HttpResponse<String> notUtf8 = http.send(latin1, HttpResponse.BodyHandlers.ofString());
        assertThat(notUtf8.statusCode()).isEqualTo(400);
        assertThat(notUtf8.body()).contains("not valid UTF-8");
        HttpResponse<String> two = json("/v1/score", "{\"id\":\"a\",\"text\":\"hello\"} {\"id\":\"b\",\"text\":\"hi\"}", KEY);
        assertThat(two.statusCode()).isEqualTo(400);
        assertThat(two.body()).contains("more after the JSON value");
        assertThat(json("/v1/score", "{\"author\":\"x\"}", KEY).statusCode()).isEqualTo(400);
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(get("/1.1/comment-check").statusCode()).isEqualTo(405);
    }

    @Test
    void aTenMegabyteBodyGets413AndTheServerKeepsServing() throws Exception {
        String big = "comment_content=" + "a".repeat(10 << 20);
        HttpResponse<String> r = post("/1.1/comment-check", big, "application/x-www-form-urlencoded", null);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("over the limit");
        assertThat(form("/1.1/comment-check", Map.of("api_key", KEY, "comment_content", GENUINE)).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyTooLargeToReadAndDropIsRefusedAndTheConnectionClosed() throws Exception {
        // Nothing of the declared 200 MB is sent: the answer comes at once, and the server closes rather than wait.
        String answer = raw("POST /1.1/comment-check HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + (200 << 20) + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("Connection: close").contains("over the limit");
        assertThat(form("/1.1/comment-check", Map.of("api_key", KEY, "comment_content", GENUINE)).statusCode()).isEqualTo(200);
    }

    @Test
    void submitSpamAndHamGoToTheFeedbackStore() throws Exception {
        long before = store.count();
        HttpResponse<String> spam = form("/1.1/submit-spam", Map.of("api_key", KEY, "comment_content", SPAM + " #submit",
                "comment_author", "Spammer", "blog", "https://news.example.org"));
        HttpResponse<String> ham = form("/1.1/submit-ham", Map.of("api_key", KEY, "comment_content", GENUINE + " #submit"));
        assertThat(spam.body()).isEqualTo(AkismetApi.THANKS);
        assertThat(ham.body()).isEqualTo(AkismetApi.THANKS);
        assertThat(store.count()).isEqualTo(before + 2);
        Map<String, String> labels = store.all().stream().collect(Collectors.toMap(d -> d.comment().text(), d -> d.label()));
        assertThat(labels).containsEntry(SPAM + " #submit", "spam").containsEntry(GENUINE + " #submit", "ok");
        assertThat(store.all().stream().filter(d -> d.comment().text().equals(SPAM + " #submit")).findFirst().orElseThrow()
                .comment().site()).isEqualTo("https://news.example.org");
    }

    @Test
    void jsonApiScoresOneOrManyAndRecordsFeedback() throws Exception {
        HttpResponse<String> one = json("/v1/score", "{\"id\":\"c1\",\"text\":\"" + SPAM + "\"}", KEY);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).startsWith("{\"id\":\"c1\",\"label\":").contains("\"spam_score\":", "\"reasons\":[");
        HttpResponse<String> many = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/score"))
                .header("Authorization", "Bearer " + KEY)
                .POST(HttpRequest.BodyPublishers.ofString("[{\"id\":\"a\",\"text\":\"" + SPAM + "\"},{\"id\":\"b\",\"text\":\""
                        + GENUINE + "\"}]")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(many.statusCode()).isEqualTo(200);
        assertThat(many.body()).startsWith("[{\"id\":\"a\"").contains("{\"id\":\"b\"").endsWith("]\n");
        HttpResponse<String> fb = json("/v1/feedback", "{\"id\":\"fb-1\",\"text\":\"cheap bags\",\"decision\":\"spam\",\"by\":\"alice\"}", KEY);
        assertThat(fb.body()).isEqualTo("{\"recorded\":1}\n");
        assertThat(store.all()).anyMatch(d -> d.comment().id().equals("fb-1") && d.by().equals("alice"));
        assertThat(json("/v1/feedback", "{\"text\":\"no decision\"}", KEY).statusCode()).isEqualTo(400);
    }

    @Test
    void healthAndMetrics() throws Exception {
        assertThat(get("/healthz").body()).isEqualTo("ok\n");
        form("/1.1/comment-check", Map.of("api_key", KEY, "comment_content", SPAM));
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("commentguard_requests_total{route=\"/1.1/comment-check\",status=\"200\"}",
                "commentguard_request_duration_seconds_bucket{le=\"+Inf\"}", "commentguard_verdicts_total{action=\"block\"}",
                "commentguard_model_info{created_at=\"" + scorer.manifest().createdAt());
    }

    @Test
    void aReloadDuringABurstDropsNoRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Integer>>> burst = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                burst.add(pool.submit(() -> {
                    List<Integer> codes = new ArrayList<>();
                    for (int i = 0; i < 150; i++) {
                        codes.add(form("/1.1/comment-check", Map.of("api_key", KEY, "comment_content", SPAM + " " + i)).statusCode());
                    }
                    return codes;
                }));
            }
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> reload = json("/admin/reload", "", KEY);
                assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
                assertThat(reload.body()).contains("\"reloaded\":true");
            }
            for (Future<List<Integer>> f : burst) {
                assertThat(f.get()).hasSize(150).containsOnly(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(get("/metrics").body()).contains("commentguard_model_reloads_total{outcome=\"ok\"} 3");
    }

    @Test
    void aReloadOfABrokenModelFileFailsAndTheOldModelServesOn(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("m.model");
        ModelFile.save(TestModels.small(), model);
        try (FeedbackStore own = FeedbackStore.open(tmp.resolve("data"));
             CommentServer other = CommentServer.start(CommentServer.Settings.defaults("127.0.0.1", 0),
                     new ScorerHolder(CommentScorer.load(model), model), own, ApiKeys.of(Set.of(KEY)))) {
            java.nio.file.Files.write(model, new byte[]{'P', 'K', 3, 4, 0, 0}); // a truncated zip
            String at = "http://127.0.0.1:" + other.port();
            HttpResponse<String> reload = http.send(HttpRequest.newBuilder(URI.create(at + "/admin/reload")).header("X-API-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reload.statusCode()).isEqualTo(500);
            assertThat(reload.body()).startsWith("reload failed, the previous model still serves: ").contains("m.model");
            HttpResponse<String> check = http.send(HttpRequest.newBuilder(URI.create(at + "/1.1/comment-check"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("api_key=" + KEY + "&comment_content=hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(check.statusCode()).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(at + "/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                    .body()).contains("commentguard_model_reloads_total{outcome=\"failed\"} 1");
        }
    }

    @Test
    void aThousandIdleConnectionsDoNotStopTheServer() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                idle.add(new Socket("127.0.0.1", server.port()));
            }
            assertThat(form("/1.1/comment-check", Map.of("api_key", KEY, "comment_content", GENUINE)).statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void aSlowClientIsCutOffAndBeyondTheLimitOfRequestsInFlightTheNextGets503(@TempDir Path data) throws Exception {
        CommentServer.Settings settings = new CommentServer.Settings("127.0.0.1", 0, 1 << 20, 1_000, 8, 1, 1_000, null);
        try (FeedbackStore own = FeedbackStore.open(data);
             CommentServer small = CommentServer.start(settings, new ScorerHolder(scorer, null), own, ApiKeys.of(Set.of(KEY)));
             Socket slow = new Socket("127.0.0.1", small.port())) {
            // Headers and part of the body, then nothing: it holds the one request in flight until the idle timeout.
            slow.getOutputStream().write(("POST /1.1/comment-check HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                    + " application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\napi_key=" + KEY).getBytes(StandardCharsets.UTF_8));
            slow.getOutputStream().flush();
            Thread.sleep(200);
            String uri = "http://127.0.0.1:" + small.port() + "/1.1/comment-check";
            HttpRequest check = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("api_key=" + KEY + "&comment_content=hello")).build();
            HttpResponse<String> busy = http.send(check, HttpResponse.BodyHandlers.ofString());
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).contains("1");
            slow.setSoTimeout(10_000);
            long start = System.nanoTime();
            String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // the server gives up
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(answer).startsWith("HTTP/1.1 408 ").contains("the request body stopped arriving")
                    .doesNotContain("java.", "Exception");
            assertThat(http.send(check, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return post(path, body, "application/x-www-form-urlencoded", null);
    }

    private static HttpResponse<String> json(String path, String body, String key) throws Exception {
        return post(path, body, "application/json", key);
    }

    private static HttpResponse<String> post(String path, String body, String type, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as written, for a Host header that java.net.http does not let us set. */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

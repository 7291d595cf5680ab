package dev.commentguard.serve;

import dev.commentguard.CommentScorer;
import dev.commentguard.TestModels;
import dev.commentguard.feedback.FeedbackStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What operators and Akismet clients found at the edges of the service: the limit on requests in flight against the
 * threads, keys in the host name, a form's character set, Akismet's fixed test answers, bodies it cannot read, errors
 * Jetty answers itself, and stopping while a body is still arriving. Real HTTP on a loopback port.
 */
class ServiceEdgesTest {

    private static final String KEY = "siteBkey222";

    @TempDir
    static Path dir;

    private static CommentScorer scorer;
    private static FeedbackStore store;
    private static CommentServer server;
    private static HttpClient http;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Path model = dir.resolve("small.model"); // reloaded from its file by the reload test, not swapped for another
        dev.commentguard.model.ModelFile.save(TestModels.small(), model);
        scorer = CommentScorer.load(model);
        store = FeedbackStore.open(dir.resolve("data"));
        server = CommentServer.start(CommentServer.Settings.defaults("127.0.0.1", 0), new ScorerHolder(scorer, model), store,
                ApiKeys.of(Set.of(KEY)));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        store.close();
    }

    @Test
    void moreRequestsInFlightThanThreadsCanServeIsRefusedAtStart(@TempDir Path data) throws Exception {
        // 256 in flight on 200 threads: the requests would queue and the health check hang; no 503 would ever be sent.
        CommentServer.Settings settings = new CommentServer.Settings("127.0.0.1", 0, 1 << 20, 30_000, 200, 256, 1_000, null);
        try (FeedbackStore own = FeedbackStore.open(data)) {
            assertThatThrownBy(() -> CommentServer.start(settings, new ScorerHolder(scorer, null), own, ApiKeys.of(Set.of(KEY))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 requests in flight need at least");
        }
        // By default the threads are what the requests in flight and Jetty need, however many cores Jetty counts.
        assertThat(server.maxThreads()).isGreaterThan(CommentServer.Settings.defaults("127.0.0.1", 0).maxInFlight()
                + CommentServer.FREE_THREADS);
    }

    @Test
    void atTheLimitOfRequestsInFlightTheHealthCheckStillAnswers(@TempDir Path data) throws Exception {
        CommentServer.Settings settings = new CommentServer.Settings("127.0.0.1", 0, 1 << 20, 10_000, 16, 1, 1_000, null);
        try (FeedbackStore own = FeedbackStore.open(data);
             CommentServer small = CommentServer.start(settings, new ScorerHolder(scorer, null), own, ApiKeys.of(Set.of(KEY)));
             Socket stalled = new Socket("127.0.0.1", small.port())) {
            stalled.getOutputStream().write(("POST /1.1/comment-check HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\napi_key="
                    + KEY).getBytes(StandardCharsets.UTF_8));
            Thread.sleep(300);
            String at = "http://127.0.0.1:" + small.port();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(at + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(at + "/1.1/comment-check"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("api_key=" + KEY + "&comment_content=hi")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void aKeyInTheHostNameIsComparedWithoutCaseAndVerifyKeyReadsTheFormOnly() throws Exception {
        // Akismet clients put the key in the host name, which resolvers and URL libraries write in lower case.
        assertThat(raw("POST /1.1/comment-check HTTP/1.1\r\nHost: sitebkey222.rest.akismet.com\r\nContent-Type:"
                + " application/x-www-form-urlencoded\r\nContent-Length: 18\r\nConnection: close\r\n\r\ncomment_content=hi"))
                .startsWith("HTTP/1.1 200 ");
        assertThat(form("/1.1/comment-check", "key=sitebkey222&comment_content=hi", null).statusCode()).isEqualTo(403);
        assertThat(raw("POST /1.1/verify-key HTTP/1.1\r\nHost: sitebkey222.rest.akismet.com\r\nContent-Type:"
                + " application/x-www-form-urlencoded\r\nContent-Length: 9\r\nConnection: close\r\n\r\nkey=wrong"))
                .endsWith("invalid");
    }

    @Test
    void aFormIsReadInTheCharacterSetItDeclares() throws Exception {
        long before = store.count();
        assertThat(form("/1.1/submit-spam", "api_key=" + KEY + "&comment_content=charset+caf%E9+cr%E8me",
                "application/x-www-form-urlencoded; charset=ISO-8859-1").statusCode()).isEqualTo(200);
        assertThat(form("/1.1/submit-ham", "api_key=" + KEY + "&blog_charset=ISO-8859-1&comment_content=blog+caf%E9",
                null).statusCode()).isEqualTo(200);
        List<String> texts = store.all().stream().skip((int) before).map(d -> d.comment().text()).toList();
        assertThat(texts).containsExactly("charset café crème", "blog café");

        HttpResponse<String> undeclared = form("/1.1/comment-check", "api_key=" + KEY + "&comment_content=caf%E9", null);
        assertThat(undeclared.statusCode()).isEqualTo(400);
        assertThat(undeclared.body()).contains("comment_content", "not UTF-8", "charset");
        assertThat(form("/1.1/comment-check", "api_key=" + KEY + "&blog_charset=no-such-set&comment_content=hi", null).body())
                .contains("unknown character set 'no-such-set'");
        assertThat(store.count()).isEqualTo(before + 2);
        // A field the service does not read (the commenter's own user agent) never fails a check for a byte in it.
        assertThat(form("/1.1/comment-check", "api_key=" + KEY + "&comment_content=hello&user_agent=Mozilla%FF", null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void akismetsTestValuesGetTheirFixedAnswers() throws Exception {
        String spam = "&comment_content=" + java.net.URLEncoder.encode("Call 0300-1234567 for free classified ads",
                StandardCharsets.UTF_8);
        assertThat(form("/1.1/comment-check", "api_key=" + KEY + "&comment_author=viagra-test-123&comment_content=Hello",
                null).body()).isEqualTo("true");
        assertThat(form("/1.1/comment-check", "api_key=" + KEY
                + "&comment_author_email=akismet-guaranteed-spam%40example.com&comment_content=Hello", null).body()).isEqualTo("true");
        assertThat(form("/1.1/comment-check", "api_key=" + KEY + spam, null).body()).isEqualTo("true");
        HttpResponse<String> admin = form("/1.1/comment-check", "api_key=" + KEY + "&user_role=administrator" + spam, null);
        assertThat(admin.body()).isEqualTo("false");
        assertThat(admin.headers().firstValue("X-CommentGuard-Fixed")).hasValueSatisfying(v -> assertThat(v).contains("administrator"));
    }

    @Test
    void bodiesItCannotReadAreRefusedForWhatTheyAre() throws Exception {
        HttpResponse<String> infinite = json("{\"id\":1e400,\"text\":\"a\",\"decision\":\"spam\"}");
        assertThat(infinite.statusCode()).isEqualTo(400);
        assertThat(infinite.body()).contains("field 'id' must be a string or a whole number");
        HttpResponse<String> half = json("{\"text\":\"a\\ud800b\",\"decision\":\"spam\"}");
        assertThat(half.statusCode()).isEqualTo(400);
        assertThat(half.body()).contains("comment 1: the comment text holds half of a surrogate pair (\\uD800) at character 2");

        HttpResponse<String> scored = send(HttpRequest.newBuilder(URI.create(base + "/v1/score")).header("X-API-Key", KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"a\\ud800b\"}")));
        assertThat(scored.statusCode()).as("scored; only the store refuses what it cannot keep").isEqualTo(200);
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create(base + "/v1/score"))
                .header("Content-Type", "application/json; charset=no-such-set").header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}")));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(415); // it was a 500 with the exception's text
        HttpResponse<String> latin = send(HttpRequest.newBuilder(URI.create(base + "/v1/score"))
                .header("Content-Type", "application/json; charset=ISO-8859-1").header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}")));
        assertThat(latin.statusCode()).isEqualTo(415);
        HttpResponse<String> gzip = send(HttpRequest.newBuilder(URI.create(base + "/1.1/comment-check"))
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {31, -117, 8, 0})));
        assertThat(gzip.statusCode()).isEqualTo(415);
        assertThat(gzip.body()).contains("Content-Encoding gzip");
        HttpResponse<String> multipart = form("/1.1/comment-check", "--b\r\n", "multipart/form-data; boundary=b");
        assertThat(multipart.statusCode()).isEqualTo(415);
    }

    @Test
    void whatJettyAnswersItselfIsPlainTextCountedAndLogged() throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream before = server.accessLog(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> ambiguous = form("//1.1/comment-check", "api_key=" + KEY, null);
            assertThat(ambiguous.statusCode()).isEqualTo(400);
            assertThat(ambiguous.headers().firstValue("Content-Type")).contains(Answer.TEXT);
            assertThat(ambiguous.body()).doesNotContain("<html");
            HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(base + "//x"))
                    .method("PUT", HttpRequest.BodyPublishers.ofString("x")));
            assertThat(put.statusCode()).isEqualTo(400);
            assertThat(put.body()).as("Jetty wrote no body for PUT").isNotEmpty();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("commentguard_requests_total{route=\"other\",status=\"400\"} 2");
        } finally {
            server.accessLog(before);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("\"status\":400").contains("\"method\":\"PUT\"");
    }

    @Test
    void aClientWaitingForContinueWithABodyOverTheLimitGets413Before(@TempDir Path data) throws Exception {
        CommentServer.Settings settings = new CommentServer.Settings("127.0.0.1", 0, 1_000, 10_000, 64, 8, 1_000, null);
        try (FeedbackStore own = FeedbackStore.open(data);
             CommentServer small = CommentServer.start(settings, new ScorerHolder(scorer, null), own, ApiKeys.of(Set.of(KEY)));
             Socket s = new Socket("127.0.0.1", small.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /1.1/comment-check HTTP/1.1\r\nHost: x\r\nContent-Length: 30000000\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            String first = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(first).isEqualTo("HTTP/1.1 413"); // not "HTTP/1.1 100": no body was asked for
        }
    }

    @Test
    void stoppingLetsARequestStillSendingItsBodyFinish(@TempDir Path data) throws Exception {
        CommentServer.Settings settings = new CommentServer.Settings("127.0.0.1", 0, 1 << 20, 30_000, 64, 8, 10_000, null);
        try (FeedbackStore own = FeedbackStore.open(data);
             Socket s = new Socket()) {
            CommentServer stopping = CommentServer.start(settings, new ScorerHolder(scorer, null), own, ApiKeys.of(Set.of(KEY)));
            s.connect(new java.net.InetSocketAddress("127.0.0.1", stopping.port()));
            s.setSoTimeout(20_000);
            byte[] body = ("api_key=" + KEY + "&comment_content=hello+there").getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("POST /1.1/comment-check HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(300);
            CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
                try {
                    stopping.close();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(2_000); // Jetty's own shutdown idle timeout (1 s) would have cut the connection by now
            out.write(body, 10, body.length - 10);
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200 ");
            stop.get();
        }
    }

    @Test
    void withAdminKeysOnlyTheyReloadTheModel() throws Exception {
        try {
            server.adminKeys(ApiKeys.of(Set.of("admin-only")));
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/admin/reload")).header("X-API-Key", KEY)
                    .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("a site's key").isEqualTo(403);
            assertThat(json("{\"text\":\"still a site's to send\",\"decision\":\"ok\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> admin = send(HttpRequest.newBuilder(URI.create(base + "/admin/reload"))
                    .header("X-API-Key", "admin-only").POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        } finally {
            server.adminKeys(null);
        }
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/admin/reload")).header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("without admin keys, any key").isEqualTo(200);
    }

    @Test
    void stoppingClosesIdleKeepAliveConnectionsAtOnce(@TempDir Path data) throws Exception {
        CommentServer.Settings settings = new CommentServer.Settings("127.0.0.1", 0, 1 << 20, 30_000, 0, 8, 10_000, null);
        try (FeedbackStore own = FeedbackStore.open(data); Socket s = new Socket()) {
            CommentServer stopping = CommentServer.start(settings, new ScorerHolder(scorer, null), own, ApiKeys.of(Set.of(KEY)));
            s.connect(new java.net.InetSocketAddress("127.0.0.1", stopping.port()));
            s.setSoTimeout(20_000);
            s.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            byte[] answer = new byte[256];
            assertThat(new String(answer, 0, s.getInputStream().read(answer), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
            long start = System.nanoTime(); // the connection stays open, waiting for a next request
            stopping.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not the 10 s stop timeout").isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void keysAndTheAccessLogCanBeReplacedWhileServing(@TempDir Path tmp) throws Exception {
        Path keys = tmp.resolve("keys");
        Files.write(keys, ("\uFEFF" + "bom-first\r\nsecond\r\n").getBytes(StandardCharsets.UTF_8)); // a BOM, as Notepad saves
        ApiKeys read = ApiKeys.readFile(keys);
        assertThat(read.size()).isEqualTo(2);
        assertThat(read.accepts(List.of("bom-first"))).isTrue();
        try {
            server.keys(read);
            assertThat(form("/1.1/verify-key", "key=bom-first", null).body()).isEqualTo("valid");
            assertThat(form("/1.1/verify-key", "key=" + KEY, null).body()).isEqualTo("invalid");
        } finally {
            server.keys(ApiKeys.of(Set.of(KEY)));
        }
        assertThat(form("/1.1/verify-key", "key=" + KEY, null).body()).isEqualTo("valid");
    }

    private static HttpResponse<String> form(String path, String body, String type) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", type != null ? type : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> json(String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/v1/feedback")).header("Content-Type", "application/json")
                .header("X-API-Key", KEY).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

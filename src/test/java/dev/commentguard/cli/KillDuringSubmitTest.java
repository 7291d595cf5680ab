package dev.commentguard.cli;

import dev.commentguard.TestModels;
import dev.commentguard.feedback.Decision;
import dev.commentguard.feedback.FeedbackStore;
import dev.commentguard.model.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A serve process killed with SIGKILL in the middle of a burst of submit-spam keeps every decision it acknowledged. */
class KillDuringSubmitTest {

    @Test
    void noAcknowledgedDecisionIsLost(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.model");
        ModelFile.save(TestModels.small(), model);
        Path data = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", "0", "--no-auth", "--model", model.toString(), "--data-dir", data.toString(),
                "--access-log", "none").redirectErrorStream(true);
        pb.environment().remove("COMMENTGUARD_API_KEYS");
        Process child = pb.start();
        int port = -1;
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; port < 0 && (line = out.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
        }
        assertThat(port).as(seen.toString()).isPositive();
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/1.1/submit-spam");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        CountDownLatch enough = new CountDownLatch(100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; ; i++) {
                    String text = "Cheap bags, visit http://bags.example " + thread + "-" + i;
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("comment_content="
                                        + URLEncoder.encode(text, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200 && r.body().equals("Thanks for making the web a better place.")) {
                            acknowledged.add(text);
                            enough.countDown();
                        }
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
        }
        assertThat(enough.await(120, TimeUnit.SECONDS)).as("acknowledgements before the kill").isTrue();
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful stop
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        try (FeedbackStore store = FeedbackStore.open(data)) {
            Set<String> stored = store.all().stream().filter(d -> d.label().equals("spam"))
                    .map(d -> d.comment().text()).collect(Collectors.toSet());
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(100);
            assertThat(stored).containsAll(acknowledged);
            assertThat(store.all()).extracting(Decision::by).containsOnly("akismet submit-spam");
        }
    }
}

package dev.commentguard.serve;

import dev.commentguard.Action;
import dev.commentguard.model.Manifest;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The service's counters, written in Prometheus' text format: requests by route and status, a latency histogram,
 * verdicts by action, and the model in use. Thread-safe; counting takes no lock.
 */
final class ServiceMetrics {

    /** Upper bounds of the latency buckets, in seconds. */
    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final LongAdder[] buckets = new LongAdder[BUCKETS.length + 1];
    private final LongAdder latencyCount = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final Map<Action, LongAdder> verdicts = new ConcurrentHashMap<>();
    private final LongAdder reloads = new LongAdder();
    private final LongAdder failedReloads = new LongAdder();

    ServiceMetrics() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
        for (Action a : Action.values()) {
            verdicts.put(a, new LongAdder());
        }
    }

    void request(String route, int status, long nanos) {
        requests.computeIfAbsent(route + '\u0000' + status, k -> new LongAdder()).increment();
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BUCKETS.length && seconds > BUCKETS[i]) {
            i++;
        }
        buckets[i].increment();
        latencyCount.increment();
        latencyNanos.add(nanos);
    }

    void verdict(Action action) {
        verdicts.get(action).increment();
    }

    void reload(boolean ok) {
        (ok ? reloads : failedReloads).increment();
    }

    String render(Manifest model) {
        StringBuilder b = new StringBuilder(2048);
        b.append("# HELP commentguard_requests_total HTTP requests answered, by route and status.\n");
        b.append("# TYPE commentguard_requests_total counter\n");
        new TreeMap<>(requests).forEach((k, v) -> {
            String[] parts = k.split("\u0000");
            b.append("commentguard_requests_total{route=\"").append(parts[0]).append("\",status=\"").append(parts[1])
                    .append("\"} ").append(v.sum()).append('\n');
        });
        b.append("# HELP commentguard_request_duration_seconds Time from reading a request to writing its answer.\n");
        b.append("# TYPE commentguard_request_duration_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < buckets.length; i++) {
            cumulative += buckets[i].sum();
            String le = i < BUCKETS.length ? java.math.BigDecimal.valueOf(BUCKETS[i]).toPlainString() : "+Inf";
            b.append("commentguard_request_duration_seconds_bucket{le=\"").append(le).append("\"} ").append(cumulative).append('\n');
        }
        b.append("commentguard_request_duration_seconds_sum ")
                .append(String.format(Locale.ROOT, "%.6f", latencyNanos.sum() / 1e9)).append('\n');
        b.append("commentguard_request_duration_seconds_count ").append(latencyCount.sum()).append('\n');
        b.append("# HELP commentguard_verdicts_total Comments scored, by action.\n");
        b.append("# TYPE commentguard_verdicts_total counter\n");
        for (Action a : Action.values()) {
            b.append("commentguard_verdicts_total{action=\"").append(a.code()).append("\"} ").append(verdicts.get(a).sum()).append('\n');
        }
        b.append("# HELP commentguard_model_reloads_total Model reloads, by outcome.\n");
        b.append("# TYPE commentguard_model_reloads_total counter\n");
        b.append("commentguard_model_reloads_total{outcome=\"ok\"} ").append(reloads.sum()).append('\n');
        b.append("commentguard_model_reloads_total{outcome=\"failed\"} ").append(failedReloads.sum()).append('\n');
        b.append("# HELP commentguard_model_info The model in use (always 1).\n");
        b.append("# TYPE commentguard_model_info gauge\n");
        b.append("commentguard_model_info{created_at=\"").append(escape(model.createdAt()))
                .append("\",training_sha256=\"").append(escape(model.trainingSha256()))
                .append("\",commentguard_version=\"").append(escape(model.commentguardVersion()))
                .append("\",learner=\"").append(escape(model.learner())).append("\"} 1\n");
        return b.toString();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}

package dev.commentguard.serve;

import dev.commentguard.feedback.FeedbackStore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The running service: a Jetty server on one port over {@link Routes}. Requests run on a bounded pool of threads
 * ({@link Settings#maxThreads}); beyond {@link Settings#maxInFlight} requests in progress, the next get 503 with
 * {@code Retry-After}. The pool must leave threads over beyond those requests (Jetty's own, and the health and metrics
 * routes, which the limit does not count): a server whose pool would run out first refuses to start, since its
 * requests would queue and its health check hang rather than any request get the 503. A connection idle for {@link Settings#idleTimeoutMs} (a client that stops sending half-way
 * included) is closed, so a slow client cannot hold a thread for longer. {@link #close} stops accepting, lets the
 * requests in progress finish (up to {@link Settings#stopTimeoutMs}), then closes. Thread-safe.
 */
public final class CommentServer implements AutoCloseable {

    /**
     * How the server runs.
     *
     * @param host         the address to bind to ({@code 0.0.0.0} for every interface)
     * @param port         the port, 0 for any free one
     * @param maxBodyBytes larger request bodies get 413
     * @param accessLog    where the access log goes, or {@code null} for none
     */
    public record Settings(String host, int port, int maxBodyBytes, long idleTimeoutMs, int maxThreads, int maxInFlight,
                           long stopTimeoutMs, PrintStream accessLog) {
        public Settings {
            Objects.requireNonNull(host, "host");
            if (maxBodyBytes < 1 || maxThreads < 0 || maxThreads > 0 && maxThreads < 4 || maxInFlight < 1 || idleTimeoutMs < 1) {
                throw new IllegalArgumentException("body limit, threads (at least 4, or 0 for as many as needed), requests in"
                        + " flight and idle timeout must be positive");
            }
        }

        /**
         * The defaults on {@code host} and {@code port}: 1 MB bodies, 30 s idle timeout, 256 requests in flight on as many
         * threads as they and Jetty need ({@link #AUTO_THREADS}).
         */
        public static Settings defaults(String host, int port) {
            return new Settings(host, port, 1 << 20, 30_000, AUTO_THREADS, 256, 10_000, null);
        }

        public Settings withAccessLog(PrintStream log) {
            return new Settings(host, port, maxBodyBytes, idleTimeoutMs, maxThreads, maxInFlight, stopTimeoutMs, log);
        }
    }

    /**
     * {@link Settings#maxThreads} for as many threads as the requests in flight need with Jetty's own, which grow with the
     * cores (selectors, acceptors, reserved threads: 4 on two cores, 85 on 48), plus those kept free.
     */
    public static final int AUTO_THREADS = 0;
    /** How long a connection without a request in progress must have been quiet for the stop to close it. */
    static final long QUIET_MS = 100;
    /** Threads that must stay free beyond Jetty's own and the requests in flight: health checks, metrics, 503s. */
    static final int FREE_THREADS = 4;

    private final Server server;
    private final ServerConnector connector;
    private final ScorerHolder scorer;
    private final ServiceMetrics metrics;
    private final Routes routes;

    private CommentServer(Server server, ServerConnector connector, ScorerHolder scorer, ServiceMetrics metrics,
                          Routes routes) {
        this.server = server;
        this.connector = connector;
        this.scorer = scorer;
        this.metrics = metrics;
        this.routes = routes;
    }

    /** Starts serving; the store stays the caller's to close, after this server. */
    public static CommentServer start(Settings settings, ScorerHolder scorer, FeedbackStore feedback, ApiKeys keys)
            throws IOException {
        return start(settings, scorer, feedback, keys, null);
    }

    /** As {@link #start(Settings, ScorerHolder, FeedbackStore, ApiKeys)}, with the keys that alone may reload (see {@link #adminKeys}). */
    public static CommentServer start(Settings settings, ScorerHolder scorer, FeedbackStore feedback, ApiKeys keys,
                                      ApiKeys adminKeys) throws IOException {
        // Jetty's queue of jobs stays unbounded, as Jetty asks: what bounds the work is maxInFlight, which answers 503.
        boolean auto = settings.maxThreads() == AUTO_THREADS;
        // Auto: enough to start with; set to what Jetty turns out to keep, below, once it has started.
        int threads = auto ? settings.maxInFlight() + FREE_THREADS + 8 * Runtime.getRuntime().availableProcessors() + 16
                : settings.maxThreads();
        QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(8, threads));
        pool.setName("serve");
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeoutMs());
        // While stopping, Jetty cuts every connection idle for 1 s by default, a client still sending its body too (a
        // 408 although the requests in progress are to finish): close() closes the idle ones itself instead.
        connector.setShutdownIdleTimeout(Math.min(settings.idleTimeoutMs(), settings.stopTimeoutMs()));
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        ServiceMetrics metrics = new ServiceMetrics();
        AccessLog log = new AccessLog(settings.accessLog());
        Routes routes = new Routes(scorer, feedback, keys, metrics, log, settings.maxBodyBytes(), settings.maxInFlight());
        routes.adminKeys(adminKeys);
        server.setErrorHandler(new ServiceErrors(metrics, log));
        GracefulHandler graceful = new GracefulHandler(routes);
        server.setHandler(graceful);
        server.setStopTimeout(settings.stopTimeoutMs());
        try {
            server.start();
        } catch (Exception e) {
            throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + reason(e), e);
        }
        int jettys = pool.getLeasedThreads() + pool.getMaxReservedThreads();
        if (auto) {
            pool.setMaxThreads(Math.max(pool.getMinThreads(), settings.maxInFlight() + FREE_THREADS + jettys));
        } else if (settings.maxInFlight() + FREE_THREADS > settings.maxThreads() - jettys) {
            stop(server);
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%d requests in flight need at least %d"
                    + " threads: Jetty keeps %d of the %d for itself here, and %d must stay free for health checks and 503s",
                    settings.maxInFlight(), settings.maxInFlight() + FREE_THREADS + jettys, jettys, settings.maxThreads(),
                    FREE_THREADS));
        }
        return new CommentServer(server, connector, scorer, metrics, routes);
    }

    /** What went wrong starting, in words: "Failed to bind" alone does not say that the port is taken. */
    private static String reason(Exception e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null && !out.toString().contains(t.getMessage())) {
                out.append(": ").append(t.getMessage().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // it never served a request; what matters is the reason it may not start
        }
    }

    /** The most request threads it runs: {@link Settings#maxThreads}, or what auto came to. */
    public int maxThreads() {
        return ((QueuedThreadPool) server.getThreadPool()).getMaxThreads();
    }

    /** The port it listens on (the one chosen when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Reloads the model as {@code POST /admin/reload} does (for SIGHUP); the old one serves on failure. */
    public void reload() throws IOException {
        try {
            scorer.reload();
            metrics.reload(true);
        } catch (IOException | RuntimeException e) {
            metrics.reload(false);
            throw e;
        }
    }

    /** Accepts {@code keys} instead of the keys it accepted, from the next request on (SIGHUP reads the file again). */
    public void keys(ApiKeys keys) {
        routes.keys(keys);
    }

    /**
     * Lets only {@code keys} call {@code POST /admin/reload}, from the next request on; null (the default) lets every
     * key the server accepts. A service shared by several sites gives each site its key and keeps reloading its own.
     */
    public void adminKeys(ApiKeys keys) {
        routes.adminKeys(keys);
    }

    /**
     * Writes the access log to {@code next} (null: nowhere) from the next request on, and returns where it wrote until
     * now, for the caller to close: SIGHUP opens the log file again after logrotate has moved it.
     */
    public PrintStream accessLog(PrintStream next) {
        return routes.accessLog(next);
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops accepting, lets the requests in progress finish for up to the stop timeout, cuts off the rest, stops. */
    @Override
    public void close() throws IOException {
        try {
            // Stop accepting; then, until the requests in progress have finished (or the stop timeout), close each
            // connection as it waits for a next request (a keep-alive pool's), which would otherwise hold the stop for
            // the whole timeout. A request still arriving whose headers are not in yet goes with its connection.
            connector.shutdown();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(server.getStopTimeout());
            boolean busy = true;
            while (busy && System.nanoTime() < deadline) {
                busy = false;
                for (org.eclipse.jetty.io.EndPoint endPoint : connector.getConnectedEndPoints()) {
                    // Quiet for a moment too: bytes just read may be a request on its way to the handler.
                    boolean quiet = !(endPoint instanceof org.eclipse.jetty.io.IdleTimeout t) || t.getIdleFor() >= QUIET_MS;
                    if (routes.isActive(endPoint) || !quiet) {
                        busy = true;
                    } else {
                        endPoint.close();
                    }
                }
                if (busy) {
                    Thread.sleep(20);
                }
            }
            // what is left of the stop timeout, so that the whole stop keeps to it
            server.setStopTimeout(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the server", e);
        } catch (java.util.concurrent.TimeoutException cutOff) {
            // requests still in progress after the stop timeout were cut off; the server has stopped all the same
        } catch (Exception e) {
            throw new IOException("cannot stop the server: " + e.getMessage(), e);
        }
    }
}

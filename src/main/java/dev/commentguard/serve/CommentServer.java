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
 * {@code Retry-After}. A connection idle for {@link Settings#idleTimeoutMs} (a client that stops sending half-way
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
            if (maxBodyBytes < 1 || maxThreads < 4 || maxInFlight < 1 || idleTimeoutMs < 1) {
                throw new IllegalArgumentException("body limit, threads (at least 4), requests in flight and idle timeout must be positive");
            }
        }

        /** The defaults on {@code host} and {@code port}: 1 MB bodies, 30 s idle timeout, 200 threads, 256 requests in flight. */
        public static Settings defaults(String host, int port) {
            return new Settings(host, port, 1 << 20, 30_000, 200, 256, 10_000, null);
        }

        public Settings withAccessLog(PrintStream log) {
            return new Settings(host, port, maxBodyBytes, idleTimeoutMs, maxThreads, maxInFlight, stopTimeoutMs, log);
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final ScorerHolder scorer;
    private final ServiceMetrics metrics;

    private CommentServer(Server server, ServerConnector connector, ScorerHolder scorer, ServiceMetrics metrics) {
        this.server = server;
        this.connector = connector;
        this.scorer = scorer;
        this.metrics = metrics;
    }

    /** Starts serving; the store stays the caller's to close, after this server. */
    public static CommentServer start(Settings settings, ScorerHolder scorer, FeedbackStore feedback, ApiKeys keys)
            throws IOException {
        // Jetty's queue of jobs stays unbounded, as Jetty asks: what bounds the work is maxInFlight, which answers 503.
        QueuedThreadPool pool = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
        pool.setName("serve");
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeoutMs());
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        ServiceMetrics metrics = new ServiceMetrics();
        GracefulHandler graceful = new GracefulHandler(new Routes(scorer, feedback, keys, metrics,
                new AccessLog(settings.accessLog()), settings.maxBodyBytes(), settings.maxInFlight()));
        server.setHandler(graceful);
        server.setStopTimeout(settings.stopTimeoutMs());
        try {
            server.start();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot start the server on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        return new CommentServer(server, connector, scorer, metrics);
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

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops accepting, lets the requests in progress finish for up to the stop timeout, cuts off the rest, stops. */
    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (java.util.concurrent.TimeoutException cutOff) {
            // requests still in progress after the stop timeout were cut off; the server has stopped all the same
        } catch (Exception e) {
            throw new IOException("cannot stop the server: " + e.getMessage(), e);
        }
    }
}

package dev.commentguard.cli;

import dev.commentguard.CommentScorer;
import dev.commentguard.feedback.FeedbackStore;
import dev.commentguard.serve.ApiKeys;
import dev.commentguard.serve.CommentServer;
import dev.commentguard.serve.ScorerHolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code serve}: the HTTP service, speaking Akismet's REST API and CommentGuard's JSON API. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve comment checks over HTTP: Akismet's REST API 1.1 (/1.1/verify-key, /1.1/comment-check,"
                + " /1.1/submit-spam, /1.1/submit-ham) and CommentGuard's JSON API (POST /v1/score, POST /v1/feedback,"
                + " GET /healthz, GET /metrics, POST /admin/reload). One shared scorer answers on every core.",
                "Keys: --api-keys FILE (one a line) or the environment variable " + ApiKeys.ENVIRONMENT + "; Akismet"
                + " clients send theirs as api_key or key, or as the first label of the host name (KEY.rest.akismet.com);"
                + " the JSON API takes X-API-Key or Authorization: Bearer. Without keys the server refuses to start"
                + " unless --no-auth is given, which binds it to 127.0.0.1.",
                "SIGHUP or POST /admin/reload loads --model again; the old model serves until the new one has loaded and"
                + " scored a probe comment. SIGHUP also reads --api-keys and --admin-keys again and opens the --access-log file again"
                + " (after logrotate has moved it). SIGTERM stops accepting, finishes the requests in progress, and exits."},
        footer = {"", "Example:",
                "  echo my-key > keys; java -jar target/commentguard.jar serve --port 8080 --api-keys keys --data-dir data",
                "  curl -d api_key=my-key -d blog=https://example.org --data-urlencode 'comment_content=Call 0300-1234567'"
                        + " http://localhost:8080/1.1/comment-check"})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ExitCodes exitCodes;

    @Option(names = "--port", paramLabel = "N", description = "The port to listen on (0: any free one). Default: ${DEFAULT-VALUE}.")
    int port = 8080;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to bind to. Default: every interface"
            + " (127.0.0.1 with --no-auth).")
    String host;

    @Option(names = "--model", paramLabel = "FILE", description = "Model file, loaded again on SIGHUP or POST /admin/reload."
            + " Default: the model bundled in the jar.")
    Path model;

    @CommandLine.Mixin
    FeedbackCommand.DataDir dataDir;

    @Option(names = "--api-keys", paramLabel = "FILE", description = "The accepted API keys, one a line.")
    Path apiKeys;

    @Option(names = "--admin-keys", paramLabel = "FILE", description = "The keys that may call POST /admin/reload, one a"
            + " line; without it, every API key may. For a service shared by several sites, each with its own key.")
    Path adminKeys;

    @Option(names = "--no-auth", description = "Accept any key (or none); binds to 127.0.0.1 only.")
    boolean noAuth;

    @Option(names = "--max-body", paramLabel = "BYTES", description = "Larger request bodies get 413. Default: ${DEFAULT-VALUE}.")
    int maxBody = 1 << 20;

    @Option(names = "--idle-timeout", paramLabel = "MS", description = "A connection idle this long, a client that stops"
            + " sending half-way included, is closed. Default: ${DEFAULT-VALUE}.")
    long idleTimeoutMs = 30_000;

    @Option(names = "--threads", paramLabel = "N", description = "Request threads: more than --max-in-flight, for Jetty's"
            + " own (which grow with the cores) and for health checks. Default: as many as those need.")
    Integer threads;

    @Option(names = "--max-in-flight", paramLabel = "N", description = "Requests in progress beyond which the next get"
            + " 503 with Retry-After (/healthz and /metrics are not counted). Default: ${DEFAULT-VALUE}.")
    int maxInFlight = 256;

    @Option(names = "--access-log", paramLabel = "FILE", description = "Where the access log (one JSON object a line)"
            + " goes: a file, - for standard error, or none. Default: ${DEFAULT-VALUE}.")
    String accessLog = "-";

    /** Held so that the level set on it is not lost when the logger is garbage-collected. */
    private static final java.util.logging.Logger JETTY = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    @Override
    public Integer call() throws Exception {
        JETTY.setLevel(java.util.logging.Level.WARNING); // its start-up banner; what goes wrong still shows
        PrintWriter err = spec.commandLine().getErr();
        ApiKeys keys = keys();
        if (keys.isEmpty() && !noAuth) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no API key configured: give --api-keys FILE or set "
                    + ApiKeys.ENVIRONMENT + ", or --no-auth to serve localhost without keys");
        }
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be from 0 to 65535: " + port);
        }
        String bindTo = noAuth ? "127.0.0.1" : host != null ? host : "0.0.0.0";
        if (noAuth && host != null && !host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--no-auth serves 127.0.0.1 only, not " + host);
        }
        PrintStream log = openAccessLog();
        ScorerHolder scorer = new ScorerHolder(model == null ? CommentScorer.loadDefault() : CommentScorer.load(model), model);
        FeedbackStore store = FeedbackStore.open(dataDir.path());
        CommentServer.Settings settings;
        try {
            settings = new CommentServer.Settings(bindTo, port, maxBody, idleTimeoutMs,
                    threads != null ? threads : CommentServer.AUTO_THREADS, maxInFlight, 10_000, log);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ApiKeys admins = adminKeys == null ? null : ApiKeys.readFile(adminKeys);
        if (admins != null && admins.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), adminKeys + " holds no key: --admin-keys would let"
                    + " every key reload the model");
        }
        CommentServer server;
        try {
            server = CommentServer.start(settings, scorer, store, keys, admins);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage()
                    + (threads != null ? " (--threads " + threads + ", --max-in-flight " + maxInFlight + ")" : ""));
        } catch (IOException e) { // a port taken or not ours to bind: not the user's data (exit 3), any other error
            throw new IllegalStateException(e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                store.close();
            } catch (IOException e) {
                System.err.println("error: " + e.getMessage());
            }
        }, "serve-shutdown"));
        boolean hangUp = Signals.onHangUp(() -> {
            hangUp(server, err);
            err.flush();
        });
        if (!hangUp) {
            err.println("warning: SIGHUP cannot reload the model in this process (no SIGHUP here, or it was ignored when the"
                    + " process started, as under nohup); POST /admin/reload does");
        }
        if (apiKeys != null || !keys.isEmpty()) {
            err.println(keys.size() + " API key(s) from " + (apiKeys != null ? apiKeys : ApiKeys.ENVIRONMENT));
        }
        err.println("listening on " + bindTo + ":" + server.port());
        err.flush();
        server.join();
        return 0;
    }

    /**
     * SIGHUP: the model loaded again, the keys file read again, the access log file opened again (logrotate moves it
     * and signals); each on its own, so that one failing leaves the others done and what it replaces in place.
     */
    private void hangUp(CommentServer server, PrintWriter err) {
        // The log first: what is said below comes after it, so that a request after it is logged in the new file.
        if (!accessLog.equals("-") && !accessLog.equals("none")) {
            try {
                PrintStream before = server.accessLog(openAccessLog());
                if (before != null) {
                    before.close();
                }
                err.println("access log opened again: " + accessLog);
            } catch (IOException | RuntimeException e) {
                err.println("error: cannot open " + accessLog + " again, the log goes on where it went: " + e.getMessage());
            }
        }
        try {
            server.reload();
            err.println("model reloaded from " + (model == null ? "the jar" : model));
        } catch (IOException | RuntimeException e) {
            err.println("error: reload failed, the previous model still serves: " + e.getMessage());
        }
        if (apiKeys != null) {
            readAgain(apiKeys, "API key(s)", noAuth, server::keys, err);
        }
        if (adminKeys != null) {
            readAgain(adminKeys, "admin key(s)", false, server::adminKeys, err);
        }
    }

    /** Reads a keys file again and hands the keys on; an empty or unreadable file leaves the previous keys in place. */
    private static void readAgain(Path file, String what, boolean emptyAllowed, java.util.function.Consumer<ApiKeys> use,
                                  PrintWriter err) {
        try {
            ApiKeys next = ApiKeys.readFile(file);
            if (next.isEmpty() && !emptyAllowed) {
                err.println("error: " + file + " holds no key now; the previous " + what + " stay");
            } else {
                use.accept(next);
                err.println(next.size() + " " + what + " read again from " + file);
            }
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot read " + file + " again, the previous " + what + " stay: " + e.getMessage());
        }
    }

    private PrintStream openAccessLog() throws IOException {
        return switch (accessLog) {
            case "-" -> System.err;
            case "none" -> null;
            default -> new PrintStream(new FileOutputStream(accessLog, true), true, StandardCharsets.UTF_8);
        };
    }

    private ApiKeys keys() throws IOException {
        if (apiKeys != null) {
            return ApiKeys.readFile(apiKeys);
        }
        String env = System.getenv(ApiKeys.ENVIRONMENT);
        return env == null ? ApiKeys.of(java.util.Set.of()) : ApiKeys.parse(env);
    }
}

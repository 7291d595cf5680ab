package dev.commentguard.cli;

import dev.commentguard.ModelFileException;
import dev.commentguard.training.TrainingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Entry point of {@code java -jar commentguard.jar}. */
@Command(name = "commentguard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Comment spam and quality classifier for news and blog comment sections.",
        subcommands = {TrainCommand.class, ScoreCommand.class, EvaluateCommand.class, InfoCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 2 bad usage, 3 bad input data, 4 bad model file, 1 other errors."})
public final class Main implements Runnable {

    static final int EXIT_INPUT = 3;
    static final int EXIT_MODEL = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Held so that the level set in {@link #quietNetlib} is not lost when the logger is garbage-collected. */
    private static volatile java.util.logging.Logger netlib;

    public static void main(String[] args) {
        // score and evaluate load their model on a second thread while the command line is parsed; that thread quiets
        // netlib before it loads, every other command here, before any Weka class is touched.
        if (!ModelPrefetch.start(args)) {
            quietNetlib();
        }
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // By now the command's data is unreachable, so there is room to say so, and the reserve makes sure
            // of it while a thread of the command still runs; a model or --output file is only ever renamed
            // into place when complete, so nothing half-written is left behind.
            reserve = null;
            code = 1;
            String message;
            try {
                message = outOfMemoryMessage(args, Runtime.getRuntime().maxMemory(), System.getProperty(LAUNCHER));
            } catch (OutOfMemoryError again) {
                message = OUT_OF_MEMORY; // something still holds the heap: say it without building a string
            }
            System.err.println(message);
        }
        System.exit(code);
    }

    /** Heap set aside at start, let go of to say that the heap ran out. */
    @SuppressWarnings("unused")
    private static volatile byte[] reserve = new byte[64 << 10];

    private static final String OUT_OF_MEMORY = "error: out of memory: give Java a larger heap with -Xmx,"
            + " e.g. java -Xmx8g -jar commentguard.jar ...";

    /** The system property bin/commentguard sets to the path it was started by, so that advice can name it. */
    static final String LAUNCHER = "commentguard.launcher";

    /**
     * What to do when Java's heap was too small for the command {@code args}; {@code launcher} is the path of the
     * bin/commentguard script that started us, which takes Java's options from JAVA_OPTS, or null for java -jar.
     */
    static String outOfMemoryMessage(String[] args, long maxHeap, String launcher) {
        String command = args.length == 0 ? "" : args[0];
        boolean fileInput = false;
        for (String a : args) {
            fileInput |= a.startsWith("--input") || a.startsWith("--data");
        }
        String hint = command.equals("train") ? "; or fit one model at a time with --threads 1, or train on fewer comments or a smaller vocabulary (--max-features)"
                : fileInput ? "; or split the input into several files" : "";
        String xmx = "-Xmx" + 2 * Math.max(1, (maxHeap + (1L << 30) - 1) >> 30) + "g";
        String example = launcher == null ? "java " + xmx + " -jar commentguard.jar" : "JAVA_OPTS=" + xmx + " " + launcher;
        return String.format(java.util.Locale.ROOT, "error: out of memory: %s needs more than Java's heap limit of %,d MB here."
                + " Give Java more with -Xmx, e.g. %s %s ...%s",
                command.isEmpty() ? "commentguard" : command, maxHeap >> 20, example, command, hint);
    }

    /**
     * Weka's matrix library announces at start-up that it falls back from native BLAS to Java; not our users' concern.
     * Starting java.util.logging costs about 25 ms, which is why one-comment scoring does it off the main thread.
     */
    static void quietNetlib() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("com.github.fommil");
        logger.setLevel(java.util.logging.Level.SEVERE);
        netlib = logger;
    }

    /** The configured command line, also used by tests with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** One clear line on stderr, no stack trace, and an exit code that tells what went wrong. */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        int code;
        if (t instanceof UsageException) {
            code = 2;
        } else if (t instanceof ModelFileException) {
            code = EXIT_MODEL;
        } else if (t instanceof IOException || t instanceof TrainingException) {
            code = EXIT_INPUT; // InputFormatException and every other I/O problem with the user's files
        } else {
            code = 1;
        }
        err.println("error: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
        if (code == 1 && System.getenv("COMMENTGUARD_DEBUG") != null) {
            t.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** An option combination that cannot work, found after parsing. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

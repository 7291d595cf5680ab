package dev.commentguard.cli;

import dev.commentguard.ModelFileException;
import dev.commentguard.io.FileProblems;
import dev.commentguard.io.OutputException;
import dev.commentguard.training.TrainingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.nio.file.FileSystemException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** Entry point of {@code java -jar commentguard.jar}. */
@Command(name = "commentguard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Comment spam and quality classifier for news and blog comment sections.")
public final class Main implements Runnable {

    /**
     * The commands, by name, in the order the help lists them. Added to the command line by {@link #commandLine(String[])}
     * rather than named in the annotation, so that a command line that runs one of them reads that one's annotations only.
     */
    private static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("train", TrainCommand.class);
        m.put("score", ScoreCommand.class);
        m.put("evaluate", EvaluateCommand.class);
        m.put("info", InfoCommand.class);
        m.put("feedback", FeedbackCommand.class);
        m.put("serve", ServeCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(m);
    }

    static final int EXIT_INPUT = 3;
    static final int EXIT_MODEL = 4;
    static final int EXIT_OUTPUT = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ExitCodes exitCodes;

    /** Held so that the level set in {@link #quietNetlib} is not lost when the logger is garbage-collected. */
    private static volatile java.util.logging.Logger netlib;

    public static void main(String[] args) {
        // score and evaluate load their model on a second thread while the command line is parsed; that thread quiets
        // netlib before it loads, every other command here, before any Weka class is touched.
        if (!ModelPrefetch.start(args)) {
            quietNetlib();
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught(thread, e, args));
        int code;
        StandardOutput out = new StandardOutput();
        try {
            CommandLine cl = commandLine(args).setOut(out);
            code = cl.execute(args);
            if (code == 0) {
                code = checkOutput(out, cl.getErr());
            } else {
                out.flush(); // what was written before the error; the error itself has been said
            }
        } catch (Error e) {
            if (!outOfMemory(e)) {
                throw e;
            }
            // The command's data becomes unreachable once its other threads have failed too, which
            // sayOutOfMemory gives a moment; a model or --output file is only ever renamed into place when
            // complete, so nothing half-written is left behind.
            reserve = null;
            code = 1;
            sayOutOfMemory(args);
        }
        try {
            System.exit(code);
        } catch (OutOfMemoryError e) {
            Runtime.getRuntime().halt(code); // no shutdown hooks to run: files are closed and renamed by now
        }
    }

    /** Exit code 0, or 5 with one line on {@code err} when what the command wrote could not all be written. */
    static int checkOutput(PrintWriter out, PrintWriter err) {
        try {
            StandardOutput.check(out);
            return 0;
        } catch (OutputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return EXIT_OUTPUT;
        }
    }

    /**
     * A thread of the command that ends in an error. Out of heap, it ends the command as the main thread would: one
     * line and exit code 1, the temporary files of unfinished output removed on the way out. That thread may have
     * died before it could hand the error to whoever waits for its result, who would then wait for ever. Any other
     * error is printed as Java prints it.
     */
    private static void uncaught(Thread thread, Throwable e, String[] args) {
        if (!outOfMemory(e)) {
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace();
            return;
        }
        reserve = null;
        sayOutOfMemory(args);
        try {
            System.exit(1);
        } catch (OutOfMemoryError again) {
            Runtime.getRuntime().halt(1);
        }
    }

    /** Set by the first thread to say that the heap ran out, so that it is said once. */
    private static final AtomicBoolean SAID_OUT_OF_MEMORY = new AtomicBoolean();

    /**
     * Says that the heap ran out, and what to do, unless another thread has. Other threads of the command may still be failing and holding
     * the heap for a moment, so a message that cannot be built yet is tried again a few times before the fixed
     * line is printed instead.
     */
    private static void sayOutOfMemory(String[] args) {
        if (SAID_OUT_OF_MEMORY.getAndSet(true)) {
            return;
        }
        try {
            ModelPrefetch.abandon(); // a model still loading beside the command would take the freed heap
        } catch (OutOfMemoryError stillLoading) {
            // the retries below give it time
        }
        for (int attempt = 1; ; attempt++) {
            try {
                System.err.println(outOfMemoryMessage(args, Runtime.getRuntime().maxMemory(), System.getProperty(LAUNCHER)));
                return;
            } catch (OutOfMemoryError again) {
                if (attempt == 10) {
                    System.err.println(OUT_OF_MEMORY); // the heap is still held: say it without building a string
                    return;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether {@code e} is the heap running out: an OutOfMemoryError, or the NoClassDefFoundError of a class whose
     * initialisation ran out of heap, maybe in another thread (Java keeps that first failure only as a message).
     */
    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError
                    || t instanceof ExceptionInInitializerError && String.valueOf(t.getMessage()).contains("OutOfMemoryError")) {
                return true;
            }
        }
        return false;
    }

    /** Heap set aside at start, let go of to say that the heap ran out. */
    @SuppressWarnings("unused")
    private static volatile byte[] reserve = new byte[256 << 10];

    private static final String OUT_OF_MEMORY = "error: out of memory: give Java a larger heap with -Xmx,"
            + " e.g. java -Xmx8g -jar commentguard.jar ...";

    /** The system property bin/commentguard sets to the path it was started by, so that advice can name it. */
    static final String LAUNCHER = "commentguard.launcher";

    /**
     * What to do when Java's heap was too small for the command {@code args}; {@code launcher} is the path of the
     * bin/commentguard script that started us, which takes Java's options from JAVA_OPTS, or null for java -jar.
     * Built with a plain StringBuilder: String.format's locale data and the first run of a string concatenation
     * each allocate far more than this, at the moment the heap is fullest.
     */
    static String outOfMemoryMessage(String[] args, long maxHeap, String launcher) {
        String command = args.length == 0 ? "" : args[0];
        boolean fileInput = false;
        for (String a : args) {
            fileInput |= a.startsWith("--input") || a.startsWith("--data");
        }
        boolean streamed = List.of(args).contains("--stream");
        String hint = command.equals("train") && !streamed ? "; or train from disk with --stream, fit one model at a time with"
                + " --threads 1, or train on fewer comments or a smaller vocabulary (--max-features)"
                : command.equals("train") ? "; or train on a smaller vocabulary (--max-features, --hash-bits)"
                : fileInput ? "; or split the input into several files" : "";
        long xmx = 2 * Math.max(1, (maxHeap + (1L << 30) - 1) >> 30);
        StringBuilder m = new StringBuilder(512).append("error: out of memory: ")
                .append(command.isEmpty() ? "commentguard" : command).append(" needs more than Java's heap limit of ");
        appendGrouped(m, maxHeap >> 20).append(" MB here. Give Java more with -Xmx, e.g. ");
        if (launcher == null) {
            m.append("java -Xmx").append(xmx).append("g -jar commentguard.jar ");
        } else {
            m.append("JAVA_OPTS=-Xmx").append(xmx).append("g ").append(launcher).append(' ');
        }
        return m.append(command).append(" ...").append(hint).toString();
    }

    /** {@code n} with a comma between each group of three digits, as {@code %,d} writes it in the root locale. */
    private static StringBuilder appendGrouped(StringBuilder m, long n) {
        if (n >= 1000) {
            appendGrouped(m, n / 1000).append(',');
            long rest = n % 1000;
            return m.append(rest < 100 ? (rest < 10 ? "00" : "0") : "").append(rest);
        }
        return m.append(n);
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

    /** The configured command line with every command, also used by tests with their own writers. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments. When the first one names a command other than {@code help}, only that
     * command is added: picocli reads the annotations of every command it is given, which is most of the start of
     * a one-comment {@code score} (docs/benchmarks.md), and no other command is reachable from those arguments. Any
     * other first argument (an option, a mistyped name, none) gets every command, for the help and its suggestions.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = args.length == 0 || args[0].equals("help") ? null : COMMANDS.get(args[0]);
        for (Map.Entry<String, Class<?>> c : COMMANDS.entrySet()) {
            if (only == null || c.getValue() == only) {
                cl.addSubcommand(c.getKey(), c.getValue());
            }
        }
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler(CommandLineParts::usageError);
        CommandLineParts.versionEverywhere(cl);
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
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        if (t instanceof UsageException) {
            code = 2;
        } else if (t instanceof ModelFileException) {
            code = EXIT_MODEL;
        } else if (t instanceof OutputException) {
            code = EXIT_OUTPUT;
        } else if (t instanceof IOException || t instanceof TrainingException) {
            code = EXIT_INPUT; // InputFormatException and every other I/O problem with the user's files
            if (t instanceof FileSystemException f && f.getFile() != null) {
                message = f.getFile() + ": " + FileProblems.reason(f); // the JDK's own message can be the bare name
            }
        } else {
            code = 1;
        }
        err.println("error: " + message);
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

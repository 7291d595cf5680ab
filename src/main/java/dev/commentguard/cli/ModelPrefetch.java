package dev.commentguard.cli;

import dev.commentguard.CommentScorer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Loads the model of a {@code score} or {@code evaluate} command on a second thread, started before the command line is
 * even parsed. Building the command line and loading the model take about as long as each other (150–200 ms each with
 * the class-data archive), and a one-comment {@code score} needs both, so on two cores they overlap.
 *
 * <p>The model named on the command line is guessed from the raw arguments ({@code --model F} or {@code --model=F}, else
 * the bundled model). The guess never decides anything: {@link #load} hands out the prefetched scorer only for the model
 * picocli parsed, and loads directly otherwise. A failed prefetch fails {@link #load} with the same exception a direct
 * load would have thrown.
 */
final class ModelPrefetch {

    private record Pending(Path model, FutureTask<CommentScorer> task) {
    }

    private static volatile Pending pending;

    private ModelPrefetch() {
    }

    /**
     * Starts loading the model {@code args} ask for, if they are a command that loads one, after
     * {@link Main#quietNetlib} on the same thread. Returns whether a load started; if not, nothing ran.
     */
    static boolean start(String[] args) {
        if (args.length == 0 || !(args[0].equals("score") || args[0].equals("evaluate"))) {
            return false;
        }
        Path model = modelArgument(args);
        FutureTask<CommentScorer> task = new FutureTask<>(() -> {
            Main.quietNetlib();
            return model == null ? CommentScorer.loadDefault() : CommentScorer.load(model);
        });
        pending = new Pending(model, task);
        Thread thread = new Thread(task, "commentguard-model-prefetch");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** The scorer for {@code model} ({@code null}: the bundled one), from the prefetch when it loaded that model. */
    static CommentScorer load(Path model) throws IOException {
        Pending p = pending;
        if (p == null || !Objects.equals(p.model(), model)) {
            Main.quietNetlib();
            return model == null ? CommentScorer.loadDefault() : CommentScorer.load(model);
        }
        // Handed over once: the command holds the scorer from here, and once it lets go, so does everything
        // (a command that runs out of memory must get its heap back to say so).
        pending = null;
        try {
            return p.task().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading the model", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof RuntimeException re) {
                throw re;
            } else if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * After the command ran out of heap: waits a little for a load that may still be running, so that it stops
     * taking heap, and lets go of its model.
     */
    static void abandon() {
        Pending p = pending;
        pending = null;
        if (p == null) {
            return;
        }
        try {
            p.task().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // what the load came to no longer matters
        }
    }

    /** The last {@code --model} value before {@code --}, or {@code null} if there is none (or it is not a path). */
    static Path modelArgument(String[] args) {
        String value = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            } else if (a.equals("--model") && i + 1 < args.length) {
                value = args[++i];
            } else if (a.startsWith("--model=")) {
                value = a.substring("--model=".length());
            }
        }
        try {
            return value == null ? null : Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }
}

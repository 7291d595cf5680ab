package dev.commentguard.concurrent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to other threads. Stateless. */
public final class Tasks {

    private Tasks() {
    }

    /**
     * The task's result. Its failure is rethrown as it was when unchecked (an error in a fitting or scoring
     * thread reaches the caller as itself, so the command line reports it as such), wrapped otherwise.
     *
     * @param doing what the caller was doing, for the exception when the wait is interrupted ("scoring")
     */
    public static <T> T await(Future<T> task, String doing) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        }
    }

    /** Each task's result, in order; the first failure is thrown as {@link #await} throws it, and cancels the tasks still running. */
    public static <T> java.util.List<T> awaitAll(java.util.List<Future<T>> tasks, String doing) {
        java.util.List<T> results = new java.util.ArrayList<>(tasks.size());
        try {
            for (Future<T> task : tasks) {
                results.add(await(task, doing));
            }
            return results;
        } finally {
            tasks.forEach(t -> t.cancel(true));
        }
    }

    /**
     * A pool of {@code threads} daemon threads named {@code name}: work handed to it never keeps the process alive after
     * the command has ended (the command shuts it down when done).
     */
    public static java.util.concurrent.ExecutorService daemonPool(int threads, String name) {
        return java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Ends a task whose result is no longer wanted (another failed, or the work is being stopped): call it often. */
    public static void stopWhenCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("stopped: the result is no longer wanted");
        }
    }
}

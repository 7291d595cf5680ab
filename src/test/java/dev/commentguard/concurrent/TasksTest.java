package dev.commentguard.concurrent;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TasksTest {

    /** The first failure reaches the caller as itself, and a task still running is told to stop and does. */
    @Test
    void aFailureStopsTheTasksStillRunning() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            Future<Integer> failing = pool.submit(() -> {
                started.await();
                throw new IllegalArgumentException("bad row 7");
            });
            Future<Integer> endless = pool.submit(() -> {
                started.countDown();
                try {
                    while (true) {
                        Tasks.stopWhenCancelled();
                        Thread.onSpinWait();
                    }
                } finally {
                    stopped.countDown();
                }
            });
            assertThatThrownBy(() -> Tasks.awaitAll(List.of(failing, endless), "testing"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("bad row 7");
            assertThat(stopped.await(10, TimeUnit.SECONDS)).as("the running task stopped").isTrue();
            assertThat(endless.isCancelled()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resultsComeInTheTasksOrder() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> tasks = List.of(pool.submit(() -> "a"), pool.submit(() -> "b"), pool.submit(() -> "c"));
            assertThat(Tasks.awaitAll(tasks, "testing")).containsExactly("a", "b", "c");
        } finally {
            pool.shutdownNow();
        }
    }
}

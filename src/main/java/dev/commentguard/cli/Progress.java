package dev.commentguard.cli;

import dev.commentguard.training.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.util.HashMap;
import java.util.Map;

/**
 * Progress bars on stderr, one per phase, shown only when stderr is a terminal so that logs and pipes
 * stay clean. Thread-safe.
 */
final class Progress implements ProgressListener, AutoCloseable {

    private final boolean enabled;
    private final Map<String, ProgressBar> bars = new HashMap<>();

    private Progress(boolean enabled) {
        this.enabled = enabled;
    }

    /** A display that prints nothing. */
    static Progress none() {
        return new Progress(false);
    }

    /** A progress display if a terminal is attached, else one that prints nothing. */
    static Progress onTerminal() {
        return new Progress(System.console() != null && System.getenv("CI") == null);
    }

    @Override
    public synchronized void progress(String phase, long done, long total) {
        if (!enabled) {
            return;
        }
        ProgressBar bar = bars.computeIfAbsent(phase, p -> new ProgressBarBuilder().setTaskName(p).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build());
        bar.maxHint(total);
        bar.stepTo(done);
        if (done >= total) {
            bar.close();
        }
    }

    @Override
    public synchronized void close() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
    }
}

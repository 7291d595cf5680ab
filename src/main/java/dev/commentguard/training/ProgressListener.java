package dev.commentguard.training;

/** Receives progress of long operations. Implementations must be thread-safe: folds report concurrently. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (phase, done, total) -> { };

    /** {@code done} of {@code total} steps of {@code phase} are finished. */
    void progress(String phase, long done, long total);
}

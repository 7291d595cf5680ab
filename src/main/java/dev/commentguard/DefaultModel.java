package dev.commentguard;

import dev.commentguard.model.ModelFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * The default model inside the jar, loaded on first use and shared. A field rather than a holder class: a holder's
 * failed initialisation could never be retried, and surfaced as {@link ExceptionInInitializerError}. Thread-safe.
 */
final class DefaultModel {

    /** Where the default model lives inside the jar. */
    static final String RESOURCE = "/dev/commentguard/model/default.model";

    private static volatile CommentScorer loaded;

    private DefaultModel() {
    }

    /** See {@link CommentScorer#loadDefault()}. */
    static CommentScorer scorer() {
        CommentScorer scorer = loaded;
        if (scorer == null) {
            synchronized (DefaultModel.class) {
                scorer = loaded;
                if (scorer == null) {
                    scorer = read();
                    loaded = scorer;
                }
            }
        }
        return scorer;
    }

    private static CommentScorer read() {
        URL resource = CommentScorer.class.getResource(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException("the default model " + RESOURCE
                    + " is missing from the class path; build the jar with models/default.model present");
        }
        try {
            return CommentScorer.of(ModelFile.load(resource, "default model"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled default model", e);
        }
    }
}

package dev.commentguard.cli;

import dev.commentguard.CommentScorer;
import dev.commentguard.Thresholds;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** The model options shared by score and evaluate. */
final class ModelMixin {

    @Option(names = "--model", paramLabel = "FILE", description = "Model file. Default: the model bundled in the jar.")
    Path model;

    @Option(names = "--review-threshold", paramLabel = "P", description = "Override the model's review threshold on the spam"
            + " score, from 0 to 1 (the block threshold rises with it if it is lower).")
    Double review;

    @Option(names = "--block-threshold", paramLabel = "P", description = "Override the model's block threshold on the spam"
            + " score, from 0 to 1 (the review threshold falls with it if it is higher).")
    Double block;

    CommentScorer load() throws IOException {
        checkRange("--review-threshold", review);
        checkRange("--block-threshold", block);
        CommentScorer scorer = ModelPrefetch.load(model);
        if (review != null || block != null) {
            try {
                scorer = scorer.withThresholds(new Thresholds(review != null ? review : Math.min(scorer.thresholds().review(), block),
                        block != null ? block : Math.max(scorer.thresholds().block(), review)));
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(e.getMessage());
            }
        }
        return scorer;
    }

    private static void checkRange(String option, Double p) {
        if (p != null && !(p >= 0 && p <= 1)) {
            throw new Main.UsageException(option + " must lie from 0 to 1: " + p);
        }
    }
}

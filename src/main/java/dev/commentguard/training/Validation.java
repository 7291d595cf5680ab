package dev.commentguard.training;

import dev.commentguard.model.Learner;
import dev.commentguard.model.OnlineFolds;

import java.util.Locale;

/** How training makes the out-of-sample scores that measure a model and choose its thresholds. */
public enum Validation {
    /** Progressive where it applies ({@link #progressive}), cross-validation elsewhere. */
    AUTO,
    /** K-fold cross-validation, by group when every comment has one. */
    FOLDS,
    /**
     * Progressive validation: the online learner, in its single pass, scores each comment before it learns from it;
     * the second half of the pass gives the scores. Five to six times less work than five folds, for data too large
     * to cross-validate (docs/benchmarks.md).
     */
    PROGRESSIVE;

    /**
     * Whether training with {@code options} validates progressively ({@link OnlineFolds#progressive}) rather than by
     * folds: asked for, or by default ({@link #AUTO}) when the online learner makes a single pass over the data (at least
     * {@link OnlineFolds#SINGLE_PASS} comments), the n-grams are hashed, and neither groups nor a corpus beside the
     * site's comments ask for folds of their own.
     *
     * @throws TrainingException when progressive validation is asked for where it cannot apply
     */
    public boolean progressive(int comments, boolean grouped, boolean withCorpus, TrainingOptions options) {
        boolean possible = options.learner() == Learner.ONLINE && options.features().ngrams().hashed() && !grouped
                && !withCorpus;
        return switch (this) {
            case FOLDS -> false;
            case AUTO -> possible && comments >= OnlineFolds.SINGLE_PASS;
            case PROGRESSIVE -> {
                if (!possible) {
                    throw new TrainingException("progressive validation needs --learner online and hashed n-grams, and"
                            + " neither --group-column (whose folds keep each kind of site unseen) nor --with-corpus");
                }
                yield true;
            }
        };
    }

    /** The name on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Validation fromCode(String code) {
        for (Validation v : values()) {
            if (v.code().equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown validation '" + code + "'; choose auto, folds or progressive");
    }
}

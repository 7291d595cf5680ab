package dev.commentguard.training;

import dev.commentguard.features.FeatureSettings;
import dev.commentguard.model.Learner;

import java.util.List;
import java.util.Objects;

/**
 * How to train. Immutable; validated on construction.
 *
 * @param positiveLabel the spam label
 * @param learner       the Weka learner
 * @param features      feature settings
 * @param folds         cross-validation folds used to measure the model and choose its thresholds
 * @param seed          random seed for fold assignment and the learner
 * @param reviewFpr     largest false-positive rate allowed at the review threshold
 * @param blockFpr      largest false-positive rate allowed at the block threshold
 * @param trainingFiles names of the files the data came from, for the manifest
 * @param threads       fits run at once; each holds its own copy of the data, so fewer threads need less memory
 *                      and more time. The model is the same for any number
 * @param validation    how the out-of-sample scores that measure the model and choose its thresholds are made
 */
public record TrainingOptions(String positiveLabel, Learner learner, FeatureSettings features, int folds, long seed,
                              double reviewFpr, double blockFpr, List<String> trainingFiles, int threads,
                              Validation validation) {

    public static final int DEFAULT_FOLDS = 5;
    public static final double DEFAULT_REVIEW_FPR = 0.05;
    public static final double DEFAULT_BLOCK_FPR = 0.005;

    public TrainingOptions {
        Objects.requireNonNull(positiveLabel, "positiveLabel");
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(features, "features");
        if (folds < 2 || folds > 100) {
            throw new IllegalArgumentException("folds must be between 2 and 100: " + folds);
        }
        if (!(blockFpr > 0 && blockFpr <= reviewFpr && reviewFpr < 1)) {
            throw new IllegalArgumentException("need 0 < block FPR <= review FPR < 1: " + blockFpr + ", " + reviewFpr);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        Objects.requireNonNull(validation, "validation");
        trainingFiles = List.copyOf(trainingFiles);
    }

    /** Defaults: label {@code spam}, logistic regression, default features, 5 folds, seed 1, a thread per processor. */
    public static TrainingOptions defaults() {
        return new TrainingOptions("spam", Learner.LOGISTIC, FeatureSettings.DEFAULT, DEFAULT_FOLDS, 1,
                DEFAULT_REVIEW_FPR, DEFAULT_BLOCK_FPR, List.of(), Runtime.getRuntime().availableProcessors(), Validation.AUTO);
    }

    public TrainingOptions withPositiveLabel(String value) {
        return new TrainingOptions(value, learner, features, folds, seed, reviewFpr, blockFpr, trainingFiles, threads, validation);
    }

    public TrainingOptions withLearner(Learner value) {
        return new TrainingOptions(positiveLabel, value, features, folds, seed, reviewFpr, blockFpr, trainingFiles, threads, validation);
    }

    public TrainingOptions withFeatures(FeatureSettings value) {
        return new TrainingOptions(positiveLabel, learner, value, folds, seed, reviewFpr, blockFpr, trainingFiles, threads, validation);
    }

    public TrainingOptions withFolds(int value) {
        return new TrainingOptions(positiveLabel, learner, features, value, seed, reviewFpr, blockFpr, trainingFiles, threads, validation);
    }

    public TrainingOptions withSeed(long value) {
        return new TrainingOptions(positiveLabel, learner, features, folds, value, reviewFpr, blockFpr, trainingFiles, threads, validation);
    }

    public TrainingOptions withThreads(int value) {
        return new TrainingOptions(positiveLabel, learner, features, folds, seed, reviewFpr, blockFpr, trainingFiles, value, validation);
    }

    public TrainingOptions withTrainingFiles(List<String> value) {
        return new TrainingOptions(positiveLabel, learner, features, folds, seed, reviewFpr, blockFpr, value, threads, validation);
    }

    public TrainingOptions withValidation(Validation value) {
        return new TrainingOptions(positiveLabel, learner, features, folds, seed, reviewFpr, blockFpr, trainingFiles, threads,
                value);
    }
}

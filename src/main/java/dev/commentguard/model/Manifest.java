package dev.commentguard.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The provenance and settings of a model, stored as JSON at the head of the model file and printed by
 * {@code info}. Immutable.
 *
 * @param formatVersion       model file format version
 * @param createdAt           ISO-8601 time of training (from {@code SOURCE_DATE_EPOCH} when set, for reproducible files)
 * @param commentguardVersion version of CommentGuard that trained it
 * @param wekaVersion         version of Weka that trained it
 * @param javaVersion         Java runtime that trained it
 * @param learner             learner code, e.g. {@code smo}
 * @param learnerOptions      the learner's full Weka specification
 * @param seed                random seed of training and cross-validation
 * @param labels              the class labels, in the classifier's order
 * @param positiveLabel       the spam label used for the spam score, thresholds and binary metrics
 * @param reviewThreshold     spam score from which a comment is held for review
 * @param blockThreshold      spam score from which a comment is blocked
 * @param features            the feature settings
 * @param vocabularySize      number of n-gram features
 * @param trainingFiles       names of the training files
 * @param trainingSha256      SHA-256 over the training comments and labels, in order
 * @param rowsPerClass        training rows per label
 * @param cvFolds             folds of the cross-validation that chose the thresholds; 0 when they were chosen by
 *                            progressive validation ({@code train --validation progressive})
 * @param cvMetrics           cross-validated metrics (accuracy, mcc, roc_auc, ...)
 */
public record Manifest(int formatVersion, String createdAt, String commentguardVersion, String wekaVersion,
                       String javaVersion, String learner, String learnerOptions, long seed, List<String> labels,
                       String positiveLabel, double reviewThreshold, double blockThreshold,
                       Map<String, String> features, int vocabularySize, List<String> trainingFiles,
                       String trainingSha256, Map<String, Integer> rowsPerClass, int cvFolds,
                       Map<String, Double> cvMetrics) {

    public Manifest {
        Objects.requireNonNull(learner, "learner");
        labels = List.copyOf(labels);
        if (!labels.contains(positiveLabel)) {
            throw new IllegalArgumentException("positive label '" + positiveLabel + "' is not among the labels " + labels);
        }
        features = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(features));
        trainingFiles = List.copyOf(trainingFiles);
        rowsPerClass = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerClass));
        cvMetrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cvMetrics));
    }
}

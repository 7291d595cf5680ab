/**
 * The trained model and its file: the Weka learners we train, the adapter from our feature vectors to
 * Weka instances, the pool that keeps Weka's non-thread-safe classifiers away from concurrent callers,
 * the plain-array path that scores logistic models without Weka, the provenance manifest and its
 * reader, and the checked, atomic model file format.
 */
package dev.commentguard.model;

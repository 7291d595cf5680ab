/**
 * The trained model and its file: the Weka learners we train, the adapter from our feature vectors to
 * Weka instances, the pool that keeps Weka's non-thread-safe classifiers away from concurrent callers,
 * the plain-array path that scores logistic models without Weka, the provenance manifest and its JSON
 * codec ({@code ManifestCodec}), and the checked, atomic model file: {@link dev.commentguard.model.ModelFile}
 * saves and loads it, {@code ModelFileLayout} finds and checks its parts, {@code ModelFileWriter} writes the
 * current format, {@code ModelFileReader} reads it and {@code LegacyModelFormats} what older formats read
 * differently.
 */
package dev.commentguard.model;

/**
 * Training: from labelled comments to a model, with stratified cross-validation that measures the
 * model and chooses its review and block thresholds; and training a site's comments together with a corpus
 * ({@link dev.commentguard.training.CorpusMix}), the thresholds then chosen from the site's comments alone.
 */
package dev.commentguard.training;

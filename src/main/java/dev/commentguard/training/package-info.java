/**
 * Training: from labelled comments to a model, with stratified cross-validation that measures the
 * model and chooses its review and block thresholds.
 */
package dev.commentguard.training;

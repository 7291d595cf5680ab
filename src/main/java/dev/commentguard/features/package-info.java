/**
 * Feature extraction: the n-gram vectoriser fixed at training time ({@link dev.commentguard.features.HashedNgrams},
 * n-grams hashed into buckets; {@link dev.commentguard.features.VocabularyNgrams} for models made before hashing)
 * and the comment signals (links, phone numbers, capitals, copying from the article, ...). The pipeline is immutable once built and
 * safe to share across threads; extraction is a pure function of the comment and its
 * {@link dev.commentguard.features.ExtractionContext} (where prepared articles are cached, and whether the text
 * was posted before), which is all that differs between a comment scored on its own, a stream and a batch.
 */
package dev.commentguard.features;

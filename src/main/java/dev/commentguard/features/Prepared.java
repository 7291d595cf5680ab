package dev.commentguard.features;

import dev.commentguard.text.NormalizedText;

/**
 * A comment after the work that needs no vocabulary: normalised text and signals. Immutable. Training
 * prepares every comment once and re-uses the result in every cross-validation fold.
 */
public record Prepared(NormalizedText text, SignalValues signals) {
}

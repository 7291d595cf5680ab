package dev.commentguard.features;

import dev.commentguard.text.NormalizedText;

/**
 * A comment turned into features: its normalised text, its signals, the text its n-grams were taken from
 * and the full sparse vector (n-grams followed by signals). Immutable.
 */
public record Features(NormalizedText text, SignalValues signals, String ngramText, SparseVector vector) {
}

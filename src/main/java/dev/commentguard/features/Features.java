package dev.commentguard.features;

import dev.commentguard.text.NormalizedText;

/**
 * A comment turned into features: its normalised text, its signals, the text its n-grams were taken from,
 * the full sparse vector (n-grams followed by signals) and the contacts read on the way (feature version 2 and
 * later; {@code null} before), kept for the block rule, which would otherwise read them a second time. Immutable.
 */
public record Features(NormalizedText text, SignalValues signals, String ngramText, SparseVector vector,
                       Contacts contacts) {
}

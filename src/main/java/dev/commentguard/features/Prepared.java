package dev.commentguard.features;

import dev.commentguard.text.NormalizedText;

/**
 * A comment after the work that needs no vocabulary: normalised text and signals. Immutable. Training
 * prepares every comment once and re-uses the result in every cross-validation fold.
 *
 * @param contacts the comment's links, phone numbers and e-mail addresses read in context (feature
 *                 version 2), or {@code null} when they were not read
 */
public record Prepared(NormalizedText text, SignalValues signals, Contacts contacts) {

    /** A comment prepared for a model of feature version 1, which reads no contacts. */
    public Prepared(NormalizedText text, SignalValues signals) {
        this(text, signals, null);
    }
}

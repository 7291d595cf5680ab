package dev.commentguard;

/**
 * The two cut-offs on the spam score that turn it into an {@link Action}. Immutable.
 *
 * @param review scores at or above this (and below {@code block}) are held for review
 * @param block  scores at or above this are blocked
 */
public record Thresholds(double review, double block) {

    public Thresholds {
        if (!(review >= 0 && review <= 1 && block >= 0 && block <= 1)) {
            throw new IllegalArgumentException("thresholds must lie in [0, 1]: review=" + review + ", block=" + block);
        }
        if (review > block) {
            throw new IllegalArgumentException("the review threshold " + review + " is above the block threshold " + block);
        }
    }

    public Action actionFor(double spamScore) {
        if (spamScore >= block) {
            return Action.BLOCK;
        }
        return spamScore >= review ? Action.REVIEW : Action.ALLOW;
    }
}

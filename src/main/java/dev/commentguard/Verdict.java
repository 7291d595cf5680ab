package dev.commentguard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scorer's answer for one comment. Immutable and thread-safe.
 *
 * @param id            the comment's id, echoed
 * @param label         the most probable class
 * @param spamScore     probability of the positive (spam) class
 * @param probabilities probability of every class, in the model's label order
 * @param action        allow, demote, review or block: from the thresholds on {@code spamScore}, the block rule and the label (see {@link Action})
 * @param reasons       the strongest reasons, strongest first
 */
public record Verdict(String id, String label, double spamScore, Map<String, Double> probabilities,
                      Action action, List<Reason> reasons) {

    public Verdict {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(action, "action");
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
        reasons = List.copyOf(reasons);
    }
}

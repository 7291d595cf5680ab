package dev.commentguard.evaluation;

import dev.commentguard.Action;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many labelled comments share a true label, a predicted label, an action and a group: what {@link Metrics} and
 * {@link Moderation} count besides the scores, so that counts a distributed job aggregated give the figures that the
 * predictions themselves give. Immutable.
 *
 * @param truth     the true label
 * @param predicted the most probable label
 * @param action    what the scorer did, or {@code null} for predictions not turned into actions
 * @param group     the comments' group, such as their kind of site, or {@code null} for none
 * @param count     how many comments, at least one
 */
public record PredictionCount(String truth, String predicted, Action action, String group, long count) {

    public PredictionCount {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
    }

    /**
     * The predictions counted.
     *
     * @param groups the group of each prediction, in the same order, or {@code null} when none has a group
     */
    public static List<PredictionCount> of(List<Prediction> predictions, List<String> groups) {
        if (groups != null && groups.size() != predictions.size()) {
            throw new IllegalArgumentException(groups.size() + " groups for " + predictions.size() + " predictions");
        }
        Map<List<Object>, long[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            String group = groups == null ? null : groups.get(i);
            counts.computeIfAbsent(Arrays.asList(p.truth(), p.predicted(), p.action(), group), k -> new long[1])[0]++;
        }
        List<PredictionCount> out = new ArrayList<>(counts.size());
        counts.forEach((k, n) -> out.add(new PredictionCount((String) k.get(0), (String) k.get(1), (Action) k.get(2),
                (String) k.get(3), n[0])));
        return out;
    }
}

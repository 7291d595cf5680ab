package dev.commentguard.evaluation;

import dev.commentguard.Action;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the scorer's actions did to a set of labelled comments: overall, per true label and per group (such as
 * the kind of site). Immutable.
 *
 * @param positiveLabel  the spam label; every other label is genuine
 * @param all            the figures over every comment
 * @param actionsByLabel per true label, in the order given, how many of its comments got each action
 * @param groups         the figures per group, groups in alphabetical order; empty when no comment has a group
 */
public record Moderation(String positiveLabel, ActionRates all, Map<String, Map<Action, Integer>> actionsByLabel,
                         Map<String, ActionRates> groups) {

    public Moderation {
        Map<String, Map<Action, Integer>> byLabel = new LinkedHashMap<>();
        actionsByLabel.forEach((label, counts) -> byLabel.put(label, Collections.unmodifiableMap(new EnumMap<>(counts))));
        actionsByLabel = Collections.unmodifiableMap(byLabel);
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }

    /**
     * Counts the actions of {@code predictions}.
     *
     * @param groups the group of each prediction, in the same order, {@code null} for none; a prediction without
     *               a group among others that have one is counted under the empty group
     * @param labels the labels, in the order to report them
     * @throws IllegalArgumentException when a prediction has no action or a label not in {@code labels}, or the
     *                                  lists differ in length
     */
    public static Moderation of(List<Prediction> predictions, List<String> groups, List<String> labels, String positiveLabel) {
        if (groups.size() != predictions.size()) {
            throw new IllegalArgumentException(groups.size() + " groups for " + predictions.size() + " predictions");
        }
        Map<String, Map<Action, Integer>> byLabel = new LinkedHashMap<>();
        for (String label : labels) {
            Map<Action, Integer> counts = new EnumMap<>(Action.class);
            for (Action a : Action.values()) {
                counts.put(a, 0);
            }
            byLabel.put(label, counts);
        }
        boolean grouped = groups.stream().anyMatch(g -> g != null);
        Map<String, List<Prediction>> byGroup = new TreeMap<>();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction p = predictions.get(i);
            Map<Action, Integer> counts = byLabel.get(p.truth());
            if (counts == null) {
                throw new IllegalArgumentException("label '" + p.truth() + "' is not one of " + labels);
            }
            if (p.action() != null) {
                counts.merge(p.action(), 1, Integer::sum);
            }
            if (grouped) {
                String g = groups.get(i) == null ? "" : groups.get(i);
                byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, ActionRates> rates = new LinkedHashMap<>();
        byGroup.forEach((g, ps) -> rates.put(g, ActionRates.of(ps, positiveLabel)));
        return new Moderation(positiveLabel, ActionRates.of(predictions, positiveLabel), byLabel, rates);
    }
}

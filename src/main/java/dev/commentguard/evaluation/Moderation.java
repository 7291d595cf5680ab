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
        List<PredictionCount> counts = PredictionCount.of(predictions, groups);
        boolean grouped = groups.stream().anyMatch(g -> g != null);
        Map<String, List<Prediction>> byGroup = new TreeMap<>();
        for (int i = 0; i < predictions.size() && grouped; i++) {
            byGroup.computeIfAbsent(groups.get(i) == null ? "" : groups.get(i), k -> new ArrayList<>()).add(predictions.get(i));
        }
        Map<String, RankedScores> scores = new TreeMap<>();
        byGroup.forEach((g, ps) -> scores.put(g, ranked(ps, positiveLabel)));
        return of(counts, ranked(predictions, positiveLabel), scores, labels, positiveLabel);
    }

    private static RankedScores ranked(List<Prediction> predictions, String positiveLabel) {
        double[] scores = new double[predictions.size()];
        boolean[] positive = new boolean[predictions.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = predictions.get(i).spamScore();
            positive[i] = predictions.get(i).truth().equals(positiveLabel);
        }
        return RankedScores.of(scores, positive);
    }

    /**
     * Counts the actions of counted predictions, as a job that aggregates them where they are has them; gives what
     * {@link #of(List, List, List, String)} gives for the same predictions.
     *
     * @param all     the spam scores of every prediction, ranked, positive meaning {@code positiveLabel}
     * @param byGroup the spam scores of each group's predictions, ranked, under the group's name ({@code ""} for the
     *                predictions without a group among others that have one); empty when no prediction has a group
     * @param labels  the labels, in the order to report them
     * @throws IllegalArgumentException when a prediction has no action or a label not in {@code labels}, or the groups
     *                                  of {@code byGroup} are not those of the counts
     */
    public static Moderation of(List<PredictionCount> counts, RankedScores all, Map<String, RankedScores> byGroup,
                                List<String> labels, String positiveLabel) {
        Map<String, Map<Action, Integer>> byLabel = new LinkedHashMap<>();
        for (String label : labels) {
            Map<Action, Integer> actions = new EnumMap<>(Action.class);
            for (Action a : Action.values()) {
                actions.put(a, 0);
            }
            byLabel.put(label, actions);
        }
        boolean grouped = counts.stream().anyMatch(c -> c.group() != null);
        Map<String, List<PredictionCount>> groups = new TreeMap<>();
        for (PredictionCount c : counts) {
            Map<Action, Integer> actions = byLabel.get(c.truth());
            if (actions == null) {
                throw new IllegalArgumentException("label '" + c.truth() + "' is not one of " + labels);
            }
            if (c.action() != null) {
                actions.merge(c.action(), Math.toIntExact(c.count()), Math::addExact);
            }
            if (grouped) {
                groups.computeIfAbsent(c.group() == null ? "" : c.group(), k -> new ArrayList<>()).add(c);
            }
        }
        if (!groups.keySet().equals(new java.util.HashSet<>(byGroup.keySet()))) {
            throw new IllegalArgumentException("scores ranked for the groups " + new TreeMap<>(byGroup).keySet()
                    + "; the counts have " + groups.keySet());
        }
        Map<String, ActionRates> rates = new LinkedHashMap<>();
        groups.forEach((g, cs) -> rates.put(g, ActionRates.of(cs, positiveLabel, byGroup.get(g).rocAuc())));
        return new Moderation(positiveLabel, ActionRates.of(counts, positiveLabel, all.rocAuc()), byLabel, rates);
    }
}

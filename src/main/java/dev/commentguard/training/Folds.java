package dev.commentguard.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * How the data is split for cross-validation: by group (kind of site) when every comment has one and
 * there are at least {@link Trainer#MIN_GROUPS}, else stratified. With groups, each fold is a set of whole
 * groups: one group a fold when {@code --folds} is at least the number of groups (leave one kind of
 * site out), else the groups dealt to {@code --folds} folds, largest first into the smallest fold.
 *
 * @param fold   the fold of each comment
 * @param groups the group names, in order, when the folds are groups; empty otherwise
 */
record Folds(int[] fold, List<String> groups, int count) {

    static Folds of(List<LabelledComment> data, int[] classes, int numClasses, TrainingOptions options) {
        Map<String, Integer> sizes = new TreeMap<>();
        boolean allGrouped = !data.isEmpty();
        for (LabelledComment c : data) {
            allGrouped &= !c.group().isEmpty();
            sizes.merge(c.group(), 1, Integer::sum);
        }
        if (!allGrouped || sizes.size() < Trainer.MIN_GROUPS) {
            int[] fold = stratified(classes, numClasses, options.folds(), options.seed());
            return new Folds(fold, List.of(), options.folds());
        }
        List<String> names = List.copyOf(sizes.keySet());
        int count = Math.min(names.size(), options.folds());
        List<String> bySize = new ArrayList<>(names);
        bySize.sort(Comparator.comparing((String g) -> -sizes.get(g)).thenComparing(g -> g));
        Map<String, Integer> foldOf = new HashMap<>();
        long[] load = new long[count];
        for (String g : bySize) {
            int smallest = 0;
            for (int f = 1; f < count; f++) {
                if (load[f] < load[smallest]) {
                    smallest = f;
                }
            }
            foldOf.put(g, smallest);
            load[smallest] += sizes.get(g);
        }
        int[] fold = new int[data.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = foldOf.get(data.get(i).group());
        }
        return new Folds(fold, names, count);
    }

    /** Assigns each example a fold so that every fold has about the same share of each class. */
    static int[] stratified(int[] classes, int numClasses, int folds, long seed) {
        int[] fold = new int[classes.length];
        Random random = new Random(seed);
        for (int c = 0; c < numClasses; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < classes.length; i++) {
                if (classes[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = j % folds;
            }
        }
        return fold;
    }
}

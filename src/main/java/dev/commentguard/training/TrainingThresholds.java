package dev.commentguard.training;

import dev.commentguard.Thresholds;
import dev.commentguard.evaluation.Curves;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How training chooses a model's review and block thresholds from out-of-fold spam scores. */
public final class TrainingThresholds {

    private TrainingThresholds() {
    }

    /**
     * The review and block thresholds from out-of-fold spam scores, pooled over the folds. With group
     * folds every score comes from a model that never saw a comment of its kind of site, so the
     * thresholds are chosen for the new-site case rather than inside one corpus.
     */
    public static Thresholds of(double[] scores, boolean[] spam, TrainingOptions options) {
        return of(scores, spam, null, options);
    }

    /** A group has a say in the review threshold with at least this many genuine comments: fewer make its rate noise. */
    static final int MIN_GENUINE_PER_GROUP = 200;

    /**
     * As {@link #of(double[], boolean[], TrainingOptions)}, with each comment's group (its kind of site): the
     * review threshold is then the highest of the groups' own, over the groups of at least {@value
     * #MIN_GENUINE_PER_GROUP} genuine comments, so that no group holds more than the review rate of its genuine
     * comments. Pooled, the rate is an average over kinds of site, and kinds whose readers write closer to spam
     * (money, messengers, helplines) had up to 9.7% of their genuine comments held where the pool had 5%
     * (docs/benchmarks.md). The block threshold stays pooled.
     *
     * @param groups each comment's group, or null for none
     */
    public static Thresholds of(double[] scores, boolean[] spam, List<String> groups, TrainingOptions options) {
        double block = Curves.thresholdForFpr(scores, spam, options.blockFpr());
        double review = groups == null ? Double.NaN : highestGroupThreshold(scores, spam, groups, options.reviewFpr());
        if (Double.isNaN(review)) {
            review = Curves.thresholdForFpr(scores, spam, options.reviewFpr());
        }
        return new Thresholds(Math.min(block, review), block);
    }

    /** The highest of the groups' thresholds at {@code fpr}, over the groups large enough; NaN when none is. */
    private static double highestGroupThreshold(double[] scores, boolean[] spam, List<String> groups, double fpr) {
        Map<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < scores.length; i++) {
            members.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
        }
        double highest = Double.NaN;
        for (List<Integer> group : members.values()) {
            double[] s = new double[group.size()];
            boolean[] p = new boolean[group.size()];
            int genuine = 0;
            for (int j = 0; j < s.length; j++) {
                s[j] = scores[group.get(j)];
                p[j] = spam[group.get(j)];
                genuine += p[j] ? 0 : 1;
            }
            if (genuine >= MIN_GENUINE_PER_GROUP) {
                double t = Curves.thresholdForFpr(s, p, fpr);
                highest = Double.isNaN(highest) ? t : Math.max(highest, t);
            }
        }
        return highest;
    }
}

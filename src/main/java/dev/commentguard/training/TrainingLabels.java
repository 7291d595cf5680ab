package dev.commentguard.training;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The labels a training run learns, checked before any work: enough of them, and enough rows of each. Stateless. */
final class TrainingLabels {

    private TrainingLabels() {
    }

    /** The labels of {@code data}; a label with too few rows is named with where its first row is. */
    static List<String> of(List<LabelledComment> data, TrainingOptions options) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> firstAt = new HashMap<>();
        for (LabelledComment c : data) {
            counts.merge(c.label(), 1, Integer::sum);
            if (!c.source().isEmpty()) {
                firstAt.putIfAbsent(c.label(), c.source());
            }
        }
        return of(counts, options, firstAt);
    }

    /**
     * The labels to train, sorted, from the rows per label; refused when there are fewer than two, the spam label is
     * not among them, or one has too few rows to cross-validate.
     *
     * @param firstAt where the first row of a label is, for the message, when known
     */
    static List<String> of(Map<String, Integer> counts, TrainingOptions options, Map<String, String> firstAt) {
        Map<String, String> folded = new TreeMap<>();
        for (String label : counts.keySet()) {
            String key = label.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            String other = folded.putIfAbsent(key, label);
            if (other != null) {
                throw new TrainingException("labels '" + other + "' and '" + label
                        + "' differ only in case or spaces; write them the same way (they would train as two classes)");
            }
        }
        if (counts.size() < 2) {
            throw new TrainingException("training needs at least two labels, found " + counts.keySet()
                    + (counts.isEmpty() ? " (no rows)" : ""));
        }
        if (!counts.containsKey(options.positiveLabel())) {
            throw new TrainingException("the spam label '" + options.positiveLabel() + "' does not occur in the data; labels found: "
                    + counts.keySet() + " (choose one with --spam-label)");
        }
        int minimum = Math.max(Trainer.MIN_PER_CLASS, options.folds());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() < minimum) {
                String where = firstAt.get(e.getKey());
                throw new TrainingException("label '" + e.getKey() + "' has only " + e.getValue() + " example"
                        + (e.getValue() == 1 ? "" : "s") + (where == null ? "" : " (the first at " + where + ")")
                        + "; at least " + minimum + " are needed per label" + (minimum > Trainer.MIN_PER_CLASS
                        && e.getValue() >= Trainer.MIN_PER_CLASS ? ", one for each of the " + options.folds()
                        + " folds: use fewer --folds" : ": correct it, or leave its rows out"));
            }
        }
        return List.copyOf(new TreeSet<>(counts.keySet()));
    }
}

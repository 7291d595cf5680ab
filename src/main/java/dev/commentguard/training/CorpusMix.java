package dev.commentguard.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A corpus to train on together with a site's own comments ({@code train --with-corpus}), and how much it weighs.
 * The site's comments are the ones that decide: its labels are mapped onto the corpus's, each of its comments
 * counts {@link #siteWeight} times so that in total the corpus weighs {@code corpusWeight} times as much as the
 * site, and only the site's comments are cross-validated and scored to choose the thresholds (the corpus is in
 * every fold's training data). Immutable; thread-safe.
 *
 * @param comments     the corpus's labelled comments
 * @param version      what identifies this corpus in a manifest, e.g. its row count and a hash of its rows
 * @param corpusWeight the corpus's total weight as a multiple of the site's; {@link #DEFAULT_CORPUS_WEIGHT} by default
 */
public record CorpusMix(List<LabelledComment> comments, String version, double corpusWeight) {

    /** By default the corpus weighs as much in total as the site's own comments. */
    public static final double DEFAULT_CORPUS_WEIGHT = 1.0;

    /** The spam label of the corpus, and so of a model trained with it. */
    public static final String SPAM = "spam";

    /** The genuine label of the corpus, which every other label of a two-label site becomes. */
    public static final String OK = "ok";

    /** Most copies of one site comment, so that a handful of site comments cannot blow the data up. */
    public static final int MAX_SITE_WEIGHT = 1_000;

    public CorpusMix {
        comments = List.copyOf(comments);
        Objects.requireNonNull(version, "version");
        if (!(corpusWeight > 0) || Double.isInfinite(corpusWeight)) {
            throw new IllegalArgumentException("the corpus weight must be a positive number: " + corpusWeight);
        }
        if (comments.stream().noneMatch(c -> c.label().equals(SPAM))) {
            throw new IllegalArgumentException("a corpus needs comments labelled '" + SPAM + "'");
        }
    }

    /** The corpus's labels. */
    public Set<String> labels() {
        Set<String> labels = new TreeSet<>();
        comments.forEach(c -> labels.add(c.label()));
        return labels;
    }

    /**
     * How many times each of {@code siteRows} site comments counts: the corpus's rows divided by
     * {@code corpusWeight} times the site's rows, rounded, at least 1 (a site larger than that counts once a
     * comment, and then weighs more than asked) and at most {@link #MAX_SITE_WEIGHT}.
     */
    public int siteWeight(int siteRows) {
        double k = comments.size() / (corpusWeight * Math.max(1, siteRows));
        return (int) Math.max(1, Math.min(MAX_SITE_WEIGHT, Math.round(k)));
    }

    /**
     * The corpus's comments as they are trained on beside {@code site} (the site's comments with their labels
     * mapped): when the site knows only {@link #SPAM} and {@link #OK}, every other corpus label becomes {@link #OK},
     * so that the model is the site's two-label one and not a three-label model whose third label the site never
     * uses. Two labels measured better on every YouTube video and size tried (docs/benchmarks.md, learning curve).
     */
    public List<LabelledComment> commentsFor(List<LabelledComment> site) {
        if (!Set.of(SPAM, OK).containsAll(site.stream().map(LabelledComment::label).distinct().toList())) {
            return comments;
        }
        List<LabelledComment> two = new ArrayList<>(comments.size());
        for (LabelledComment c : comments) {
            two.add(c.label().equals(SPAM) || c.label().equals(OK) ? c
                    : new LabelledComment(c.comment(), OK, c.source(), c.group()));
        }
        return two;
    }

    /**
     * The site's comments with their labels mapped onto the corpus's: a site whose labels are all the corpus's keeps
     * them; a two-label site's spam label becomes {@link #SPAM} and its other label {@link #OK}.
     *
     * @param spamLabel the site's spam label ({@code --spam-label})
     * @throws TrainingException when the site has labels the corpus lacks and is not a two-label site with
     *                           {@code spamLabel}, or when {@code spamLabel} names no site comment
     */
    public List<LabelledComment> mapLabels(List<LabelledComment> site, String spamLabel) {
        Set<String> siteLabels = new TreeSet<>();
        site.forEach(c -> siteLabels.add(c.label()));
        Set<String> ours = labels();
        if (!siteLabels.contains(spamLabel)) {
            throw new TrainingException("the spam label '" + spamLabel + "' does not occur in the site's data; its labels are "
                    + siteLabels + " (choose one with --spam-label)");
        }
        if (ours.containsAll(siteLabels)) {
            if (!spamLabel.equals(SPAM)) {
                throw new TrainingException("the site's labels " + siteLabels + " are the corpus's, whose spam label is '"
                        + SPAM + "', but --spam-label is '" + spamLabel + "'");
            }
            return List.copyOf(site);
        }
        if (siteLabels.size() != 2) {
            Set<String> unknown = new TreeSet<>(siteLabels);
            unknown.removeAll(ours);
            throw new TrainingException("the site's labels " + siteLabels + " include " + unknown + ", which the corpus lacks"
                    + " (its labels are " + ours + "): with --with-corpus the site's data needs the corpus's labels, or two"
                    + " labels of which --spam-label names the spam one (it becomes '" + SPAM + "', the other '" + OK + "')");
        }
        List<LabelledComment> mapped = new ArrayList<>(site.size());
        for (LabelledComment c : site) {
            mapped.add(new LabelledComment(c.comment(), c.label().equals(spamLabel) ? SPAM : OK, c.source(), c.group()));
        }
        return mapped;
    }
}

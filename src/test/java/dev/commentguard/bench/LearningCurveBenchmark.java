package dev.commentguard.bench;

import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.SharedDatasets;
import dev.commentguard.evaluation.Curves;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.Prepared;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.model.Model;
import dev.commentguard.training.CorpusMix;
import dev.commentguard.training.LabelledComment;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The learning curve of "Learn from your own site": on real sites' labelled comments, how a model trained on the
 * site's own labels alone, the default model, and the mix of {@code train --with-corpus} (the site's labels and the
 * shipped corpus, the site's comments weighted by {@link CorpusMix#siteWeight}) score the site's held-out comments,
 * for 50, 200 and 1,000 of the site's labels and all of them. Prints Markdown tables of ROC AUC and of spam caught
 * where 0.5% of the genuine comments are flagged (a threshold read off the held-out comments themselves: a
 * threshold-free comparison of the three, not a figure a site gets).
 *
 * <p>The sites: YouTube (five videos; the labels come from four, the fifth is scored, each in turn), the SMS Spam
 * Collection and python-podcast (each in five parts by line; the labels come from four parts, the fifth is scored,
 * each in turn). A size's labels are a stratified random sample of the labelled part (seeded, the same for all three
 * models; at least {@value #MIN_PER_CLASS} of each class). The mix and the site-alone model are the final fits of
 * {@code train --with-corpus} and {@code train}, with {@link Trainer#fit}; thresholds are not chosen, so no
 * cross-validation is run. Run with {@code mvn -Plearning-curve-benchmark verify} (about half an hour on two cores);
 * {@code -Dlearningcurve.sites=YouTube,SMS}, {@code -Dlearningcurve.parts=3}, {@code -Dlearningcurve.sizes=200,1000}
 * and {@code -Dlearningcurve.corpusWeight=0.2} narrow the run or try another weight.
 */
public final class LearningCurveBenchmark {

    private static final Path DATA = Path.of("training-data");
    private static final Path MODEL = Path.of("models/default.model");
    private static final int[] SIZES = {50, 200, 1000, Integer.MAX_VALUE};
    private static final int PARTS = 5;
    private static final int MIN_PER_CLASS = 5;
    private static final double FLAGGED = 0.005;

    /** One site's comments to learn from and to score; {@code spamLabel} is the site's spam label. */
    record Split(String site, String name, String spamLabel, List<LabelledComment> labelled, List<LabelledComment> test) {
    }

    /** Quality of one model on one split's held-out comments. */
    record Quality(double auc, double caught) {
    }

    /** The three models' quality on one split with one size of site labels. */
    record Cell(Split split, int size, int siteLabels, Quality site, Quality defaults, Quality mix, int siteWeight) {
    }

    public static void main(String[] args) throws Exception {
        SharedDatasets.require(SharedDatasets.youtube());
        long start = System.nanoTime();
        CorpusMix corpus = corpus();
        TrainingOptions options = TrainingOptions.defaults();
        int version = options.features().version();
        List<Prepared> corpusPrepared = FeaturePipeline.prepareAll(corpus.comments().stream().map(LabelledComment::comment)
                .toList(), version);
        CommentScorer defaults = CommentScorer.load(MODEL);
        List<Split> splits = splits();
        String only = System.getProperty("learningcurve.sites");
        if (only != null) {
            splits = splits.stream().filter(sp -> List.of(only.split(",")).contains(sp.site())).toList();
        }
        // -Dlearningcurve.parts=N scores N of the five parts of SMS and python-podcast (YouTube keeps its five videos).
        int parts = Integer.getInteger("learningcurve.parts", PARTS);
        Map<String, Integer> taken = new java.util.HashMap<>();
        splits = splits.stream().filter(sp -> sp.site().equals("YouTube") || taken.merge(sp.site(), 1, Integer::sum) <= parts)
                .toList();
        int[] sizes = System.getProperty("learningcurve.sizes") == null ? SIZES
                : java.util.Arrays.stream(System.getProperty("learningcurve.sizes").split(",")).mapToInt(Integer::parseInt).toArray();
        // -Dlearningcurve.corpusWeight=W: the mix at another --corpus-weight.
        if (System.getProperty("learningcurve.corpusWeight") != null) {
            corpus = new CorpusMix(corpus.comments(), corpus.version(), Double.parseDouble(System.getProperty("learningcurve.corpusWeight")));
        }
        CorpusMix mixCorpus = corpus;

        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        List<Future<Cell>> cells = new ArrayList<>();
        try {
            for (Split split : splits) {
                List<Prepared> labelledPrepared = FeaturePipeline.prepareAll(split.labelled().stream()
                        .map(LabelledComment::comment).toList(), version);
                Quality byDefault = quality(defaults, split);
                for (int size : sizes) {
                    if (size != Integer.MAX_VALUE && size >= split.labelled().size()) {
                        continue;
                    }
                    cells.add(pool.submit(() -> cell(split, size, labelledPrepared, byDefault, mixCorpus, corpusPrepared,
                            options)));
                }
            }
            List<Cell> done = new ArrayList<>();
            for (Future<Cell> f : cells) {
                Cell c = f.get();
                System.err.printf(Locale.ROOT, "%s %s %d: site %.4f default %.4f mix %.4f%n", c.split().site(),
                        c.split().name(), c.siteLabels(), c.site().auc(), c.defaults().auc(), c.mix().auc());
                done.add(c);
            }
            print(done, corpus, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static Cell cell(Split split, int size, List<Prepared> labelledPrepared, Quality byDefault, CorpusMix corpus,
                             List<Prepared> corpusPrepared, TrainingOptions options) {
        int[] chosen = sample(split, size);
        List<LabelledComment> site = new ArrayList<>(chosen.length);
        List<Prepared> sitePrepared = new ArrayList<>(chosen.length);
        for (int i : chosen) {
            site.add(split.labelled().get(i));
            sitePrepared.add(labelledPrepared.get(i));
        }

        // The site alone, in its own labels, as `train --data site.csv --spam-label L` fits it: n-grams as written.
        List<String> siteLabels = site.stream().map(LabelledComment::label).distinct().sorted().toList();
        TrainingOptions alone = options.withPositiveLabel(split.spamLabel())
                .withFeatures(options.features().withText(FeatureSettings.NgramText.WRITTEN));
        Model siteModel = Trainer.fit(sitePrepared, site.stream().mapToInt(c -> siteLabels.indexOf(c.label())).toArray(),
                siteLabels, alone);

        // The mix, as `train --data site.csv --spam-label L --with-corpus` fits it: the site's labels mapped onto the
        // corpus's, the site's comments first and weighted, the corpus after them.
        List<LabelledComment> mapped = corpus.mapLabels(site, split.spamLabel());
        List<LabelledComment> data = new ArrayList<>(mapped);
        data.addAll(corpus.commentsFor(mapped));
        List<String> labels = data.stream().map(LabelledComment::label).distinct().sorted().toList();
        List<Prepared> prepared = new ArrayList<>(sitePrepared);
        prepared.addAll(corpusPrepared);
        int[] weights = new int[data.size()];
        java.util.Arrays.fill(weights, 1);
        int siteWeight = corpus.siteWeight(mapped.size());
        java.util.Arrays.fill(weights, 0, mapped.size(), siteWeight);
        Model mix = Trainer.fit(prepared, data.stream().mapToInt(c -> labels.indexOf(c.label())).toArray(), weights, labels,
                options.withPositiveLabel(CorpusMix.SPAM));

        return new Cell(split, size, site.size(), quality(CommentScorer.of(siteModel), split), byDefault,
                quality(CommentScorer.of(mix), split), siteWeight);
    }

    /** ROC AUC and spam caught at 0.5% genuine flagged of a scorer on the split's held-out comments. */
    private static Quality quality(CommentScorer scorer, Split split) {
        double[] scores = new double[split.test().size()];
        boolean[] spam = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            LabelledComment c = split.test().get(i);
            scores[i] = scorer.score(c.comment()).spamScore();
            spam[i] = c.label().equals(split.spamLabel());
        }
        return new Quality(Curves.rocAuc(scores, spam), Curves.recallAtFpr(scores, spam, FLAGGED));
    }

    /**
     * The indices of a stratified random sample of {@code size} of the split's labelled comments (all of them for
     * {@link Integer#MAX_VALUE}): each class in proportion, at least {@value #MIN_PER_CLASS}, seeded by the split.
     */
    static int[] sample(Split split, int size) {
        List<LabelledComment> labelled = split.labelled();
        if (size >= labelled.size()) {
            return java.util.stream.IntStream.range(0, labelled.size()).toArray();
        }
        Map<Boolean, List<Integer>> byClass = new LinkedHashMap<>();
        for (int i = 0; i < labelled.size(); i++) {
            byClass.computeIfAbsent(labelled.get(i).label().equals(split.spamLabel()), k -> new ArrayList<>()).add(i);
        }
        Random random = new Random((split.site() + "/" + split.name()).hashCode() * 31L + size);
        List<Integer> spam = byClass.getOrDefault(true, List.of());
        List<Integer> rest = byClass.getOrDefault(false, List.of());
        Collections.shuffle(spam, random);
        Collections.shuffle(rest, random);
        int spamCount = (int) Math.round((double) size * spam.size() / labelled.size());
        spamCount = Math.max(MIN_PER_CLASS, Math.min(size - MIN_PER_CLASS, spamCount));
        List<Integer> chosen = new ArrayList<>(spam.subList(0, Math.min(spam.size(), spamCount)));
        chosen.addAll(rest.subList(0, Math.min(rest.size(), size - chosen.size())));
        Collections.sort(chosen);
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** YouTube by video, SMS and python-podcast by fifths. */
    static List<Split> splits() throws Exception {
        List<Split> splits = new ArrayList<>();
        List<Path> videos = SharedDatasets.youtubeFiles();
        List<List<LabelledComment>> byVideo = new ArrayList<>();
        for (Path v : videos) {
            byVideo.add(SharedDatasets.readYoutube(v));
        }
        for (int v = 0; v < videos.size(); v++) {
            List<LabelledComment> labelled = new ArrayList<>();
            for (int w = 0; w < videos.size(); w++) {
                if (w != v) {
                    labelled.addAll(byVideo.get(w));
                }
            }
            String name = videos.get(v).getFileName().toString().replaceFirst("\\.csv$", "");
            splits.add(new Split("YouTube", name, "1", labelled, byVideo.get(v)));
        }
        splits.addAll(parts("SMS", "spam", SharedDatasets.readSms()));
        splits.addAll(parts("python-podcast", "1", SharedDatasets.readPodcast()));
        return splits;
    }

    /** The comments in {@link #PARTS} parts by position (every fifth line), each part scored in turn. */
    private static List<Split> parts(String site, String spamLabel, List<LabelledComment> all) {
        List<Split> splits = new ArrayList<>();
        for (int p = 0; p < PARTS; p++) {
            List<LabelledComment> labelled = new ArrayList<>();
            List<LabelledComment> test = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                (i % PARTS == p ? test : labelled).add(all.get(i));
            }
            splits.add(new Split(site, "part " + (p + 1) + " of " + PARTS, spamLabel, labelled, test));
        }
        return splits;
    }

    /** The corpus that ships for {@code --with-corpus}: training-data/train.csv under training-data/articles.csv. */
    private static CorpusMix corpus() throws Exception {
        Map<String, dev.commentguard.Article> articles = CommentReader.readArticles(DATA.resolve("articles.csv"));
        List<InputRow> rows = CommentReader.read(DATA.resolve("train.csv"), InputOptions.DEFAULT, articles, true);
        List<LabelledComment> comments = new ArrayList<>(rows.size());
        for (InputRow r : rows) {
            comments.add(new LabelledComment(r.comment(), r.label(), "train.csv:" + r.line()));
        }
        return new CorpusMix(comments, "training-data/train.csv", CorpusMix.DEFAULT_CORPUS_WEIGHT);
    }

    private static void print(List<Cell> cells, CorpusMix corpus, double seconds) {
        System.out.printf(Locale.ROOT, "# Learning curve, %s, %d cores, Java %s (%.0f s)%n%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), seconds);
        System.out.printf(Locale.ROOT, "Corpus: %,d comments (training-data/train.csv); default model: %s.%n%n",
                corpus.comments().size(), MODEL);
        System.out.println("| site | site labels | splits | ROC AUC: site alone | default model | mix | mix ≥ both | "
                + "spam caught at 0.5% genuine flagged: site alone | default | mix | site weight |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        Map<String, List<Cell>> rows = new LinkedHashMap<>();
        for (Cell c : cells) {
            rows.computeIfAbsent(c.split().site() + "|" + (c.size() == Integer.MAX_VALUE ? "all" : c.size()),
                    k -> new ArrayList<>()).add(c);
        }
        for (var e : rows.entrySet()) {
            List<Cell> r = e.getValue();
            double site = mean(r, c -> c.site().auc());
            double byDefault = mean(r, c -> c.defaults().auc());
            double mix = mean(r, c -> c.mix().auc());
            long holds = r.stream().filter(c -> c.mix().auc() >= Math.max(c.site().auc(), c.defaults().auc())).count();
            String[] key = e.getKey().split("\\|");
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.4f | %.4f | %.4f | %s (%d of %d splits) | %.1f%% | %.1f%% | %.1f%% | %s |%n",
                    key[0], key[1].equals("all") ? String.format(Locale.ROOT, "all (%,d)", r.get(0).siteLabels()) : key[1],
                    r.size(), site, byDefault, mix, mix >= Math.max(site, byDefault) ? "yes" : "**no**", holds, r.size(),
                    100 * mean(r, c -> c.site().caught()), 100 * mean(r, c -> c.defaults().caught()),
                    100 * mean(r, c -> c.mix().caught()),
                    r.stream().map(c -> Integer.toString(c.siteWeight())).distinct().reduce((a, b) -> a + "/" + b).orElse(""));
        }
        System.out.println();
        System.out.println("Per split (ROC AUC site alone / default / mix):\n");
        for (Cell c : cells) {
            System.out.printf(Locale.ROOT, "- %s, %s, %d labels: %.4f / %.4f / %.4f%n", c.split().site(), c.split().name(),
                    c.siteLabels(), c.site().auc(), c.defaults().auc(), c.mix().auc());
        }
    }

    private static double mean(List<Cell> cells, java.util.function.ToDoubleFunction<Cell> f) {
        return cells.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private LearningCurveBenchmark() {
    }
}

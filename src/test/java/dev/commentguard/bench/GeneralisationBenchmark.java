package dev.commentguard.bench;

import dev.commentguard.Article;
import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.SharedDatasets;
import dev.commentguard.Thresholds;
import dev.commentguard.Verdict;
import dev.commentguard.evaluation.ActionRates;
import dev.commentguard.evaluation.Prediction;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.Prepared;
import dev.commentguard.model.Model;
import dev.commentguard.model.ModelFile;
import dev.commentguard.training.Trainer;
import dev.commentguard.training.TrainingOptions;
import dev.commentguard.training.TrainingThresholds;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The generalisation benchmark: how a model does on a kind of site it never saw, the figure a site
 * cares about. Prints Markdown tables of
 * <ol>
 *   <li>leave-one-site-kind-out on our corpus: for each kind of site, a model trained on every other
 *       kind scores it, at thresholds chosen the way {@code train --group-column} chooses them, from the
 *       other kinds' out-of-kind scores pooled (so no kind's own comments choose its thresholds); genuine
 *       comments blocked and sent to review, spam blocked and caught, ROC AUC;</li>
 *   <li>the default model on the public sets it never saw (YouTube, SMS, python-podcast).</li>
 * </ol>
 * "Genuine" is every comment not labelled spam ({@code ok} and {@code low_quality}). Run with
 * {@code mvn -Pgeneralisation-benchmark verify} (one kind of site a fold: over half an hour on two cores) or
 * with {@code -Dgeneralisation.folds=6} (the kinds dealt to six folds: about fifteen minutes);
 * {@code -Dgeneralisation.skipLoso=true} prints the public sets alone. An argument names a baseline model to
 * time the default model against.
 */
public final class GeneralisationBenchmark {

    private static final Path DATA = Path.of("training-data");
    private static final Path MODEL = Path.of("models/default.model");

    /** A comment of our corpus with its label and the kind of site it was written for. */
    public record Row(Comment comment, String label, String siteKind) {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        System.out.printf("# Generalisation benchmark, %s, %d cores, Java %s%n%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<Row> corpus = corpus();
        if (args.length > 0) {
            speed(corpus, CommentScorer.load(MODEL), CommentScorer.load(Path.of(args[0])), args[0]);
        }
        if (!Boolean.getBoolean("generalisation.skipLoso")) {
            leaveOneSiteKindOut(corpus);
        }
        publicSets(CommentScorer.load(MODEL));
    }

    /**
     * Comments a second, one thread, each comment scored on its own (as at submission), for the default
     * model and a baseline model on the same comments: five rounds, alternating, medians reported.
     */
    private static void speed(List<Row> corpus, CommentScorer model, CommentScorer baseline, String baselineName) {
        List<Comment> comments = corpus.stream().map(Row::comment).toList();
        double[][] rates = new double[2][5];
        CommentScorer[] scorers = {model, baseline};
        for (CommentScorer s : scorers) {
            for (int i = 0; i < 2000; i++) {
                s.score(comments.get(i % comments.size())); // warm up
            }
        }
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            for (int m = 0; m < 2; m++) {
                long start = System.nanoTime();
                for (Comment c : comments) {
                    sink += scorers[m].score(c).reasons().size();
                }
                rates[m][round] = comments.size() / ((System.nanoTime() - start) / 1e9);
            }
        }
        java.util.Arrays.sort(rates[0]);
        java.util.Arrays.sort(rates[1]);
        System.out.printf("## Speed (one thread, one comment at a time, %,d comments, 5 alternating rounds; check %d)%n%n",
                comments.size(), sink % 10);
        System.out.println("| model | comments/s (median) | slowest / fastest round |");
        System.out.println("|---|---|---|");
        System.out.printf("| %s | %,.0f | %,.0f / %,.0f |%n", MODEL, rates[0][2], rates[0][0], rates[0][4]);
        System.out.printf("| %s (baseline) | %,.0f | %,.0f / %,.0f |%n", baselineName, rates[1][2], rates[1][0], rates[1][4]);
        System.out.printf("%nRatio of medians: %.2f%n%n", rates[0][2] / rates[1][2]);
    }

    /** Every comment of train.csv and heldout.csv, under its article, with its site's context. */
    public static List<Row> corpus() throws IOException {
        Map<String, Article> articles = new HashMap<>();
        Map<String, String[]> siteOf = new HashMap<>();
        for (CSVRecord r : csv(DATA.resolve("articles.csv"))) {
            articles.put(r.get("id"), new Article(r.get("id"), r.get("title"), r.get("text")));
            siteOf.put(r.get("id"), new String[] {r.get("site"), r.get("permalink")});
        }
        List<Row> rows = new ArrayList<>();
        for (String file : List.of("train.csv", "heldout.csv")) {
            for (CSVRecord r : csv(DATA.resolve(file))) {
                String[] site = siteOf.getOrDefault(r.get("article_id"), new String[] {"", ""}); // none: no article
                Comment c = Comment.builder().id(r.get("id")).text(r.get("text")).author(r.get("author"))
                        .authorUrl(r.get("author_url")).authorEmail(r.get("author_email"))
                        .article(articles.get(r.get("article_id"))).site(site[0]).permalink(site[1]).build();
                rows.add(new Row(c, r.get("label"), r.get("site_kind")));
            }
        }
        return rows;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    private static void leaveOneSiteKindOut(List<Row> corpus) throws Exception {
        long start = System.nanoTime();
        List<String> labels = corpus.stream().map(Row::label).distinct().sorted().toList();
        int spamIndex = labels.indexOf("spam");
        List<String> kinds = corpus.stream().map(Row::siteKind).distinct().sorted().toList();
        List<Prepared> prepared = FeaturePipeline.prepareAll(corpus.stream().map(Row::comment).toList(),
                FeatureSettings.CURRENT_VERSION);
        int[] classes = corpus.stream().mapToInt(r -> labels.indexOf(r.label())).toArray();
        int[] kindOf = corpus.stream().mapToInt(r -> kinds.indexOf(r.siteKind())).toArray();
        TrainingOptions options = TrainingOptions.defaults();

        // Whole kinds dealt to folds (one kind a fold by default): a model per fold, trained on the other
        // folds' kinds, scores the kinds it never saw.
        int asked = Integer.getInteger("generalisation.folds", 0);
        int folds = asked <= 0 ? kinds.size() : Math.min(kinds.size(), asked);
        int[] foldOfKind = dealKinds(kinds, kindOf, folds);
        // -Dgeneralisation.models=DIR keeps the fold models there and reuses them on the next run: for trying a
        // change to what happens after the model (the block rule) without refitting. Delete DIR after a change to
        // the corpus, the features or the learner.
        String keep = System.getProperty("generalisation.models");
        Path modelDir = keep == null ? null : Files.createDirectories(Path.of(keep));
        Model[] models = new Model[folds];
        double[] scores = new double[corpus.size()];
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> fits = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                int fold = f;
                fits.add(pool.submit(() -> {
                    Path saved = modelDir == null ? null : modelDir.resolve("fold-" + fold + "-of-" + folds + ".model");
                    if (saved != null && Files.exists(saved)) {
                        Model m = ModelFile.load(saved);
                        for (int i = 0; i < corpus.size(); i++) {
                            if (foldOfKind[kindOf[i]] == fold) {
                                scores[i] = m.distribution(m.pipeline().vectorize(prepared.get(i)))[spamIndex];
                            }
                        }
                        models[fold] = m;
                        return null;
                    }
                    List<Prepared> train = new ArrayList<>();
                    List<Integer> trainClasses = new ArrayList<>();
                    for (int i = 0; i < corpus.size(); i++) {
                        if (foldOfKind[kindOf[i]] != fold) {
                            train.add(prepared.get(i));
                            trainClasses.add(classes[i]);
                        }
                    }
                    Model m = Trainer.fit(train, trainClasses.stream().mapToInt(Integer::intValue).toArray(), labels, options);
                    for (int i = 0; i < corpus.size(); i++) {
                        if (foldOfKind[kindOf[i]] == fold) {
                            scores[i] = m.distribution(m.pipeline().vectorize(prepared.get(i)))[spamIndex];
                        }
                    }
                    models[fold] = m;
                    if (saved != null) {
                        ModelFile.save(m, saved);
                    }
                    System.err.printf("fitted fold %d of %d%n", fold + 1, folds);
                    return null;
                }));
            }
            for (Future<?> f : fits) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        System.out.printf("## Kinds of site never seen (%,d comments, %d kinds of site, %s; %.0f s)%n%n", corpus.size(),
                kinds.size(), folds == kinds.size() ? "each left out in turn" : "dealt to " + folds
                        + " folds, each fold's kinds left out in turn", (System.nanoTime() - start) / 1e9);
        System.out.println("| kind of site never seen | genuine | spam | genuine blocked | genuine to review | spam blocked "
                + "| spam caught | ROC AUC | review / block thresholds |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        Tally all = new Tally();
        // -Dgeneralisation.dump=FILE writes each comment's verdict there as JSON Lines, to read the mistakes.
        String dumpFile = System.getProperty("generalisation.dump");
        java.io.PrintWriter dump = dumpFile == null ? null
                : new java.io.PrintWriter(Files.newBufferedWriter(Path.of(dumpFile), StandardCharsets.UTF_8));
        for (int k = 0; k < kinds.size(); k++) {
            // Thresholds from every other kind's out-of-kind scores, as train chooses them: never from this kind's.
            List<Integer> others = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (kindOf[i] != k) {
                    others.add(i);
                }
            }
            double[] s = new double[others.size()];
            boolean[] p = new boolean[others.size()];
            List<String> g = new ArrayList<>(others.size());
            for (int j = 0; j < s.length; j++) {
                int i = others.get(j);
                s[j] = scores[i];
                p[j] = classes[i] == spamIndex;
                g.add(kinds.get(kindOf[i]));
            }
            Thresholds t = TrainingThresholds.of(s, p, g, options);
            CommentScorer scorer = CommentScorer.of(models[foldOfKind[k]]).withThresholds(t);
            Tally tally = new Tally();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (kindOf[i] == k) {
                    rows.add(corpus.get(i));
                }
            }
            List<Verdict> verdicts = scorer.scoreAll(rows.stream().map(Row::comment).toList());
            if (dump != null) {
                for (int i = 0; i < rows.size(); i++) {
                    Verdict v = verdicts.get(i);
                    dump.printf("{\"id\":%s,\"kind\":%s,\"label\":%s,\"spam_score\":%.6f,\"action\":%s,\"reasons\":%s}%n",
                            json(rows.get(i).comment().id()), json(kinds.get(k)), json(rows.get(i).label()), v.spamScore(),
                            json(v.action().toString().toLowerCase(Locale.ROOT)),
                            v.reasons().stream().map(r -> json(r.message())).toList());
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                tally.add(rows.get(i).label().equals("spam"), verdicts.get(i));
                all.add(rows.get(i).label().equals("spam"), verdicts.get(i));
            }
            System.out.printf("| %s | %s | %.3f / %.3f |%n", kinds.get(k), tally.row(), t.review(), t.block());
        }
        System.out.printf("| all kinds | %s | |%n%n", all.row());
        if (dump != null) {
            dump.close();
            if (dump.checkError()) {
                throw new IOException("could not write " + dumpFile);
            }
        }
    }

    /** The fold of each kind: kinds dealt largest first to the fold with the fewest comments, as train does. */
    private static int[] dealKinds(List<String> kinds, int[] kindOf, int folds) {
        long[] size = new long[kinds.size()];
        for (int k : kindOf) {
            size[k]++;
        }
        Integer[] order = new Integer[kinds.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(size[b], size[a]));
        long[] load = new long[folds];
        int[] foldOf = new int[kinds.size()];
        for (int k : order) {
            int smallest = 0;
            for (int f = 1; f < folds; f++) {
                if (load[f] < load[smallest]) {
                    smallest = f;
                }
            }
            foldOf[k] = smallest;
            load[smallest] += size[k];
        }
        return foldOf;
    }

    /** Verdicts against true labels, counted by {@link ActionRates}, as {@code evaluate} counts them. */
    static final class Tally {
        private final List<Prediction> predictions = new ArrayList<>();

        void add(boolean isSpam, Verdict v) {
            predictions.add(new Prediction(isSpam ? "spam" : "genuine", v.label(), v.spamScore(), v.action()));
        }

        String row() {
            ActionRates r = ActionRates.of(predictions, "spam");
            return String.format("%,d | %,d | %s | %s | %s | %s | %.4f", r.genuine(), r.spam(), pct(r.genuineBlocked(), r.genuine()),
                    pct(r.genuineToReview(), r.genuine()), pct(r.spamBlocked(), r.spam()), pct(r.spamCaught(), r.spam()), r.rocAuc());
        }

        private static String pct(int n, int of) {
            return String.format("%.2f%% (%d)", 100.0 * n / Math.max(1, of), n);
        }
    }

    private static void publicSets(CommentScorer scorer) throws IOException {
        System.out.println("## Default model on public sets it never saw\n");
        System.out.println("| data | genuine | spam | genuine blocked | genuine to review | spam blocked | spam caught | ROC AUC |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Map<String, List<Map.Entry<String, Boolean>>> sets = new LinkedHashMap<>();
        if (!Files.isDirectory(SharedDatasets.youtube())) {
            System.out.println("| skipped: " + SharedDatasets.ROOT.resolve("datasets").toAbsolutePath().normalize()
                    + " is absent | | | | | | | |\n");
            return;
        }
        List<Map.Entry<String, Boolean>> youtube = new ArrayList<>();
        for (Path f : SharedDatasets.youtubeFiles()) {
            for (CSVRecord r : csvWithBom(f)) {
                youtube.add(Map.entry(r.get("CONTENT"), r.get("CLASS").equals("1")));
            }
        }
        sets.put("YouTube, all five videos", youtube);
        List<Map.Entry<String, Boolean>> sms = new ArrayList<>();
        for (String line : Files.readAllLines(SharedDatasets.sms(), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            sms.add(Map.entry(line.substring(tab + 1), line.startsWith("spam")));
        }
        sets.put("SMS Spam Collection", sms);
        List<Map.Entry<String, Boolean>> podcast = new ArrayList<>();
        for (CSVRecord r : csvWithBom(SharedDatasets.podcast())) {
            podcast.add(Map.entry(r.get("text"), r.get("label").equals("1")));
        }
        sets.put("python-podcast (a real site's moderation)", podcast);
        for (var set : sets.entrySet()) {
            Tally tally = new Tally();
            for (var e : set.getValue()) {
                tally.add(e.getValue(), scorer.score(Comment.of(e.getKey()))); // one at a time, as a site scores at submission
            }
            System.out.printf("| %s | %s |%n", set.getKey(), tally.row());
        }
        System.out.println();
    }

    private static List<CSVRecord> csvWithBom(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new java.io.StringReader(text))
                .getRecords();
    }

    private static String json(String s) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    private GeneralisationBenchmark() {
    }
}

package dev.commentguard.bench;

import dev.commentguard.Action;
import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Obfuscation benchmark: the share of held-out spam flagged (review or block) by the default model,
 * plain and disguised by {@link Obfuscator}, overall and per trick. Run by {@code mvn -Pquality-benchmark verify}.
 */
public final class ObfuscationBenchmark {

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        CommentScorer scorer = CommentScorer.load(Path.of(args.length > 0 ? args[0] : "models/default.model"));
        List<Comment> spam = heldOutSpam();
        List<Obfuscator.Variant> variants = variants(spam);
        boolean[] flaggedPlain = new boolean[spam.size()];
        for (int i = 0; i < spam.size(); i++) {
            flaggedPlain[i] = flagged(scorer, spam.get(i));
        }
        int plain = 0;
        int disguised = 0;
        int originalsOfVariants = 0;
        Map<Obfuscator.Trick, int[]> perTrick = new EnumMap<>(Obfuscator.Trick.class);
        for (Obfuscator.Variant v : variants) {
            boolean f = flagged(scorer, disguised(spam, v));
            disguised += f ? 1 : 0;
            originalsOfVariants += flaggedPlain[v.original()] ? 1 : 0;
            for (Obfuscator.Trick t : v.tricks()) {
                int[] c = perTrick.computeIfAbsent(t, k -> new int[3]);
                c[0]++;
                c[1] += f ? 1 : 0;
                c[2] += flaggedPlain[v.original()] ? 1 : 0;
            }
        }
        for (boolean b : flaggedPlain) {
            plain += b ? 1 : 0;
        }
        System.out.println("## Obfuscated held-out spam (default model, flagged = review or block)\n");
        System.out.printf("%,d held-out spam comments, %,d disguised variants (each trick alone, then 2-4 combined).%n%n",
                spam.size(), variants.size());
        System.out.println("| set | comments | flagged | share flagged | share of their plain originals | difference (points) |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf("| plain originals | %,d | %,d | %.4f | | |%n", spam.size(), plain, plain / (double) spam.size());
        System.out.printf("| all variants | %,d | %,d | %.4f | %.4f | %+.2f |%n", variants.size(), disguised,
                disguised / (double) variants.size(), originalsOfVariants / (double) variants.size(),
                100 * (disguised - originalsOfVariants) / (double) variants.size());
        for (Map.Entry<Obfuscator.Trick, int[]> e : perTrick.entrySet()) {
            int[] c = e.getValue();
            System.out.printf("| with %s | %,d | %,d | %.4f | %.4f | %+.2f |%n", e.getKey().name().toLowerCase(Locale.ROOT), c[0], c[1],
                    c[1] / (double) c[0], c[2] / (double) c[0], 100 * (c[1] - c[2]) / (double) c[0]);
        }
        System.out.println();
    }

    /** The held-out spam comments, under their articles. */
    static List<Comment> heldOutSpam() throws Exception {
        var articles = CommentReader.readArticles(Path.of("training-data/articles.csv"));
        List<Comment> spam = new ArrayList<>();
        for (InputRow r : CommentReader.read(Path.of("training-data/heldout.csv"), InputOptions.DEFAULT, articles, true)) {
            if (r.label().equals("spam")) {
                spam.add(r.comment());
            }
        }
        return spam;
    }

    /** The benchmark's disguised variants of {@code spam}: the same ones every run. */
    static List<Obfuscator.Variant> variants(List<Comment> spam) {
        return Obfuscator.variants(spam.stream().map(Comment::text).toList(), 3, 20261121L);
    }

    /** The variant of {@code v} as a comment: the original's author and article, the disguised text. */
    static Comment disguised(List<Comment> spam, Obfuscator.Variant v) {
        Comment original = spam.get(v.original());
        return new Comment(original.id(), v.text(), original.author(), original.authorUrl(), original.authorEmail(), original.article());
    }

    static boolean flagged(CommentScorer scorer, Comment c) {
        return scorer.score(c).action() != Action.ALLOW;
    }
}

package dev.commentguard.bench.speed;

import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.Verdict;
import dev.commentguard.bench.Obfuscator;
import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.Features;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.model.Model;
import dev.commentguard.model.ModelFile;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes, one line per comment, the normalised text, the signals, the feature vector and the verdict of
 * every corpus comment and of two obfuscated variants of each, then the verdicts of the whole batch (on one
 * thread, then again on two): the
 * before-and-after check of a speed change that must not change any number. Build, dump, change, build,
 * dump, then {@code cmp} the two files:
 * {@code java -cp target/test-classes:target/commentguard.jar dev.commentguard.bench.speed.FeatureDump before.txt}.
 */
public final class FeatureDump {

    private FeatureDump() {
    }

    public static void main(String[] args) throws Exception {
        Model model = ModelFile.load(Path.of("models/default.model"));
        CommentScorer scorer = CommentScorer.of(model);
        List<Comment> comments = new ArrayList<>();
        for (String f : new String[] {"training-data/train.csv", "training-data/heldout.csv"}) {
            for (InputRow r : CommentReader.read(Path.of(f), InputOptions.DEFAULT, Map.of(), true)) {
                comments.add(r.comment());
            }
        }
        List<String> texts = comments.stream().map(Comment::text).toList();
        for (Obfuscator.Variant v : Obfuscator.variants(texts, 2, 7)) {
            comments.add(Comment.of(v.text()));
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
            for (Comment c : comments) {
                Features f = model.pipeline().extract(c, ExtractionContext.alone());
                Verdict v = scorer.score(c);
                out.println(f.text() + "\t" + Arrays.toString(f.signals().values()) + "\t" + f.signals().copiedSentenceShare()
                        + "\t" + Arrays.toString(f.vector().indices()) + Arrays.toString(f.vector().values()) + "\t" + v);
            }
            List<Verdict> batch = scorer.scoreAll(comments);
            for (Verdict v : batch) {
                out.println(v);
            }
            // The parallel batch path: the same verdicts are expected, written again.
            scorer.scoreAll(comments, out::println, 2);
        }
    }
}

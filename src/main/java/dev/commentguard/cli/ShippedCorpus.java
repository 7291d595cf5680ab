package dev.commentguard.cli;

import dev.commentguard.Article;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.Rejects;
import dev.commentguard.training.CorpusMix;
import dev.commentguard.training.LabelledComment;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The corpus that ships in the jar for {@code train --with-corpus}: {@code training-data/train.csv} and its
 * {@code articles.csv}, copied into the jar by the build. Its version in a manifest is its row count and the
 * SHA-256 of {@code train.csv}, so that a model says which corpus it was trained with. Stateless: thread-safe.
 */
final class ShippedCorpus {

    /** Where the build puts the corpus (pom.xml). */
    static final String FOLDER = "/dev/commentguard/corpus/";

    /** How a manifest names the corpus file. */
    static final String NAME = "train.csv";

    private ShippedCorpus() {
    }

    /** The shipped corpus, at the default weight. */
    static CorpusMix load() throws IOException {
        byte[] comments = resource(NAME);
        Map<String, Article> articles;
        try (InputStream in = new ByteArrayInputStream(resource("articles.csv"))) {
            articles = CommentReader.readArticles(in, "corpus/articles.csv");
        }
        return read(new ByteArrayInputStream(comments), articles, sha256(comments));
    }

    /** A corpus read from CSV like {@code train.csv}, its articles joined by {@code article_id}. */
    static CorpusMix read(InputStream comments, Map<String, Article> articles, String sha256) throws IOException {
        List<InputRow> rows = CommentReader.read(comments, "corpus/" + NAME, false, InputOptions.DEFAULT, ',', articles,
                true, Rejects.strict());
        List<LabelledComment> examples = new ArrayList<>(rows.size());
        for (InputRow r : rows) {
            examples.add(new LabelledComment(r.comment(), r.label(), r.source() + ":" + r.line()));
        }
        String version = String.format(Locale.ROOT, "CommentGuard corpus %s, %,d rows, SHA-256 %s", NAME, rows.size(),
                sha256.substring(0, Math.min(16, sha256.length())));
        return new CorpusMix(examples, version, CorpusMix.DEFAULT_CORPUS_WEIGHT);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ShippedCorpus.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new FileNotFoundException("the corpus is not in this build (" + FOLDER + name
                        + " missing from the class path; build with mvn package)");
            }
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

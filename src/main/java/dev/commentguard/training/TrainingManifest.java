package dev.commentguard.training;

import dev.commentguard.Comment;
import dev.commentguard.Thresholds;
import dev.commentguard.Version;
import dev.commentguard.evaluation.Metrics;
import dev.commentguard.model.Manifest;
import dev.commentguard.model.ModelFile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The provenance a trained model carries: versions, settings, the data's hash and rows, the cross-validated figures. Stateless. */
final class TrainingManifest {

    private TrainingManifest() {
    }

    static Manifest provisional(List<String> labels, TrainingOptions options) {
        return new Manifest(ModelFile.FORMAT_VERSION, "", Version.project(), Version.weka(), Version.java(),
                options.learner().code(), "", options.seed(), labels, options.positiveLabel(), 0, 1,
                options.features().toMap(), 0, options.trainingFiles(), "", Map.of(), options.folds(), Map.of());
    }

    static Manifest of(List<LabelledComment> data, List<String> labels, TrainingOptions options,
                                     Thresholds thresholds, Metrics metrics, int vocabulary, int folds) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (LabelledComment c : data) {
            rows.merge(c.label(), 1, Integer::sum);
        }
        return of(rows, dataSha256(data), labels, options, thresholds, metrics, vocabulary, folds);
    }

    /**
     * The manifest of a model trained on rows not held in memory: {@code rows} per label and the {@link #dataSha256} of
     * them, counted as they were read.
     */
    static Manifest of(Map<String, Integer> rowsPerLabel, String dataSha256, List<String> labels, TrainingOptions options,
                       Thresholds thresholds, Metrics metrics, int vocabulary, int folds) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String l : labels) {
            rows.put(l, rowsPerLabel.getOrDefault(l, 0));
        }
        Map<String, Double> cv = new LinkedHashMap<>();
        metrics.summary().forEach((k, v) -> cv.put(k, Math.round(v * 1e6) / 1e6));
        return new Manifest(ModelFile.FORMAT_VERSION, createdAt(), Version.project(), Version.weka(), Version.java(),
                options.learner().code(), options.learner().describe((int) options.seed(), labels.size()), options.seed(),
                labels, options.positiveLabel(), thresholds.review(), thresholds.block(), options.features().toMap(),
                vocabulary, options.trainingFiles(), dataSha256, rows, folds, cv);
    }

    /** Training time, or {@code SOURCE_DATE_EPOCH} when set so that rebuilt models are byte-identical. */
    private static String createdAt() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch)).toString();
        }
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** SHA-256 over every training row's label and fields, in order. */
    static String dataSha256(List<LabelledComment> data) {
        MessageDigest digest = newDigest();
        for (LabelledComment c : data) {
            update(digest, c.comment(), c.label(), c.group());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A new SHA-256 digest for {@link #update}. */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds one row to a {@link #dataSha256} being computed. */
    static void update(MessageDigest digest, Comment m, String label, String group) {
        String article = m.article() == null ? "" : m.article().title() + "\u001f" + m.article().text();
        String row = String.join("\u001f", label, m.text(), m.author(), m.authorUrl(), m.authorEmail(), article);
        if (!m.site().isEmpty() || !m.permalink().isEmpty() || !group.isEmpty()) {
            row += "\u001f" + m.site() + "\u001f" + m.permalink() + "\u001f" + group; // older data hashes as before
        }
        row += "\u001e";
        digest.update(row.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.commentguard;

import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.training.LabelledComment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the public benchmark sets live, and a clear skip when they are absent. */
public final class SharedDatasets {

    public static final Path ROOT = Path.of(System.getProperty("commentguard.shared", "../shared"));

    private SharedDatasets() {
    }

    public static Path youtube() {
        return ROOT.resolve("datasets/youtube-spam-collection");
    }

    public static Path sms() {
        return ROOT.resolve("datasets/sms-spam-collection/SMSSpamCollection");
    }

    /** A real site's moderation export: columns {@code text,label}, 1 = spam or never approved, 0 = genuine. */
    public static Path podcast() {
        return ROOT.resolve("datasets/python-podcast-comments/comments.csv");
    }

    /** The YouTube video files, in name order. */
    public static List<Path> youtubeFiles() throws IOException {
        try (var files = Files.list(youtube())) {
            return files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** One YouTube file's comments, labelled {@code 1} (spam) and {@code 0}. */
    public static List<LabelledComment> readYoutube(Path file) throws IOException {
        return labelled(CommentReader.read(file, new InputOptions("csv", "CONTENT", "CLASS", "COMMENT_ID", null, true, null),
                Map.of(), true), file);
    }

    /** The SMS collection, labelled {@code spam} and {@code ham}. */
    public static List<LabelledComment> readSms() throws IOException {
        return labelled(CommentReader.read(sms(), new InputOptions("csv", null, null, null, '\t', false, null), Map.of(), true), sms());
    }

    /** The python-podcast moderation export, labelled {@code 1} (spam or never approved) and {@code 0}. */
    public static List<LabelledComment> readPodcast() throws IOException {
        return labelled(CommentReader.read(podcast(), new InputOptions("csv", "text", "label", null, null, true, null),
                Map.of(), true), podcast());
    }

    private static List<LabelledComment> labelled(List<InputRow> rows, Path file) {
        List<LabelledComment> out = new ArrayList<>(rows.size());
        for (InputRow r : rows) {
            out.add(new LabelledComment(r.comment(), r.label(), file.getFileName() + ":" + r.line()));
        }
        return out;
    }

    /** Skips the calling test, saying why, unless {@code path} exists. */
    public static Path require(Path path) {
        assumeTrue(Files.exists(path), () -> "skipped: " + path.toAbsolutePath().normalize()
                + " is absent (the public datasets live in ../shared/datasets beside the repository)");
        return path;
    }
}

package dev.commentguard;

import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Skips the calling test, saying why, unless {@code path} exists. */
    public static Path require(Path path) {
        assumeTrue(Files.exists(path), () -> "skipped: " + path.toAbsolutePath().normalize()
                + " is absent (the public datasets live in ../shared/datasets beside the repository)");
        return path;
    }
}

package dev.commentguard.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.commentguard.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Files that cannot be used, named with the reason in one line and the exit code of their role: an input 3, a
 * model 4, an output 5; an output that is one of the inputs is refused before anything is read (2).
 */
class FileErrorsTest {

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeData() throws Exception {
        data = CliTest.writeTrainingCsv(dir.resolve("train.csv"), 12, 4);
    }

    @Test
    void aFolderGivenAsAFileIsNamedAsOne() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        CliTest.Run input = run("score", "--input", folder.toString());
        assertThat(input.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(input.err()).isEqualTo("error: " + folder + ": is a directory\n");

        CliTest.Run training = run("train", "--data", folder.toString(), "--out", dir.resolve("x.model").toString());
        assertThat(training.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(training.err()).isEqualTo("error: " + folder + ": is a directory\n");

        CliTest.Run model = run("score", "--model", folder.toString(), "hello");
        assertThat(model.exit()).as("a folder is a bad model, not bad input").isEqualTo(Main.EXIT_MODEL);
        assertThat(model.err()).isEqualTo("error: " + folder + ": is a directory, not a model file\n");

        CliTest.Run output = run("score", "--output", folder.toString(), "hello");
        assertThat(output.exit()).isEqualTo(Main.EXIT_OUTPUT);
        assertThat(output.err()).isEqualTo("error: " + folder + ": could not write output: is a directory\n");
    }

    @Test
    void anOutputThatCannotBeWrittenStopsTrainingBeforeItStartsAndTheReportBeforeTheEvaluation() throws Exception {
        Path underAFile = data.resolve("x.model"); // train.csv/x.model: a folder is needed where a file is
        CliTest.Run training = run("train", "--data", data.toString(), "--out", underAFile.toString());
        assertThat(training.exit()).isEqualTo(Main.EXIT_OUTPUT);
        assertThat(training.err()).isEqualTo("error: " + underAFile + ": could not write output: " + data
                + " is a file, not a folder\n");
        assertThat(training.out()).as("nothing trained").doesNotContain("Training on");

        Path model = dir.resolve("ok.model");
        assertThat(run("train", "--data", data.toString(), "--out", model.toString()).exit()).isZero();
        Path notAFolder = Files.writeString(dir.resolve("report.csv"), "x");
        CliTest.Run evaluation = run("evaluate", "--model", model.toString(), "--data", data.toString(),
                "--report", notAFolder.toString());
        assertThat(evaluation.exit()).isEqualTo(Main.EXIT_OUTPUT);
        assertThat(evaluation.err()).startsWith("error: " + notAFolder + ": could not write output: is a file;");
        assertThat(evaluation.out()).as("nothing evaluated").isEmpty();
    }

    @Test
    void aLabelWithTooFewRowsIsNamedWithWhereItsFirstRowIs() throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.csv"), Files.readString(data).stripTrailing() + "\r\nr999,an odd one,bogus\r\n");
        long line = Files.readAllLines(typo).size();
        CliTest.Run training = run("train", "--data", typo.toString(), "--out", dir.resolve("typo.model").toString());
        assertThat(training.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(training.err()).contains("label 'bogus' has only 1 example (the first at " + typo + ":" + line + ")");
    }

    @Test
    void aMissingFileIsNamedWithTheReason() {
        Path nope = dir.resolve("nope.txt");
        CliTest.Run article = run("score", "--article-text-file", nope.toString(), "hello");
        assertThat(article.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(article.err()).isEqualTo("error: " + nope + ": no such file\n");

        CliTest.Run articles = run("score", "--input", data.toString(), "--articles", nope.toString());
        assertThat(articles.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(articles.err()).isEqualTo("error: " + nope + ": no such file\n");

        CliTest.Run model = run("score", "--model", nope.toString(), "hello");
        assertThat(model.exit()).isEqualTo(Main.EXIT_MODEL);
        assertThat(model.err()).isEqualTo("error: " + nope + ": no such model file\n");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws Exception {
        Path locked = unreadable();
        CliTest.Run input = run("score", "--input", locked.toString());
        assertThat(input.exit()).isEqualTo(Main.EXIT_INPUT);
        assertThat(input.err()).isEqualTo("error: " + locked + ": permission denied\n");

        CliTest.Run model = run("score", "--model", locked.toString(), "hello");
        assertThat(model.exit()).isEqualTo(Main.EXIT_MODEL);
        assertThat(model.err()).isEqualTo("error: " + locked + ": permission denied\n");
    }

    /**
     * A file this test cannot read: one with no read permission, or, for root (who reads any file whatever its
     * permissions), a kernel setting that is write-only even for root.
     */
    private static Path unreadable() throws Exception {
        Path locked = dir.resolve("locked.csv");
        Files.writeString(locked, "text\nhello\n");
        locked.toFile().setReadable(false, false);
        if (!Files.isReadable(locked)) {
            return locked;
        }
        Path writeOnly = Path.of("/proc/sys/vm/compact_memory");
        assumeTrue(Files.exists(writeOnly) && !Files.isReadable(writeOnly),
                "skipped: running as root on a system without a file root cannot read");
        return writeOnly;
    }

    @Test
    void anOutputThatIsOneOfTheInputsIsRefused() throws Exception {
        Path comments = Files.copy(data, dir.resolve("comments.csv"));
        byte[] before = Files.readAllBytes(comments);

        CliTest.Run same = run("score", "--input", comments.toString(), "--output", comments.toString());
        assertThat(same.exit()).isEqualTo(2);
        assertThat(same.err()).isEqualTo("error: --output " + comments + " is the same file as --input " + comments
                + "; writing it would destroy that input: choose another output file\n");

        Path link = dir.resolve("link.csv");
        Files.createLink(link, comments); // another name for the same file
        CliTest.Run byIdentity = run("score", "--input", comments.toString(), "--output", link.toString());
        assertThat(byIdentity.exit()).isEqualTo(2);
        assertThat(byIdentity.err()).contains("is the same file as --input");

        Path sub = Files.createDirectories(dir.resolve("sub"));
        String roundabout = sub.resolve("..").resolve("comments.csv").toString();
        CliTest.Run model = run("train", "--data", data.toString(), "--data", comments.toString(), "--out", roundabout);
        assertThat(model.exit()).isEqualTo(2);
        assertThat(model.err()).isEqualTo("error: --out " + roundabout + " is the same file as --data " + comments
                + "; writing it would destroy that input: choose another output file\n");

        CliTest.Run rejects = run("score", "--input", comments.toString(), "--skip-invalid", "--rejects", link.toString());
        assertThat(rejects.exit()).isEqualTo(2);
        assertThat(rejects.err()).contains("--rejects " + link + " is the same file as --input " + comments);
        assertThat(Files.readAllBytes(comments)).isEqualTo(before);
    }
}

package dev.commentguard.cli;

import dev.commentguard.TestData;
import dev.commentguard.model.Manifest;
import dev.commentguard.model.ModelFile;
import dev.commentguard.training.CorpusMix;
import dev.commentguard.training.LabelledComment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code train --with-corpus}, with a small corpus in place of the shipped one so that it trains in seconds. */
class CorpusCliTest {

    @TempDir
    Path dir;

    private static final CorpusMix SMALL = new CorpusMix(TestData.threeClasses(20, 3), "small test corpus, 60 rows", 1.0);

    /** A two-label site as CSV: spam is "1", the rest "0". */
    private Path site(String extraLabel) throws IOException {
        List<String> lines = new ArrayList<>(List.of("id,text,label"));
        int id = 0;
        for (LabelledComment c : TestData.threeClasses(12, 7)) {
            if (!c.label().equals("low_quality")) {
                lines.add("s" + id++ + ",\"" + c.comment().text().replace("\"", "\"\"") + "\"," + (c.label().equals("spam") ? 1 : 0));
            }
        }
        if (extraLabel != null) {
            lines.add("s" + id + ",buy my promo codes today," + extraLabel);
        }
        Path file = dir.resolve("site.csv");
        Files.write(file, lines);
        return file;
    }

    private static CliTest.Run train(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        ((TrainCommand) cl.getSubcommands().get("train").getCommand()).corpus = () -> SMALL;
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new CliTest.Run(exit, out.toString(), err.toString());
    }

    @Test
    void withCorpusAddsTheCorpusRowsAndTheManifestNamesEverySource() throws IOException {
        Path model = dir.resolve("site.model");
        CliTest.Run run = train("train", "--data", site(null).toString(), "--with-corpus", "--spam-label", "1",
                "--folds", "3", "--threads", "2", "--out", model.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("With the corpus (small test corpus, 60 rows): 40 ok, 20 spam;")
                .contains("each of the site's 24 comment(s) counts 3 time(s)");
        assertThat(run.out()).contains("on 24 of the site's comments");
        Manifest m = ModelFile.readManifest(model);
        assertThat(m.positiveLabel()).isEqualTo("spam");
        assertThat(m.rowsPerClass()).as("the corpus's low_quality rows are ok beside a two-label site")
                .isEqualTo(Map.of("ok", 52, "spam", 32));
        assertThat(m.trainingFiles()).containsExactly("site.csv (csv: 12 0, 12 1)",
                "small test corpus, 60 rows: 40 ok, 20 spam, each site comment counted 3 time(s)");
    }

    @Test
    void siteLabelsTheCorpusLacksStopBeforeTraining() throws IOException {
        List<String> three = List.of("0", "1", "promo");
        Path model = dir.resolve("no.model");
        Path site = site("promo");
        List<String> lines = new ArrayList<>(Files.readAllLines(site));
        for (int i = 0; i < 10; i++) { // enough of each label to train on, were it not for the corpus
            lines.add("p" + i + ",promo code " + i + " for you," + three.get(2));
        }
        Files.write(site, lines);
        CliTest.Run run = train("train", "--data", site.toString(), "--with-corpus", "--spam-label", "1", "--out",
                model.toString());
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("the site's labels [0, 1, promo] include [0, 1, promo], which the corpus lacks");
        assertThat(model).doesNotExist();
    }

    @Test
    void aCorpusWeightNeedsTheCorpus() throws IOException {
        CliTest.Run run = train("train", "--data", site(null).toString(), "--corpus-weight", "2", "--out",
                dir.resolve("m.model").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--corpus-weight weighs the corpus of --with-corpus");
    }

    /** The build puts the corpus in the jar; reading it takes a second, training on it is left to the benchmark. */
    @Test
    void theShippedCorpusIsOnTheClassPath() throws Exception {
        CorpusMix shipped = ShippedCorpus.load();
        assertThat(shipped.labels()).containsExactly("low_quality", "ok", "spam");
        assertThat(shipped.version()).startsWith("CommentGuard corpus train.csv, ")
                .contains(String.format(java.util.Locale.ROOT, "%,d rows", shipped.comments().size()));
        // Every comment comes with its article but the share assemble.py writes without one, on purpose.
        long withArticle = shipped.comments().stream().filter(c -> c.comment().article() != null).count();
        assertThat((double) withArticle / shipped.comments().size()).isBetween(0.85, 0.95);
    }
}

package dev.commentguard.cli;

import dev.commentguard.TestModels;
import dev.commentguard.model.ModelFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kill -9} on a real {@code train --out} process while it writes: the previous model survives intact. */
class KillDuringTrainingTest {

    @Test
    void killedTrainingLeavesThePreviousModelIntact(@TempDir Path dir) throws Exception {
        // Every 12th comment of the corpus, about 4,000: a vocabulary of some 100,000 n-grams and a model of about
        // 9 MB, whose writing lasts long enough for this thread to see its temporary file (a model of templated
        // test comments was written in a few milliseconds, and a loaded machine could miss it).
        Path data = dir.resolve("train.csv");
        try (Reader in = Files.newBufferedReader(Path.of("training-data/train.csv"));
             CSVParser corpus = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in);
             Writer w = Files.newBufferedWriter(data); CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord("text", "label");
            for (CSVRecord r : corpus) {
                if (r.getRecordNumber() % 12 == 0) {
                    p.printRecord(r.get("text"), r.get("label"));
                }
            }
        }
        Path model = dir.resolve("m.model");
        ModelFile.save(TestModels.small(), model);
        byte[] before = Files.readAllBytes(model);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--data", data.toString(), "--out", model.toString(), "--folds", "2")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        // Wait until the child has opened its temporary model file, then kill it without warning.
        boolean sawTemporary = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && System.nanoTime() < deadline) {
            File[] tmp = dir.toFile().listFiles((d, name) -> name.startsWith(".m.model.") && name.endsWith(".tmp"));
            if (tmp != null && tmp.length > 0) {
                sawTemporary = true;
                break;
            }
            Thread.onSpinWait();
        }
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sawTemporary).as("the child should have been caught while writing its model").isTrue();
        assertThat(Files.readAllBytes(model)).isEqualTo(before);
        assertThat(ModelFile.load(model).manifest()).isEqualTo(TestModels.small().manifest());
        assertThat(List.of(dir.toFile().list())).contains("m.model");
    }
}

package dev.commentguard.cli;

import dev.commentguard.TestData;
import dev.commentguard.TestModels;
import dev.commentguard.model.ModelFile;
import dev.commentguard.training.LabelledComment;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
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
        Path data = dir.resolve("train.csv");
        try (Writer w = Files.newBufferedWriter(data); CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord("text", "label");
            for (LabelledComment c : TestData.threeClasses(1500, 21)) { // a model large enough that writing it takes a while
                p.printRecord(c.comment().text(), c.label());
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

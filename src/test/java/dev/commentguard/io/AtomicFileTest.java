package dev.commentguard.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void uncommittedWriteLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        try (AtomicFile f = AtomicFile.create(target)) {
            f.writer().write("half of the new");
        }
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void writesThroughASymbolicLinkAndKeepsTheLink() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        try (AtomicFile f = AtomicFile.create(link)) {
            f.writer().write("new");
            f.commit();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }
}

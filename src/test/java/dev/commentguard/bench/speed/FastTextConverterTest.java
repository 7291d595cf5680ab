package dev.commentguard.bench.speed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FastTextConverterTest {

    @TempDir
    Path dir;

    @Test
    void oneLabelledLowerCaseLinePerComment() throws IOException {
        Path csv = dir.resolve("in.csv");
        Path txt = dir.resolve("out.txt");
        Files.writeString(csv, """
                id,text,label
                g1,"Call NOW!
                Free ads\r\nhere",spam
                g2,"nice post, thanks",low_quality
                """);
        FastTextConverter.convert(csv, txt);
        assertThat(Files.readAllLines(txt)).isEqualTo(List.of(
                "__label__spam call now! free ads here",
                "__label__low_quality nice post, thanks"));
    }
}

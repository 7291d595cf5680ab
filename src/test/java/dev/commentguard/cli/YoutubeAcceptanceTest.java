package dev.commentguard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commentguard.SharedDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The acceptance run: train on the Psy video's comments, then score that file as JSON Lines. */
class YoutubeAcceptanceTest {

    @Test
    void trainOnPsyThenScoreItAsJsonLines(@TempDir Path dir) throws Exception {
        Path psy = SharedDatasets.require(SharedDatasets.youtube().resolve("Youtube01-Psy.csv"));
        Path model = dir.resolve("psy.model");
        CliTest.Run train = CliTest.run("train", "--data", psy.toString(), "--text-column", "CONTENT",
                "--label-column", "CLASS", "--spam-label", "1", "--out", model.toString());
        assertThat(train.exit()).as(train.err()).isZero();
        CliTest.Run score = CliTest.run("score", "--model", model.toString(), "--input", psy.toString(), "--format", "jsonl",
                "--text-column", "CONTENT");
        assertThat(score.exit()).as(score.err()).isZero();
        List<String> lines = score.out().lines().toList();
        assertThat(lines).hasSize(350);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("id").asText()).isEqualTo("LZQPQhLyRh80UYxNuaDWhIGQYNQ96IuCg-AYWqNPjpU");
        assertThat(first.fieldNames()).toIterable().containsExactly("id", "label", "spam_score", "probabilities", "action", "reasons");
        assertThat(first.get("probabilities").fieldNames()).toIterable().containsExactly("0", "1");
        long spam = lines.stream().filter(l -> l.contains("\"label\":\"1\"")).count();
        assertThat(spam).isBetween(150L, 200L); // 175 of the 350 are spam; scored on its own training data
    }
}

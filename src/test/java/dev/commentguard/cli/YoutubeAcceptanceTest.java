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

    /** Line 290 of the Eminem file repeats line 289 exactly, and one more row repeats another: dropped and counted, not an error. */
    @Test
    void anExactRepeatInTheEminemFileIsDroppedWithACount(@TempDir Path dir) throws Exception {
        Path eminem = SharedDatasets.require(SharedDatasets.youtube().resolve("Youtube04-Eminem.csv"));
        CliTest.Run train = CliTest.run("train", "--data", eminem.toString(), "--text-column", "CONTENT", "--label-column", "CLASS",
                "--spam-label", "1", "--id-column", "COMMENT_ID", "--folds", "2", "--out", dir.resolve("eminem.model").toString());
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(train.err()).contains("note: dropped 2 exact repeat(s) of an earlier row (same id, text and label; "
                + eminem + ":290 repeats line 289)", "Training on 446 comments from 1 file(s) (2 exact repeat(s) dropped)");
    }
}

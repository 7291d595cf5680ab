package dev.commentguard.training;

import dev.commentguard.Article;
import dev.commentguard.io.CommentReader;
import dev.commentguard.io.InputOptions;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.Rejects;
import dev.commentguard.model.Learner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StreamedTrainerTest {

    private static final TrainingOptions ONLINE = TrainingOptions.defaults().withLearner(Learner.ONLINE)
            .withValidation(Validation.PROGRESSIVE);

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private Trainer.Result streamed(List<InputRow> rows, TrainingOptions options) throws IOException {
        try (SpillWriter writer = SpilledComments.writer(dir, 8, options.seed(), options.features(), pool, 2)) {
            rows.forEach(writer);
            try (SpilledComments spilled = writer.finish(Rejects.strict(), (n, first) -> { })) {
                return StreamedTrainer.train(spilled, options, ProgressListener.NONE, pool, 2);
            }
        }
    }

    /**
     * On our corpus, the model learned from disk measures as the one learned in memory does (they differ only in the
     * order the comments come in), and the same data and seed give the same model.
     */
    @Test
    void learnsFromDiskAsInMemoryAndTheSameAgain() throws IOException {
        Map<String, Article> articles = CommentReader.readArticles(Path.of("training-data/articles.csv"));
        List<InputRow> corpus = CommentReader.read(Path.of("training-data/train.csv"), InputOptions.DEFAULT, articles, true);
        List<InputRow> rows = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i += 10) { // a tenth of the corpus, from every kind of site
            rows.add(corpus.get(i));
        }
        List<LabelledComment> data = rows.stream().map(r -> new LabelledComment(r.comment(), r.label(), "")).toList();

        Trainer.Result fromDisk = streamed(rows, ONLINE);
        Trainer.Result inMemory = Trainer.train(data, ONLINE, ProgressListener.NONE);

        assertThat(fromDisk.predictions()).hasSize(rows.size() - rows.size() / 2);
        assertThat(fromDisk.crossValidated().rocAuc()).isCloseTo(inMemory.crossValidated().rocAuc(), within(0.01));
        assertThat(fromDisk.crossValidated().mcc()).isCloseTo(inMemory.crossValidated().mcc(), within(0.03));
        assertThat(fromDisk.model().manifest().trainingSha256()).isEqualTo(inMemory.model().manifest().trainingSha256());
        assertThat(fromDisk.model().manifest().rowsPerClass()).isEqualTo(inMemory.model().manifest().rowsPerClass());
        assertThat(fromDisk.model().manifest().cvFolds()).isZero();
        assertThat(fromDisk.model().pipeline().vectorizer().dimension())
                .isEqualTo(inMemory.model().pipeline().vectorizer().dimension());

        Trainer.Result again = streamed(rows, ONLINE);
        assertThat(again.predictions()).isEqualTo(fromDisk.predictions());
        assertThat(again.crossValidated()).isEqualTo(fromDisk.crossValidated());
    }

    /** Buckets too large to hold are learned from a slice at a time: every comment once a pass, the same quality. */
    @Test
    void learnsFromLargeBucketsASliceAtATime() throws IOException {
        List<InputRow> rows = new ArrayList<>();
        for (LabelledComment c : dev.commentguard.TestData.threeClasses(300, 4)) {
            rows.add(new InputRow("t.csv", rows.size() + 2, c.comment(), c.label()));
        }
        Trainer.Result whole;
        Trainer.Result sliced;
        try (SpillWriter writer = SpilledComments.writer(dir, 8, 1, ONLINE.features(), pool, 2)) {
            rows.forEach(writer);
            try (SpilledComments spilled = writer.finish(Rejects.strict(), (n, first) -> { })) {
                whole = StreamedTrainer.train(spilled, ONLINE, ProgressListener.NONE, pool, 2);
                SpilledComments inSlices = spilled.inSlicesOf(40);
                assertThat(inSlices.slices(0)).isGreaterThan(1);
                sliced = StreamedTrainer.train(inSlices, ONLINE, ProgressListener.NONE, pool, 2);
            }
        }
        assertThat(sliced.predictions()).hasSize(rows.size() - rows.size() / 2);
        assertThat(sliced.crossValidated().rocAuc()).isCloseTo(whole.crossValidated().rocAuc(), within(0.02));
        assertThat(sliced.model().manifest().trainingSha256()).isEqualTo(whole.model().manifest().trainingSha256());
    }

    /** Past the bound on kept scores, a sample of the second half is kept: as many as the bound, the same each time. */
    @Test
    void keepsASampleOfTheScoresPastItsBound() throws IOException {
        List<InputRow> rows = new ArrayList<>();
        for (LabelledComment c : dev.commentguard.TestData.threeClasses(300, 5)) {
            rows.add(new InputRow("t.csv", rows.size() + 2, c.comment(), c.label()));
        }
        List<List<?>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            try (SpillWriter writer = SpilledComments.writer(dir, 8, 1, ONLINE.features(), pool, 2)) {
                rows.forEach(writer);
                try (SpilledComments spilled = writer.finish(Rejects.strict(), (n, first) -> { })) {
                    Trainer.Result r = StreamedTrainer.train(spilled, ONLINE, ProgressListener.NONE, pool, 2, 100);
                    assertThat(r.predictions()).hasSize(100).doesNotContainNull();
                    assertThat(r.crossValidated().count()).isEqualTo(100);
                    assertThat(r.predictions().stream().map(p -> p.truth()).distinct()).hasSize(3);
                    runs.add(r.predictions());
                }
            }
        }
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    @Test
    void refusesLearnersThatCannotLearnAPartAtATime() {
        List<InputRow> rows = new ArrayList<>();
        for (LabelledComment c : dev.commentguard.TestData.threeClasses(20, 1)) {
            rows.add(new InputRow("t.csv", rows.size() + 2, c.comment(), c.label()));
        }
        assertThatThrownBy(() -> streamed(rows, ONLINE.withLearner(Learner.LOGISTIC)))
                .isInstanceOf(TrainingException.class).hasMessageContaining("--learner online");
        assertThatThrownBy(() -> streamed(rows.subList(0, 15), ONLINE))
                .isInstanceOf(TrainingException.class).hasMessageContaining("at least");
    }
}

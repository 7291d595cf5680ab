package dev.commentguard.training;

import dev.commentguard.Comment;
import dev.commentguard.TestData;
import dev.commentguard.features.DocumentFrequencies;
import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.NgramBuckets;
import dev.commentguard.features.Prepared;
import dev.commentguard.io.InputFormatException;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.Rejects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpilledCommentsTest {

    private static final FeatureSettings SETTINGS = TrainingOptions.defaults().features();
    private static final int BUCKETS = 5;

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Generated comments with ids, many texts posted more than once under other ids, as rows of data.csv. */
    private static List<InputRow> rows() {
        List<InputRow> rows = new ArrayList<>();
        List<LabelledComment> data = TestData.threeClasses(1500, 11); // more rows than one batch of the writer
        for (int i = 0; i < data.size(); i++) {
            rows.add(row(i, data.get(i).comment().text(), data.get(i).label()));
        }
        return rows;
    }

    private static InputRow row(int i, String text, String label) {
        return new InputRow("data.csv", i + 2, new Comment("c" + i, text, "reader" + i, "", "", null, "", ""), label);
    }

    private SpilledComments spill(List<InputRow> rows, Rejects rejects, Map<Integer, String> repeats) throws IOException {
        SpillWriter writer = SpilledComments.writer(dir, BUCKETS, 7, SETTINGS, pool, 2);
        try (writer) {
            rows.forEach(writer);
            return writer.finish(rejects, repeats::put);
        }
    }

    @Test
    void everyRowComesBackOnceWithItsRepeatsInOneBucketAndIsCountedAsInMemory() throws IOException {
        List<InputRow> rows = rows();
        try (SpilledComments spilled = spill(rows, Rejects.strict(), new HashMap<>())) {
            assertThat(spilled.rows()).isEqualTo(rows.size());
            Map<String, Integer> bucketOfKey = new HashMap<>();
            boolean[] seen = new boolean[rows.size()];
            for (int b = 0; b < spilled.buckets(); b++) {
                List<SpilledComments.Entry> entries = spilled.read(b);
                List<Comment> comments = new ArrayList<>();
                long last = -1;
                for (SpilledComments.Entry e : entries) {
                    assertThat(e.seq()).as("input order within a bucket").isGreaterThan(last);
                    last = e.seq();
                    assertThat(seen[(int) e.seq()]).isFalse();
                    seen[(int) e.seq()] = true;
                    assertThat(e.row()).isEqualTo(rows.get((int) e.seq()));
                    String key = ExtractionContext.repeatKey(e.row().comment().text());
                    assertThat(bucketOfKey.putIfAbsent(key, b)).as(key).isIn(null, b);
                    comments.add(e.row().comment());
                }
                assertThat(entries).as("bucket %d", b).isNotEmpty();
                // A bucket prepared as a batch gives each comment the signals the whole data as a batch gives it.
                List<Prepared> alone = FeaturePipeline.prepareAll(comments, SETTINGS.version());
                List<Prepared> inAll = FeaturePipeline.prepareAll(rows.stream().map(InputRow::comment).toList(), SETTINGS.version());
                for (int i = 0; i < entries.size(); i++) {
                    assertThat(alone.get(i).signals()).isEqualTo(inAll.get((int) entries.get(i).seq()).signals());
                }
            }
            assertThat(seen).containsOnly(true);
            assertThat(bucketOfKey.size()).as("texts posted more than once").isLessThan(rows.size());
            assertCountedAsInMemory(spilled, rows);
        }
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void exactRepeatsAreDroppedAndAnIdUsedAgainIsRejectedInInputOrder() throws IOException {
        List<InputRow> rows = rows();
        List<InputRow> input = new ArrayList<>(rows);
        InputRow repeated = rows.get(5);
        input.add(new InputRow("data.csv", 5000, repeated.comment(), repeated.label()));
        input.add(new InputRow("data.csv", 5001, new Comment("c7", "another comment entirely", null, null, null, null, null,
                null), "ok"));
        input.add(new InputRow("data.csv", 5002, new Comment("c3", "yet another", null, null, null, null, null, null), "ok"));

        assertThatThrownBy(() -> spill(input, Rejects.strict(), new HashMap<>()))
                .isInstanceOf(InputFormatException.class)
                .hasMessage("data.csv:5001: duplicate id 'c7' (first at data.csv:9)");
        assertThat(dir).as("nothing left behind").isEmptyDirectory();

        Rejects skipping = Rejects.skipping();
        Map<Integer, String> repeats = new HashMap<>();
        try (SpilledComments spilled = spill(input, skipping, repeats)) {
            assertThat(skipping.rejected()).extracting(Rejects.Rejected::line).containsExactly(5001L, 5002L);
            assertThat(repeats).containsExactly(Map.entry(1, "data.csv:5000 repeats line 7"));
            assertThat(spilled.rows()).isEqualTo(rows.size());
            assertCountedAsInMemory(spilled, rows);
        }
    }

    /** The labels, n-gram counts and data digest of {@code kept}, as training counts rows held in memory. */
    private static void assertCountedAsInMemory(SpilledComments spilled, List<InputRow> kept) {
        Map<String, Integer> labels = new HashMap<>();
        DocumentFrequencies df = new DocumentFrequencies(SETTINGS.ngrams());
        NgramBuckets found = new NgramBuckets(SETTINGS.ngrams());
        List<LabelledComment> data = new ArrayList<>();
        for (InputRow r : kept) {
            labels.merge(r.label(), 1, Integer::sum);
            df.add(found.scan(SETTINGS.ngramText(FeaturePipeline.prepareAll(List.of(r.comment()), SETTINGS.version()).get(0))));
            data.add(new LabelledComment(r.comment(), r.label(), ""));
        }
        int[] expected = new int[spilled.documentFrequencies().length];
        df.addTo(expected);
        assertThat(spilled.labels()).isEqualTo(labels);
        assertThat(spilled.texts()).isEqualTo(kept.size());
        assertThat(spilled.documentFrequencies()).isEqualTo(expected);
        assertThat(spilled.sha256()).isEqualTo(TrainingManifest.dataSha256(data));
    }

    /** A bucket read in slices gives each of its rows once, each text's copies in one slice; so does the id check. */
    @Test
    void aBucketReadInSlicesGivesEveryRowOnceWithItsRepeats() throws IOException {
        List<InputRow> rows = rows();
        try (SpilledComments spilled = spill(rows, Rejects.strict(), new HashMap<>())) {
            SpilledComments sliced = spilled.inSlicesOf(100);
            long total = 0;
            for (int b = 0; b < spilled.buckets(); b++) {
                int slices = sliced.slices(b);
                assertThat(slices).isEqualTo((int) ((spilled.rows(b) + 99) / 100)).isGreaterThan(1);
                List<Long> whole = spilled.read(b).stream().map(SpilledComments.Entry::seq).toList();
                List<Long> inSlices = new ArrayList<>();
                Map<String, Integer> sliceOfKey = new HashMap<>();
                for (int slice = 0; slice < slices; slice++) {
                    for (SpilledComments.Entry e : sliced.read(b, slices, slice)) {
                        inSlices.add(e.seq());
                        String key = ExtractionContext.repeatKey(e.row().comment().text());
                        assertThat(sliceOfKey.putIfAbsent(key, slice)).as(key).isIn(null, slice);
                    }
                }
                assertThat(inSlices).containsExactlyInAnyOrderElementsOf(whole);
                total += whole.size();
            }
            assertThat(total).isEqualTo(rows.size());
        }

        // The id check finds the same repeats and duplicates a slice at a time.
        List<InputRow> input = new ArrayList<>(rows);
        input.add(new InputRow("data.csv", 5000, rows.get(5).comment(), rows.get(5).label()));
        input.add(new InputRow("data.csv", 5001, new Comment("c7", "another", null, null, null, null, null, null), "ok"));
        try (SpillFiles files = SpillFiles.create(dir)) {
            try (java.io.DataOutputStream out = files.writer("ids")) {
                java.security.MessageDigest digest = TrainingManifest.newDigest();
                for (int i = 0; i < input.size(); i++) {
                    SpillIdCheck.write(out, files, i, 0, input.get(i), digest);
                }
            }
            for (int slices : new int[] {1, 4}) {
                SpillIdCheck check = new SpillIdCheck();
                for (int slice = 0; slice < slices; slice++) {
                    check.bucket(files, "ids", slices, slice);
                }
                assertThat(check.dropped).as("%d slices", slices).containsOnlyKeys((long) rows.size(), rows.size() + 1L);
            }
        }
    }

    /** Two rows whose fields differ only in where one ends and the next begins are not repeats of each other. */
    @Test
    void anIdUsedAgainWithTheSameCharactersInOtherFieldsIsNoRepeat() throws IOException {
        List<InputRow> rows = rows();
        List<InputRow> input = new ArrayList<>(rows);
        input.add(new InputRow("data.csv", 5000, new Comment("x", "a\u001fb", "c", "", "", null, "", ""), "ok"));
        input.add(new InputRow("data.csv", 5001, new Comment("x", "a", "b\u001fc", "", "", null, "", ""), "ok"));
        Rejects skipping = Rejects.skipping();
        try (SpilledComments spilled = spill(input, skipping, new HashMap<>())) {
            assertThat(skipping.rejected()).extracting(Rejects.Rejected::line).containsExactly(5001L);
            assertThat(skipping.rejected().get(0).text()).isEqualTo("a");
            assertThat(spilled.rows()).isEqualTo(rows.size() + 1);
        }
    }

    @Test
    void aFailedWriteLeavesNoFiles() throws IOException {
        SpillWriter writer = SpilledComments.writer(dir, BUCKETS, 7, SETTINGS, pool, 2);
        writer.accept(rows().get(0));
        writer.close();
        assertThat(dir).isEmptyDirectory();
        assertThat(Files.exists(dir)).isTrue();
    }
}

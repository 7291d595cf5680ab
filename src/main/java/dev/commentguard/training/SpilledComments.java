package dev.commentguard.training;

import dev.commentguard.features.DocumentFrequencies;
import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.io.InputRow;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Labelled comments held on disk rather than in memory, for training on more comments than the heap holds
 * ({@code train --stream}). The input is read once, as it comes, into bucket files: comments whose texts count as the
 * same post ({@link ExtractionContext#repeatKey}) share a bucket, so that a bucket, prepared as one batch, gives every
 * comment the signals the whole data as one batch would; and the buckets are each a random part of the data (the
 * bucket is a hash of the key, salted with the seed), so that taking the buckets in a random order and each bucket's
 * comments in a random order is a random order of them all. As the comments are written, their n-grams are counted
 * ({@link DocumentFrequencies}) on the pool, and each comment with an id is written to a second set of buckets, by its
 * id, where {@link SpillWriter#finish} finds the exact repeats of a row and the ids used again for another comment as
 * reading every row into memory would. Memory holds one batch of rows a thread, the n-gram counts and, when reading
 * back, one bucket. Not thread-safe.
 */
public final class SpilledComments implements AutoCloseable {

    /**
     * Buckets of each kind: each holds about 1/256 of the input, whatever its size and whether it comes from a file or a
     * pipe, so that the model does not depend on how the data was given. Two kinds, so 512 files open while writing.
     */
    public static final int BUCKETS = 256;

    /** A row as written, its place among all the rows read, and the hash of its repeat key. */
    public record Entry(long seq, long key, InputRow row) {
    }

    /**
     * Most comments read back from a bucket at once: a larger bucket (from about 17 million comments) is read in
     * slices of its keys, each text's copies in one slice, so that memory does not grow with the data.
     */
    public static final int SLICE_ROWS = 65_536;

    private final SpillFiles files;
    private final int buckets;
    private final long[] bucketRows;
    private final int sliceRows;
    private final Set<Long> dropped;
    private final Map<String, Integer> labels;
    private final int[] documentFrequencies;
    private final int texts;
    private final long rows;
    private final String sha256;

    SpilledComments(SpillFiles files, int buckets, long[] bucketRows, int sliceRows, Set<Long> dropped,
                    Map<String, Integer> labels, int[] documentFrequencies, int texts, long rows, String sha256) {
        this.files = files;
        this.buckets = buckets;
        this.bucketRows = bucketRows;
        this.sliceRows = sliceRows;
        this.dropped = dropped;
        this.labels = labels;
        this.documentFrequencies = documentFrequencies;
        this.texts = texts;
        this.rows = rows;
        this.sha256 = sha256;
    }

    /** The same files read back in slices of about {@code rows} comments: for tests of slicing on small data. */
    SpilledComments inSlicesOf(int rows) {
        return new SpilledComments(files, buckets, bucketRows, rows, dropped, labels, documentFrequencies, texts, this.rows,
                sha256);
    }

    /**
     * Starts writing comments to a new directory under {@code parent}, in {@link #BUCKETS} buckets.
     *
     * @param pool where the n-grams are counted, {@code threads} tasks at a time
     */
    public static SpillWriter writer(Path parent, long seed, FeatureSettings settings, ExecutorService pool, int threads)
            throws IOException {
        return writer(parent, BUCKETS, seed, settings, pool, threads);
    }

    /** As {@link #writer(Path, long, FeatureSettings, ExecutorService, int)}, in {@code buckets} buckets of each kind. */
    static SpillWriter writer(Path parent, int buckets, long seed, FeatureSettings settings, ExecutorService pool,
                              int threads) throws IOException {
        return new SpillWriter(SpillFiles.create(parent), buckets, seed, settings, pool, threads);
    }

    public int buckets() {
        return buckets;
    }

    /** Rows kept: every row read but the repeats and duplicates {@link SpillWriter#finish} set aside. */
    public long rows() {
        return rows;
    }

    /** Rows kept per label, by label. */
    public Map<String, Integer> labels() {
        return labels;
    }

    /** In how many kept comments each n-gram bucket occurs. */
    public int[] documentFrequencies() {
        return documentFrequencies;
    }

    /** How many texts the {@link #documentFrequencies} count. */
    public int texts() {
        return texts;
    }

    /** SHA-256 over every kept row's label and fields in input order, as {@code TrainingManifest} computes it for rows in memory. */
    public String sha256() {
        return sha256;
    }

    /** How many kept rows bucket {@code b} holds. */
    public long rows(int b) {
        return bucketRows[b];
    }

    /** How many slices bucket {@code b} is read in: enough for each to hold about {@link #SLICE_ROWS} comments (on average). */
    public int slices(int b) {
        return (int) Math.max(1, (bucketRows[b] + sliceRows - 1) / sliceRows);
    }

    /** The kept rows of bucket {@code b}, in input order. */
    public List<Entry> read(int b) throws IOException {
        return read(b, 1, 0);
    }

    /**
     * The kept rows of slice {@code slice} of {@code slices} of bucket {@code b}, in input order: the rows whose key's
     * {@link SpillFiles#slice} it is, so that every copy of a text is in the same slice.
     */
    public List<Entry> read(int b, int slices, int slice) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (DataInputStream in = files.reader(SpillFiles.textBucket(b))) {
            SpillFiles.RowFilter mine = (seq, key) -> !dropped.contains(seq)
                    && (slices == 1 || SpillFiles.slice(key, slices) == slice);
            for (Entry e = files.readRow(in, mine); e != null; e = files.readRow(in, mine)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Deletes the files. */
    @Override
    public void close() {
        files.close();
    }
}

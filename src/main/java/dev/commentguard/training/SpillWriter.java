package dev.commentguard.training;

import dev.commentguard.concurrent.Tasks;
import dev.commentguard.features.DocumentFrequencies;
import dev.commentguard.features.ExtractionContext;
import dev.commentguard.features.FeaturePipeline;
import dev.commentguard.features.FeatureSettings;
import dev.commentguard.features.NgramBuckets;
import dev.commentguard.features.Prepared;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.Rejects;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes {@link SpilledComments} as the rows are read: each row to the bucket of its repeat key once a task on the pool
 * has counted its n-grams, in input order; {@link #finish} checks the ids and gives the {@link SpilledComments}. Not
 * thread-safe: one thread hands it the rows.
 */
public final class SpillWriter implements Consumer<InputRow>, AutoCloseable {

    /** Rows of input a task counts the n-grams of. */
    private static final int BATCH = 2048;
    /** Most ids checked at once: a larger bucket of ids is checked a slice of its ids at a time. */
    static final int ID_SLICE_ROWS = 1 << 20;

    private final SpillFiles files;
    private final int buckets;
    private final long seed;
    private final FeatureSettings settings;
    private final ExecutorService pool;
    private final int threads;
    private final DataOutputStream[] text;
    private final DataOutputStream[] ids;
    /** Rows written to each bucket of texts, and of ids. */
    private final long[] textRows;
    private final long[] idRows;
    /** Batches being counted on the pool, oldest first: each is written once its keys are known. */
    private final ArrayDeque<Pending> counting = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Counter> counters = new ConcurrentLinkedQueue<>();
    private final List<Counter> allCounters = java.util.Collections.synchronizedList(new ArrayList<>());
    private final MessageDigest digest = TrainingManifest.newDigest();
    /** Hashes each row's content for the id check, reset for each. */
    private final MessageDigest contentDigest = TrainingManifest.newDigest();
    private final Map<String, Integer> labels = new TreeMap<>();
    private List<InputRow> batch = new ArrayList<>(BATCH);
    private long seq;
    private boolean finished;

    SpillWriter(SpillFiles files, int buckets, long seed, FeatureSettings settings, ExecutorService pool, int threads)
            throws IOException {
        this.files = files;
        this.buckets = buckets;
        this.seed = seed;
        this.settings = settings;
        this.pool = pool;
        this.threads = threads;
        this.text = new DataOutputStream[buckets];
        this.textRows = new long[buckets];
        this.idRows = new long[buckets];
        this.ids = new DataOutputStream[buckets];
        try {
            for (int b = 0; b < buckets; b++) {
                text[b] = files.writer(SpillFiles.textBucket(b));
                ids[b] = files.writer(SpillFiles.idBucket(b));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Takes a row: counted on the pool, written in input order once counted. */
    @Override
    public void accept(InputRow row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    private void submit() {
        List<InputRow> rows = batch;
        batch = new ArrayList<>(BATCH);
        counting.add(new Pending(rows, pool.submit(() -> count(rows))));
        while (counting.size() > 2 * threads) {
            writeOldest();
        }
    }

    /** The n-grams of {@code rows} counted; each row's repeat key hashed. */
    private long[] count(List<InputRow> rows) {
        Counter counter = counters.poll();
        if (counter == null) {
            counter = new Counter(new DocumentFrequencies(settings.ngrams()), new NgramBuckets(settings.ngrams()));
            allCounters.add(counter);
        }
        long[] keys = new long[rows.size()];
        for (int i = 0; i < keys.length; i++) {
            Prepared p = FeaturePipeline.prepareText(rows.get(i).comment(), settings);
            keys[i] = SpillFiles.hash(ExtractionContext.repeatKey(p.text()));
            counter.df.add(counter.found.scan(settings.ngramText(p)));
        }
        counters.add(counter);
        return keys;
    }

    private void writeOldest() {
        Pending oldest = counting.poll();
        long[] keys = Tasks.await(oldest.keys, "counting n-grams");
        List<InputRow> rows = oldest.rows;
        try {
            for (int i = 0; i < keys.length; i++) {
                InputRow row = rows.get(i);
                int b = bucketOf(keys[i], seed);
                files.writeRow(text[b], seq, keys[i], row);
                textRows[b]++;
                TrainingManifest.update(digest, row.comment(), row.label(), "");
                labels.merge(row.label(), 1, Integer::sum);
                if (!row.comment().id().isEmpty()) {
                    int ib = bucketOf(SpillFiles.hash(row.comment().id()), ~seed);
                    SpillIdCheck.write(ids[ib], files, seq, b, row, contentDigest);
                    idRows[ib]++;
                }
                seq++;
            }
        } catch (IOException e) {
            // the message says where: a reader that unwraps the cause keeps it
            throw new UncheckedIOException(new IOException("could not write the training data to " + files.dir() + ": "
                    + e.getMessage(), e));
        }
    }

    private int bucketOf(long hash, long salt) {
        return (int) Math.floorMod(SpillFiles.mix(hash ^ salt), (long) buckets);
    }

    /**
     * Writes what is left and checks the ids: exact repeats of an earlier row (same id, comment and label) are
     * dropped, counted in {@code repeats}; a row that uses an earlier row's id for another comment goes to
     * {@code rejects} (which stops, unless it skips), in input order, and is dropped.
     *
     * @param repeats told how many exact repeats there were and where the first is, as
     *                {@code InputMixin.noteRepeats} takes them
     */
    public SpilledComments finish(Rejects rejects, BiConsumer<Integer, String> repeats) throws IOException {
        if (!batch.isEmpty()) {
            submit();
        }
        while (!counting.isEmpty()) {
            writeOldest();
        }
        closeWriters();
        SpillIdCheck check = new SpillIdCheck();
        for (int b = 0; b < buckets; b++) {
            int slices = (int) Math.max(1, (idRows[b] + ID_SLICE_ROWS - 1) / ID_SLICE_ROWS);
            for (int slice = 0; slice < slices; slice++) {
                check.bucket(files, SpillFiles.idBucket(b), slices, slice);
            }
        }
        check.report(files, rejects, repeats);
        int[] df = new int[2 << settings.ngrams().hashBits()];
        int texts = 0;
        for (Counter c : allCounters) {
            c.df.addTo(df);
            texts += c.df.texts();
        }
        // The dropped rows' n-grams and labels taken back, from the buckets that hold them.
        Counter removed = new Counter(new DocumentFrequencies(settings.ngrams()), new NgramBuckets(settings.ngrams()));
        for (int b : new java.util.TreeSet<>(check.dropped.values())) {
            try (DataInputStream in = files.reader(SpillFiles.textBucket(b))) {
                SpillFiles.RowFilter dropped = (seq, key) -> check.dropped.containsKey(seq);
                for (SpilledComments.Entry e = files.readRow(in, dropped); e != null; e = files.readRow(in, dropped)) {
                    removed.df.add(removed.found.scan(settings.ngramText(
                            FeaturePipeline.prepareText(e.row().comment(), settings))));
                    labels.merge(e.row().label(), -1, Integer::sum);
                    textRows[b]--;
                }
            }
        }
        labels.values().removeIf(n -> n == 0);
        int[] less = new int[df.length];
        removed.df.addTo(less);
        for (int i = 0; i < df.length; i++) {
            df[i] -= less[i];
        }
        Set<Long> drop = check.dropped.keySet();
        String sha = drop.isEmpty() ? HexFormat.of().formatHex(digest.digest()) : files.digestInOrder(buckets, drop);
        finished = true;
        return new SpilledComments(files, buckets, textRows, SpilledComments.SLICE_ROWS, drop, java.util.Collections.unmodifiableMap(labels), df,
                texts - removed.df.texts(), seq - drop.size(), sha);
    }

    /** Closes every file, the first failure thrown once all are closed. */
    private void closeWriters() throws IOException {
        IOException first = null;
        for (DataOutputStream[] outs : List.of(text, ids)) {
            for (int b = 0; b < outs.length; b++) {
                try {
                    if (outs[b] != null) {
                        outs[b].close();
                    }
                } catch (IOException e) {
                    first = first == null ? e : first;
                } finally {
                    outs[b] = null;
                }
            }
        }
        if (first != null) {
            throw new IOException("could not write the training data to " + files.dir() + ": " + first.getMessage(), first);
        }
    }

    /** Deletes the files unless {@link #finish} handed them on. */
    @Override
    public void close() {
        counting.forEach(p -> p.keys.cancel(true));
        try {
            closeWriters();
        } catch (IOException ignored) {
            // the files are deleted next
        }
        if (!finished) {
            files.close();
        }
    }

    /** A batch of rows and the task hashing their repeat keys. */
    private record Pending(List<InputRow> rows, Future<long[]> keys) {
    }

    /** A task's n-gram counts and its scan buffer. */
    private record Counter(DocumentFrequencies df, NgramBuckets found) {
    }
}

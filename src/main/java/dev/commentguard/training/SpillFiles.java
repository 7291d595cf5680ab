package dev.commentguard.training;

import dev.commentguard.Article;
import dev.commentguard.Comment;
import dev.commentguard.io.InputRow;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of {@link SpilledComments}: a directory of bucket files, each a run of records written with
 * {@link DataOutputStream}. Strings are written as their UTF-8 length and bytes (a comment may be longer than
 * {@link DataOutputStream#writeUTF} allows). Articles met often are written once, as an index into a table kept in
 * memory; at most {@link #MAX_SHARED_ARTICLES} of them, the rest written with each comment. Not thread-safe.
 */
final class SpillFiles implements AutoCloseable {

    /** Articles kept in memory and referred to by index: a site's articles, not one per comment. */
    static final int MAX_SHARED_ARTICLES = 10_000;

    private static final int NO_ARTICLE = -1;
    private static final int INLINE_ARTICLE = -2;

    private final Path dir;
    private final List<String> sources = new ArrayList<>();
    private final Map<String, Integer> sourceIndex = new HashMap<>();
    private final List<Article> articles = new ArrayList<>();
    private final Map<Article, Integer> articleIndex = new HashMap<>();

    /** Deletes the files if the process ends before {@link #close} (an interrupt, the heap running out). */
    private final Thread onExit;

    private SpillFiles(Path dir) {
        this.dir = dir;
        this.onExit = new Thread(this::delete, "commentguard-spill-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** A new directory under {@code parent} for the files of one training run. */
    static SpillFiles create(Path parent) throws IOException {
        Files.createDirectories(parent);
        return new SpillFiles(Files.createTempDirectory(parent, "commentguard-spill-"));
    }

    Path dir() {
        return dir;
    }

    DataOutputStream writer(String name) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 15));
    }

    DataInputStream reader(String name) throws IOException {
        Path file = dir.resolve(name);
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    boolean exists(String name) {
        return Files.exists(dir.resolve(name));
    }

    /** Which rows a read keeps, told a row's sequence number and key: the others are skipped without being decoded. */
    interface RowFilter {
        boolean keep(long seq, long key);
    }

    /** Keeps every row. */
    static final RowFilter EVERY_ROW = (seq, key) -> true;

    /** The fields of a row as they are being written, before its length is known. */
    private final java.io.ByteArrayOutputStream rowBytes = new java.io.ByteArrayOutputStream(512);
    private final DataOutputStream row = new DataOutputStream(rowBytes);

    /**
     * Writes a row: its place in the input, the hash of its repeat key, the length of the rest, and the rest (the row's
     * fields), so that a reader can skip a row it does not want without decoding it.
     */
    void writeRow(DataOutputStream out, long seq, long key, InputRow input) throws IOException {
        rowBytes.reset();
        writeSource(row, input.source());
        row.writeLong(input.line());
        writeString(row, input.label());
        writeString(row, input.group());
        Comment c = input.comment();
        for (String s : new String[] {c.id(), c.text(), c.author(), c.authorUrl(), c.authorEmail(), c.site(), c.permalink()}) {
            writeString(row, s);
        }
        writeArticle(row, c.article());
        row.flush();
        out.writeLong(seq);
        out.writeLong(key);
        out.writeInt(rowBytes.size());
        rowBytes.writeTo(out);
    }

    private void writeArticle(DataOutputStream out, Article a) throws IOException {
        if (a == null) {
            out.writeInt(NO_ARTICLE);
            return;
        }
        Integer shared = articleIndex.get(a);
        if (shared == null && articles.size() < MAX_SHARED_ARTICLES) {
            shared = articles.size();
            articles.add(a);
            articleIndex.put(a, shared);
        }
        if (shared != null) {
            out.writeInt(shared);
            return;
        }
        out.writeInt(INLINE_ARTICLE);
        for (String s : new String[] {a.id(), a.title(), a.text(), a.site(), a.permalink()}) {
            writeString(out, s);
        }
    }

    /** The next row as {@link #writeRow} wrote it, with its sequence number and key; {@code null} at the end of the file. */
    SpilledComments.Entry readRow(DataInputStream in) throws IOException {
        return readRow(in, EVERY_ROW);
    }

    /** The next row that {@code filter} keeps; {@code null} at the end of the file. */
    SpilledComments.Entry readRow(DataInputStream in, RowFilter filter) throws IOException {
        while (true) {
            long seq;
            try {
                seq = in.readLong();
            } catch (EOFException end) {
                return null;
            }
            long key = in.readLong();
            int length = in.readInt();
            if (!filter.keep(seq, key)) {
                in.readNBytes(length); // skipBytes may skip fewer; this reads them all, undecoded
                continue;
            }
            String source = sources.get(in.readInt());
            long line = in.readLong();
            String label = readString(in);
            String group = readString(in);
            String[] f = new String[7];
            for (int i = 0; i < f.length; i++) {
                f[i] = readString(in);
            }
            int article = in.readInt();
            Article a = null;
            if (article >= 0) {
                a = articles.get(article);
            } else if (article == INLINE_ARTICLE) {
                a = new Article(readString(in), readString(in), readString(in), readString(in), readString(in));
            }
            Comment c = new Comment(f[0], f[1], f[2], f[3], f[4], a, f[5], f[6]);
            return new SpilledComments.Entry(seq, key, new InputRow(source, line, c, label, group));
        }
    }

    void writeSource(DataOutputStream out, String source) throws IOException {
        Integer index = sourceIndex.get(source);
        if (index == null) {
            index = sources.size();
            sources.add(source);
            sourceIndex.put(source, index);
        }
        out.writeInt(index);
    }

    String readSource(DataInputStream in) throws IOException {
        return sources.get(in.readInt());
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static String textBucket(int b) {
        return "text-" + b;
    }

    static String idBucket(int b) {
        return "id-" + b;
    }

    /**
     * The data digest of the kept rows in input order, read back from the buckets (each in input order) merged: for
     * when rows were dropped after the digest of every row was taken as they were read.
     */
    String digestInOrder(int buckets, java.util.Set<Long> dropped) throws IOException {
        java.security.MessageDigest digest = TrainingManifest.newDigest();
        RowFilter kept = (seq, key) -> !dropped.contains(seq);
        DataInputStream[] in = new DataInputStream[buckets];
        java.util.PriorityQueue<Head> heads = new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(h -> h.row.seq()));
        try {
            for (int b = 0; b < buckets; b++) {
                in[b] = reader(textBucket(b));
                SpilledComments.Entry e = readRow(in[b], kept);
                if (e != null) {
                    heads.add(new Head(e, b));
                }
            }
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                TrainingManifest.update(digest, head.row.row().comment(), head.row.row().label(), "");
                SpilledComments.Entry next = readRow(in[head.bucket], kept);
                if (next != null) {
                    heads.add(new Head(next, head.bucket));
                }
            }
        } finally {
            for (DataInputStream s : in) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** The next row of a bucket, in the merge of {@link #digestInOrder}. */
    private record Head(SpilledComments.Entry row, int bucket) {
    }

    /** A 64-bit hash of a string (FNV-1a over its UTF-16 units), mixed by {@link #mix} where it picks a bucket. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
    
    /**
     * Which of {@code slices} slices of a bucket a hash falls in: a bucket too large to hold is read a slice at a time.
     * From the hash's high bits, mixed again, so that it is independent of the bucket (its low bits, mixed with the seed).
     */
    static int slice(long hash, int slices) {
        return (int) Long.remainderUnsigned(mix(hash + 0x9e3779b97f4a7c15L) >>> 32, slices);
    }

    /** The finaliser of SplitMix64: every bit of the result depends on every bit of {@code z}. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Deletes the directory and its files. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook deletes them
        }
        delete();
    }

    private void delete() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // deleted already
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the training spill " + dir + ": " + e.getMessage(), e);
        }
    }
}

package dev.commentguard.training;

import dev.commentguard.Article;
import dev.commentguard.Comment;
import dev.commentguard.io.InputFormatException;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.Rejects;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The check of a spill's ids, as {@code InputMixin} makes it of rows in memory: each row with an id is written to a
 * bucket of its id, with two hashes of its content; reading a bucket at a time, a row whose id an earlier row has is
 * an exact repeat when their hashes agree, and a duplicate id when not. Both are dropped; duplicates are rejected.
 * Not thread-safe.
 */
final class SpillIdCheck {
    /** The dropped rows' sequence numbers, each with its text bucket. */
    final Map<Long, Integer> dropped = new HashMap<>();
    private final List<Rejected> rejected = new ArrayList<>();
    private long firstRepeatSeq = Long.MAX_VALUE;
    private String firstRepeat;
    private int repeats;

    private record IdRow(long seq, String id, long hash, long hash2, String source, long line) {
    }

    private record Rejected(long seq, int textBucket, InputFormatException problem) {
    }

    /** Checks the rows of slice {@code slice} of {@code slices} of one bucket of ids: every row of an id is in one slice. */
    void bucket(SpillFiles files, String name, int slices, int slice) throws IOException {
        Map<String, IdRow> first = new HashMap<>();
        try (DataInputStream in = files.reader(name)) {
            while (true) {
                long seq;
                try {
                    seq = in.readLong();
                } catch (java.io.EOFException end) {
                    break;
                }
                int textBucket = in.readInt();
                IdRow r = new IdRow(seq, SpillFiles.readString(in), in.readLong(), in.readLong(), files.readSource(in),
                        in.readLong());
                if (slices > 1 && SpillFiles.slice(SpillFiles.hash(r.id), slices) != slice) {
                    continue;
                }
                IdRow earlier = first.putIfAbsent(r.id, r); // a bucket's rows are in input order
                if (earlier == null) {
                    continue;
                }
                dropped.put(seq, textBucket);
                if (earlier.hash == r.hash && earlier.hash2 == r.hash2) {
                    repeats++;
                    if (seq < firstRepeatSeq) {
                        firstRepeatSeq = seq;
                        firstRepeat = r.source + ":" + r.line + " repeats " + (earlier.source.equals(r.source)
                                ? "line " + earlier.line : earlier.source + ":" + earlier.line);
                    }
                } else {
                    rejected.add(new Rejected(seq, textBucket, new InputFormatException(r.source, r.line, "duplicate id '" + r.id
                            + "' (first at " + earlier.source + ":" + earlier.line + ")")));
                }
            }
        }
    }

    /**
     * Hands the duplicates to {@code rejects} in input order, each with its text (read back from its bucket), and tells
     * the repeats.
     */
    void report(SpillFiles files, Rejects rejects, BiConsumer<Integer, String> repeatsTold) throws IOException {
        rejected.sort(Comparator.comparingLong(Rejected::seq));
        Map<Long, String> texts = new HashMap<>();
        for (int b : new TreeSet<>(rejected.stream().map(Rejected::textBucket).toList())) {
            try (DataInputStream in = files.reader(SpillFiles.textBucket(b))) {
                SpillFiles.RowFilter mine = (seq, key) -> dropped.containsKey(seq);
                for (SpilledComments.Entry e = files.readRow(in, mine); e != null; e = files.readRow(in, mine)) {
                    texts.put(e.seq(), e.row().comment().text());
                }
            }
        }
        for (Rejected r : rejected) {
            rejects.reject(r.problem, texts.get(r.seq));
        }
        repeatsTold.accept(repeats, firstRepeat);
    }

    /** Writes a row's entry to a bucket of ids: where it is, its text bucket, its id and its content's hashes. */
    static void write(DataOutputStream out, SpillFiles files, long seq, int textBucket, InputRow row, MessageDigest digest)
            throws IOException {
        out.writeLong(seq);
        out.writeInt(textBucket);
        SpillFiles.writeString(out, row.comment().id());
        long[] content = contentHash(row, digest);
        out.writeLong(content[0]);
        out.writeLong(content[1]);
        files.writeSource(out, row.source());
        out.writeLong(row.line());
    }

    /**
     * A row's comment and label hashed (the first 128 bits of SHA-256 over its fields, each written with its length):
     * equal for exact repeats, and, unlike a hash of the fields joined, never for two rows whose fields differ only in
     * where one ends and the next begins. {@code digest} is reset first and used by one thread: one a writer.
     */
    static long[] contentHash(InputRow row, MessageDigest digest) {
        Comment c = row.comment();
        Article a = c.article();
        digest.reset();
        for (String field : new String[] {row.label(), c.id(), c.text(), c.author(), c.authorUrl(), c.authorEmail(),
                c.site(), c.permalink()}) {
            update(digest, field);
        }
        digest.update((byte) (a == null ? 0 : 1));
        if (a != null) {
            for (String field : new String[] {a.id(), a.title(), a.text(), a.site(), a.permalink()}) {
                update(digest, field);
            }
        }
        ByteBuffer hash = ByteBuffer.wrap(digest.digest());
        return new long[] {hash.getLong(), hash.getLong()};
    }

    private static void update(MessageDigest digest, String field) {
        byte[] bytes = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
        int length = bytes == null ? -1 : bytes.length;
        digest.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        if (bytes != null) {
            digest.update(bytes);
        }
    }
}

package dev.commentguard.training;

import dev.commentguard.io.InputFormatException;
import dev.commentguard.io.InputRow;
import dev.commentguard.io.Rejects;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

    /** Checks the rows of one bucket of ids. */
    void bucket(SpillFiles files, String name) throws IOException {
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
                for (SpilledComments.Entry e = files.readRow(in); e != null; e = files.readRow(in)) {
                    if (dropped.containsKey(e.seq())) {
                        String t = e.row().comment().text();
                        texts.put(e.seq(), t.length() > 1000 ? t.substring(0, 1000) + "…" : t);
                    }
                }
            }
        }
        for (Rejected r : rejected) {
            rejects.reject(r.problem, texts.get(r.seq));
        }
        repeatsTold.accept(repeats, firstRepeat);
    }

    /** Writes a row's entry to a bucket of ids: where it is, its text bucket, its id and its content's hashes. */
    static void write(DataOutputStream out, SpillFiles files, long seq, int textBucket, InputRow row) throws IOException {
        out.writeLong(seq);
        out.writeInt(textBucket);
        SpillFiles.writeString(out, row.comment().id());
        long[] content = contentHash(row);
        out.writeLong(content[0]);
        out.writeLong(content[1]);
        files.writeSource(out, row.source());
        out.writeLong(row.line());
    }

    /** Two independent 64-bit hashes of a row's comment and label: equal for exact repeats. */
    static long[] contentHash(InputRow row) {
        var c = row.comment();
        var a = c.article();
        String content = String.join("\u001f", row.label(), c.id(), c.text(), c.author(), c.authorUrl(), c.authorEmail(),
                c.site(), c.permalink(), a == null ? "\u0000" : String.join("\u001f", a.id(), a.title(), a.text(), a.site(),
                        a.permalink()));
        long h2 = 1125899906842597L;
        for (int i = 0; i < content.length(); i++) {
            h2 = 31 * h2 + content.charAt(i);
        }
        return new long[] {SpillFiles.hash(content), SpillFiles.mix(h2)};
    }
}

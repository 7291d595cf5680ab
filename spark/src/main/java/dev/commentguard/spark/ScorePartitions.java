package dev.commentguard.spark;

import dev.commentguard.Comment;
import dev.commentguard.CommentScorer;
import dev.commentguard.Verdict;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores a partition's rows {@value #CHUNK} at a time through the library's batch path
 * ({@link CommentScorer#scorePart}), with this JVM's one scorer of the model: each row comes out with its input columns
 * and then the verdict's. A row without text gets a verdict of nulls. Whether a text is posted more than once is not
 * decided here but read from the row, where the whole data set's grouping put it.
 */
final class ScorePartitions implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** Rows scored together: the library's slice, so that only one chunk's rows and features are held at a time. */
    static final int CHUNK = 4096;

    private final ShippedModel.Handle model;
    private final int[] fields;
    private final int inputWidth;
    private final int digest;
    private final int repeated;

    /**
     * @param fields     the position in the row of each of {@link CommentFields}, in their order, -1 for one not given
     * @param inputWidth how many of the row's first columns are copied to the output
     * @param digest     the position of the text's {@link RepeatDigest}
     * @param repeated   the position of the boolean that says the text is posted more than once in the data set
     */
    ScorePartitions(ShippedModel.Handle model, int[] fields, int inputWidth, int digest, int repeated) {
        this.model = model;
        this.fields = fields.clone();
        this.inputWidth = inputWidth;
        this.digest = digest;
        this.repeated = repeated;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        CommentScorer scorer = model.scorer();
        return new Iterator<>() {
            private Iterator<Row> scored = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!scored.hasNext() && rows.hasNext()) {
                    scored = score(scorer, rows).iterator();
                }
                return scored.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return scored.next();
            }
        };
    }

    /** The next chunk of {@code rows}, scored. */
    private List<Row> score(CommentScorer scorer, Iterator<Row> rows) {
        List<Row> chunk = new ArrayList<>(CHUNK);
        while (chunk.size() < CHUNK && rows.hasNext()) {
            chunk.add(rows.next());
        }
        List<Comment> comments = new ArrayList<>(chunk.size());
        Set<ByteBuffer> repeatedDigests = new HashSet<>();
        for (Row row : chunk) {
            String[] values = new String[fields.length];
            for (int f = 0; f < fields.length; f++) {
                values[f] = fields[f] < 0 ? null : row.getString(fields[f]);
            }
            if (hasText(values[CommentFields.TEXT.ordinal()])) {
                comments.add(CommentFields.comment(values));
                if (row.getBoolean(repeated)) {
                    repeatedDigests.add(ByteBuffer.wrap((byte[]) row.get(digest)));
                }
            }
        }
        Predicate<String> isRepeated = repeatedDigests.isEmpty() ? key -> false
                : key -> repeatedDigests.contains(ByteBuffer.wrap(RepeatDigest.ofKey(key)));
        List<Verdict> verdicts = scorer.scorePart(comments, isRepeated);
        List<Row> out = new ArrayList<>(chunk.size());
        int next = 0;
        for (Row row : chunk) {
            boolean hasText = fields[CommentFields.TEXT.ordinal()] >= 0 && hasText(row.getString(fields[CommentFields.TEXT.ordinal()]));
            out.add(output(row, hasText ? verdicts.get(next++) : null, scorer.labels()));
        }
        return out;
    }

    private Row output(Row row, Verdict v, List<String> labels) {
        Object[] values = new Object[inputWidth + VerdictValues.WIDTH + labels.size()];
        for (int i = 0; i < inputWidth; i++) {
            values[i] = row.get(i);
        }
        if (v != null) {
            VerdictValues.fill(values, inputWidth, v, labels);
        }
        return RowFactory.create(values);
    }

    /**
     * Whether a row has a text to judge: an empty or blank text gets the null verdict a null one gets, as the command
     * line refuses it ("the comment text is empty"), rather than a verdict on nothing.
     */
    static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}

package dev.commentguard.spark;

import dev.commentguard.Reason;
import dev.commentguard.Verdict;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import java.util.List;

/** A verdict as column values: label, spam score, action, reasons, then the probability of each label. */
final class VerdictValues {

    /** The columns before the probabilities. */
    static final int WIDTH = 4;

    /** The types of the {@link #WIDTH} columns, in order. */
    static final List<DataType> TYPES = List.of(DataTypes.StringType, DataTypes.DoubleType, DataTypes.StringType,
            DataTypes.createArrayType(DataTypes.StringType, false));

    private VerdictValues() {
    }

    /** Writes {@code v} into {@code values} from {@code at}: the {@link #WIDTH} columns, then one per label. */
    static void fill(Object[] values, int at, Verdict v, List<String> labels) {
        values[at] = v.label();
        values[at + 1] = v.spamScore();
        values[at + 2] = v.action().code();
        values[at + 3] = reasons(v);
        for (int i = 0; i < labels.size(); i++) {
            values[at + WIDTH + i] = v.probabilities().get(labels.get(i));
        }
    }

    /** The reasons as a moderator reads them, strongest first. */
    static String[] reasons(Verdict v) {
        return v.reasons().stream().map(Reason::message).toArray(String[]::new);
    }
}

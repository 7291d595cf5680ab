package dev.commentguard.features;

import java.util.Arrays;

/**
 * The value of every {@link Signal} for one comment, plus the detail a reason needs. Immutable.
 *
 * @param values                one value in [0, 1] per signal, in {@link Signal} order
 * @param copiedSentenceShare   the largest share of one article sentence found in the comment
 */
public record SignalValues(double[] values, double copiedSentenceShare) {

    public SignalValues {
        if (values.length != Signal.COUNT) {
            throw new IllegalArgumentException("expected " + Signal.COUNT + " signal values, got " + values.length);
        }
        values = values.clone();
    }

    public double get(Signal signal) {
        return values[signal.ordinal()];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignalValues s && Arrays.equals(values, s.values) && copiedSentenceShare == s.copiedSentenceShare;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SignalValues{");
        for (Signal s : Signal.values()) {
            if (values[s.ordinal()] != 0) {
                b.append(s.code()).append('=').append(String.format("%.2f", values[s.ordinal()])).append(' ');
            }
        }
        return b.append('}').toString();
    }
}

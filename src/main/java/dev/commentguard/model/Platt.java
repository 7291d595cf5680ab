package dev.commentguard.model;

/**
 * Platt's sigmoid for turning decision values into probabilities, fitted by Newton's method with
 * backtracking and Platt's smoothed targets, as in Lin, Lin and Weng, "A note on Platt's probabilistic
 * outputs for support vector machines" (2007). Stateless: thread-safe.
 */
public final class Platt {

    private Platt() {
    }

    /**
     * Fits {@code P(positive | d) = 1 / (1 + exp(-(a d + b)))}.
     *
     * @return {@code {a, b}}; {@code {1, 0}} (the values unchanged) when the fit would not increase with
     *         {@code d}, which only happens when the decision values do not separate the classes at all
     */
    public static double[] fit(double[] dec, boolean[] positive) {
        double prior1 = 0;
        for (boolean p : positive) {
            prior1 += p ? 1 : 0;
        }
        double prior0 = dec.length - prior1;
        double hi = (prior1 + 1) / (prior1 + 2);
        double lo = 1 / (prior0 + 2);
        double[] t = new double[dec.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = positive[i] ? hi : lo;
        }
        // The paper's parameterisation: P = 1 / (1 + exp(A d + B)), so a = -A and b = -B.
        double a = 0;
        double b = Math.log((prior0 + 1) / (prior1 + 1));
        double fval = loss(dec, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < dec.length; i++) {
                double f = dec[i] * a + b;
                double p = f >= 0 ? Math.exp(-f) / (1 + Math.exp(-f)) : 1 / (1 + Math.exp(f));
                double d2 = p * (1 - p);
                h11 += dec[i] * dec[i] * d2;
                h22 += d2;
                h21 += dec[i] * d2;
                double d1 = t[i] - p;
                g1 += dec[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * da + g2 * db;
            double step = 1;
            while (step >= 1e-10) {
                double na = a + step * da;
                double nb = b + step * db;
                double nf = loss(dec, t, na, nb);
                if (nf < fval + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    fval = nf;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break;
            }
        }
        return -a > 0 ? new double[] {-a, -b} : new double[] {1, 0};
    }

    private static double loss(double[] dec, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < dec.length; i++) {
            double f = dec[i] * a + b;
            sum += f >= 0 ? t[i] * f + Math.log1p(Math.exp(-f)) : (t[i] - 1) * f + Math.log1p(Math.exp(f));
        }
        return sum;
    }
}

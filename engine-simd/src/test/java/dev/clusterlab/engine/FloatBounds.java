package dev.clusterlab.engine;

/**
 * Forward error bounds for float accumulation, used to compare a kernel's {@code float} result with a
 * {@code double} reference computed in the test.
 *
 * <p>Reasoning (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed., section 4.2 and
 * 3.1): summing {@code n} terms in float, in <em>any</em> order (sequential in the scalar kernel;
 * lane-wise partial sums, one masked last step and a butterfly reduction in the vector kernel), each term
 * passes through at most {@code n - 1} additions, so {@code |computed - exact| <= gamma(n - 1) * sum |term_i|} with
 * {@code gamma(m) = m u / (1 - m u)} and {@code u = 2^-24}. Forming a term costs at most two more
 * roundings (the difference {@code a - b} and the product; an FMA fuses the product into the addition,
 * which only helps), and rounding the final result to float one more; the double reference carries
 * errors of order {@code n 2^-53}, negligible next to these. A few extra units of slack cover the vector
 * kernel's two accumulators and lane reduction ({@code log2(lanes) + 1} extra additions, at most 5).
 * So the relative bound is {@code (n + SLACK) u} times {@code sum |term_i|}.
 *
 * <p>Relative to {@code sum |term_i|}, not to the result: with mixed signs the result can cancel to near
 * zero while the rounding errors made on the large partial sums stay. Gradual underflow adds an
 * absolute error of at most {@code Float.MIN_VALUE / 2} per operation (about {@code 3n} of them); that is
 * what lets {@code 1e-30}-sized inputs, whose squares underflow to zero in float, pass.
 *
 * <p>This worst-case bound grows linearly with {@code n}; at {@code n = 4097} it is about
 * {@code 2.5e-4} of {@code sum |term_i|}, loose enough to hide one dropped or doubled small element. The
 * tests therefore also check exactness on small integers and a one-hot probe of every position.
 */
final class FloatBounds {
    /** Unit roundoff of float, {@code 2^-24}. */
    static final double U = Math.ulp(1.0f) / 2.0;
    /** Roundings beyond the {@code n - 1} additions: term formation, lane reduction, final rounding. */
    static final int SLACK = 8;

    private FloatBounds() {
    }

    /**
     * @param n number of summed terms
     * @param sumAbsTerms {@code sum |term_i|}, computed in double
     * @return the largest acceptable {@code |float result - double reference|}
     */
    static double sumBound(int n, double sumAbsTerms) {
        double m = (n + SLACK) * U;
        return m / (1 - m) * sumAbsTerms + 3.0 * (n + 1) * Float.MIN_VALUE;
    }

    /**
     * Error of {@code sqrt(x)} when {@code x} is known to within {@code tol}: sqrt is not Lipschitz near
     * zero, so take the width of the interval's image, plus one float rounding of the result.
     *
     * @param x the reference value, at least 0
     * @param tol the bound on x
     * @return the largest acceptable error of the square root
     */
    static double sqrtBound(double x, double tol) {
        double hi = Math.sqrt(x + tol);
        double lo = Math.sqrt(Math.max(0.0, x - tol));
        return Math.max(hi - Math.sqrt(x), Math.sqrt(x) - lo) + 2 * U * hi + Float.MIN_VALUE;
    }

    /**
     * Cosine distance error: with {@code gamma = (n + SLACK) u}, the dot product is off by at most
     * {@code gamma sum |a_i b_i| <= gamma |a| |b|} (Cauchy-Schwarz) and each squared norm by a relative
     * {@code gamma}, so {@code sqrt(|a|^2 |b|^2)} is off by a relative {@code gamma} and the cosine by at
     * most {@code gamma + |cos| gamma <= 2 gamma}; the subtraction from 1 and the cast add {@code 4u}.
     *
     * @param n dimension
     * @return the largest acceptable absolute error of the cosine distance
     */
    static double cosineBound(int n) {
        double m = (n + SLACK) * U;
        return 2 * m / (1 - m) + 4 * U;
    }
}

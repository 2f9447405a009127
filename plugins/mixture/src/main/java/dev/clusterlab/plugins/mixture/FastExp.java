package dev.clusterlab.plugins.mixture;

/**
 * {@code exp} of many non-positive arguments in a plain array loop that the JIT compiles to SIMD code
 * ({@link Math#exp} is a call per value that no loop vectorises). Range reduction
 * {@code x = n ln 2 + r} with {@code |r| <= ln 2 / 2} ({@code ln 2} split in two parts so that
 * {@code n ln2_hi} is exact), the degree-13 Taylor polynomial of {@code e^r} in Horner form (truncation
 * below {@code 5e-18}, so the result is within about one ulp of the exact value), and the scale
 * {@code 2^n} built from its exponent bits. Arguments below {@value #FLOOR} are raised to it, so the
 * scale stays a normal number: a value of {@code e^-708}, about {@code 3e-308}, instead of something
 * smaller or zero, which no sum of responsibilities or log-likelihood this is used for can see.
 */
final class FastExp {
    static final double FLOOR = -708.0;
    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    private static final double C12 = 1.0 / 479001600;
    private static final double C13 = 1.0 / 6227020800.0;

    private FastExp() {
    }

    /**
     * {@code a[o + i] = exp(a[o + i])} for {@code i < len}; arguments must be {@code <= 0} (or NaN).
     *
     * @param scales scratch of at least {@code len} values
     */
    static void expInPlace(double[] a, int o, int len, long[] scales) {
        // Two loops: the JIT vectorises the double-to-long conversion but not the reinterpretation of
        // long bits as a double, which would keep the whole first loop scalar.
        for (int i = 0; i < len; i++) {
            double x = Math.max(a[o + i], FLOOR);
            double n = Math.rint(x * LOG2E);
            double r = (x - n * LN2_HI) - n * LN2_LO;
            double p = C13;
            p = p * r + C12;
            p = p * r + C11;
            p = p * r + C10;
            p = p * r + C9;
            p = p * r + C8;
            p = p * r + C7;
            p = p * r + C6;
            p = p * r + C5;
            p = p * r + C4;
            p = p * r + C3;
            p = p * r + C2;
            p = p * r + 1.0;
            p = p * r + 1.0;
            a[o + i] = p;
            scales[i] = ((long) n + 1023) << 52;
        }
        for (int i = 0; i < len; i++) {
            a[o + i] *= Double.longBitsToDouble(scales[i]);
        }
    }
}

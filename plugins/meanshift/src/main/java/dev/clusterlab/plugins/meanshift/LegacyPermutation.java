package dev.clusterlab.plugins.meanshift;

/**
 * numpy's legacy {@code RandomState(seed).permutation(n)} (MT19937 seeded by {@code init_genrand},
 * then numpy's Fisher-Yates shuffle from the last position down, each position drawing an index in
 * {@code [0, i]} by masked rejection of 32-bit outputs), which scikit-learn's
 * {@code estimate_bandwidth(..., n_samples, random_state=0)} uses to choose its sample. Reproducing it
 * bit for bit makes the estimated bandwidth scikit-learn's for the same {@code n_samples}.
 */
final class LegacyPermutation {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index;

    private LegacyPermutation(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /**
     * @param seed numpy's seed, in {@code [0, 2^32)}
     * @param n the length
     * @return {@code RandomState(seed).permutation(n)}
     */
    static int[] of(long seed, int n) {
        LegacyPermutation rng = new LegacyPermutation(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = rng.interval(i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** numpy's {@code random_interval(max)} for {@code max < 2^31}: masked 32-bit draws until one is {@code <= max}. */
    private int interval(int max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = (next() & 0xffffffffL) & mask;
        } while (value > max);
        return (int) value;
    }

    /** MT19937's {@code genrand_int32}. */
    private int next() {
        if (index >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }
}

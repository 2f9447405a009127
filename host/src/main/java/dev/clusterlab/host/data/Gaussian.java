package dev.clusterlab.host.data;

import java.util.SplittableRandom;

/** Standard normal draws (Box-Muller) from a seeded {@link SplittableRandom}, the same on every JVM. */
final class Gaussian {
    private Gaussian() {
    }

    static double next(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble(); // (0, 1]: log(u) is finite
        double v = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /** Fisher-Yates permutation of {@code 0..n-1}. */
    static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}

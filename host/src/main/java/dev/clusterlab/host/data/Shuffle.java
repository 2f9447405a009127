package dev.clusterlab.host.data;

import dev.clusterlab.api.Dataset;
import java.util.SplittableRandom;

/** Shuffles generated rows with their labels, so that no algorithm profits from sorted input. */
final class Shuffle {
    private Shuffle() {
    }

    static Dataset apply(String name, float[] x, int[] truth, int n, int d, SplittableRandom rnd) {
        int[] perm = Gaussian.permutation(n, rnd);
        float[] xs = new float[x.length];
        int[] ts = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, perm[i] * d, xs, i * d, d);
            ts[i] = truth[perm[i]];
        }
        return Dataset.of(name, n, d, xs, null, ts);
    }
}

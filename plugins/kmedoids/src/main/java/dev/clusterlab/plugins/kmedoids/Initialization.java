package dev.clusterlab.plugins.kmedoids;

import dev.clusterlab.api.exec.ExecutionContext;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The first {@code k} medoids, as distinct rows in slot order.
 * <ul>
 *   <li>{@code build}: PAM's BUILD (Kaufman and Rousseeuw 1990): first the row of smallest summed
 *       dissimilarity to all rows, then, {@code k - 1} times, the row that lowers the total deviation most
 *       ({@code sum max(dn(o) - d(o, c), 0)}); the lowest row on ties. {@code O(k n^2)}, deterministic,
 *       candidates evaluated in parallel over fixed chunks.</li>
 *   <li>{@code random}: {@code k} distinct rows uniformly from the seed (a partial Fisher-Yates shuffle).</li>
 *   <li>{@code k-means++} (Arthur and Vassilvitskii 2007) on the chosen dissimilarity: the first row
 *       uniformly, each next one with probability proportional to {@code D(x)^2}, its dissimilarity to
 *       the nearest medoid so far squared (one trial per medoid, no greedy local trials); when every
 *       {@code D(x)} is 0 the lowest non-medoid row.</li>
 *   <li>{@code heuristic} (scikit-learn-extra's): the {@code k} rows of smallest summed dissimilarity to all
 *       rows, in increasing order of it (the lowest row on ties).</li>
 * </ul>
 *
 * @since 0.2
 */
final class Initialization {
    /** Candidate rows per parallel chunk. */
    static final int CHUNK = 64;

    private Initialization() {
    }

    /**
     * @param init which rule
     * @param d the dissimilarities
     * @param k medoids wanted, at most {@code n}
     * @param context threads, the seed, cancellation
     * @return {@code k} distinct rows
     */
    static int[] medoids(KMedoidsParams.Init init, Dissimilarities d, int k, ExecutionContext context) {
        return switch (init) {
            case BUILD -> build(d, k, context);
            case RANDOM -> random(d.n, k, new SplittableRandom(context.seed()));
            case KMEANS_PLUS_PLUS -> kMeansPlusPlus(d, k, new SplittableRandom(context.seed()));
            case HEURISTIC -> heuristic(d, k, context);
        };
    }

    /** Each row's summed dissimilarity to all rows, in double, summed in column order. */
    static double[] rowSums(Dissimilarities d, ExecutionContext context) {
        int n = d.n;
        double[] sums = new double[n];
        context.parallel().forEachChunk(n, CHUNK, (chunk, from, to) -> {
            for (int c = from; c < to; c++) {
                double s = 0;
                int base = c * n;
                for (int o = 0; o < n; o++) {
                    s += d.d[base + o];
                }
                sums[c] = s;
            }
        });
        return sums;
    }

    static int[] build(Dissimilarities d, int k, ExecutionContext context) {
        int n = d.n;
        int[] medoids = new int[k];
        boolean[] chosen = new boolean[n];
        double[] sums = rowSums(d, context);
        int first = 0;
        for (int c = 1; c < n; c++) {
            if (sums[c] < sums[first]) {
                first = c;
            }
        }
        medoids[0] = first;
        chosen[first] = true;
        float[] dn = Arrays.copyOfRange(d.d, first * n, first * n + n);
        for (int s = 1; s < k; s++) {
            context.checkCancelled();
            List<double[]> bests = context.parallel().mapChunks(n, CHUNK, (chunk, from, to) -> {
                double bestGain = -1;
                int best = -1;
                for (int c = from; c < to; c++) {
                    if (chosen[c]) {
                        continue;
                    }
                    double gain = gain(d.d, c * n, dn, n);
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = c;
                    }
                }
                return new double[] {best, bestGain};
            });
            int best = -1;
            double bestGain = -1;
            for (double[] b : bests) {
                if (b[0] >= 0 && b[1] > bestGain) {
                    bestGain = b[1];
                    best = (int) b[0];
                }
            }
            medoids[s] = best;
            chosen[best] = true;
            int base = best * n;
            for (int o = 0; o < n; o++) {
                dn[o] = Math.min(dn[o], d.d[base + o]);
            }
            context.progress().progress(0.3 * s / k, KMedoidsAlgorithm.ID + ": BUILD chose medoid " + (s + 1) + " of " + k);
        }
        return medoids;
    }

    /**
     * {@code sum over o of max(dn[o] - row[o], 0)} in double, with four partial sums (rows are long:
     * independent chains keep the adds in flight), added in a fixed order.
     */
    private static double gain(float[] m, int base, float[] dn, int n) {
        double g0 = 0;
        double g1 = 0;
        double g2 = 0;
        double g3 = 0;
        int o = 0;
        for (; o + 4 <= n; o += 4) {
            g0 += Math.max(dn[o] - m[base + o], 0f);
            g1 += Math.max(dn[o + 1] - m[base + o + 1], 0f);
            g2 += Math.max(dn[o + 2] - m[base + o + 2], 0f);
            g3 += Math.max(dn[o + 3] - m[base + o + 3], 0f);
        }
        for (; o < n; o++) {
            g0 += Math.max(dn[o] - m[base + o], 0f);
        }
        return (g0 + g1) + (g2 + g3);
    }

    static int[] random(int n, int k, SplittableRandom random) {
        int[] rows = IntStream.range(0, n).toArray();
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        return Arrays.copyOf(rows, k);
    }

    static int[] kMeansPlusPlus(Dissimilarities d, int k, SplittableRandom random) {
        int n = d.n;
        int[] medoids = new int[k];
        boolean[] chosen = new boolean[n];
        int first = random.nextInt(n);
        medoids[0] = first;
        chosen[first] = true;
        float[] dn = Arrays.copyOfRange(d.d, first * n, first * n + n);
        for (int s = 1; s < k; s++) {
            double total = 0;
            for (int o = 0; o < n; o++) {
                if (!chosen[o]) {
                    total += (double) dn[o] * dn[o];
                }
            }
            int pick = -1;
            if (total > 0) {
                double target = random.nextDouble() * total;
                double cumulative = 0;
                for (int o = 0; o < n; o++) {
                    if (!chosen[o] && dn[o] > 0) {
                        cumulative += (double) dn[o] * dn[o];
                        pick = o;
                        if (cumulative > target) {
                            break;
                        }
                    }
                }
            }
            if (pick < 0) {
                for (int o = 0; o < n && pick < 0; o++) {
                    if (!chosen[o]) {
                        pick = o;
                    }
                }
            }
            medoids[s] = pick;
            chosen[pick] = true;
            int base = pick * n;
            for (int o = 0; o < n; o++) {
                dn[o] = Math.min(dn[o], d.d[base + o]);
            }
        }
        return medoids;
    }

    static int[] heuristic(Dissimilarities d, int k, ExecutionContext context) {
        double[] sums = rowSums(d, context);
        return IntStream.range(0, d.n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(r -> sums[r]).thenComparingInt(r -> r))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}

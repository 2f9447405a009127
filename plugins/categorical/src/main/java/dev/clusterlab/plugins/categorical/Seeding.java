package dev.clusterlab.plugins.categorical;

import dev.clusterlab.api.exec.ExecutionContext;
import java.util.LinkedHashSet;
import java.util.SplittableRandom;

/**
 * The initial prototypes ({@link InitMethod}), each a row of the data: the rows' indices, in cluster order.
 * The dissimilarity is the run's own ({@link Prototypes}: matching for k-modes, the mixed cost for
 * k-prototypes). All methods assume more distinct rows than {@code k} (the caller handles the rest).
 */
final class Seeding {
    private Seeding() {
    }

    static int[] rows(InitMethod method, EncodedRows x, int[] levelCounts, int k, double gamma, SplittableRandom rnd,
                      ExecutionContext context) {
        return switch (method) {
            case CAO -> cao(x, levelCounts, k, gamma, context);
            case HUANG -> huang(x, k, gamma, rnd);
            case RANDOM -> random(x.n(), k, rnd);
        };
    }

    /**
     * The density of every row after Cao, Liang and Bai (2009), times {@code n m}: the sum over the
     * categorical attributes of how many rows share the row's level ({@code Dens(x) = that / (n m)}),
     * kept as an exact integer so that ties are ties; 1 for every row when there is no categorical
     * attribute (the initialisation is then farthest-first traversal from row 0).
     */
    static long[] density(EncodedRows x, int[] levelCounts) {
        int n = x.n();
        int m = x.m();
        long[] density = new long[n];
        if (m == 0) {
            java.util.Arrays.fill(density, 1);
            return density;
        }
        int[] cat = x.cat();
        for (int a = 0; a < m; a++) {
            int[] freq = new int[levelCounts[a]];
            for (int i = 0; i < n; i++) {
                freq[cat[i * m + a]]++;
            }
            for (int i = 0; i < n; i++) {
                density[i] += freq[cat[i * m + a]];
            }
        }
        return density;
    }

    /**
     * Cao, Liang and Bai (2009): the first prototype is the densest row; each next one maximises
     * {@code Dens(x) * min_{chosen q} d(x, q)}; the lowest row wins ties, as numpy's {@code argmax}.
     * The products are formed as {@code (double) density * distance}, exact for k-modes.
     */
    static int[] cao(EncodedRows x, int[] levelCounts, int k, double gamma, ExecutionContext context) {
        int n = x.n();
        long[] density = density(x, levelCounts);
        int[] rows = new int[k];
        int first = 0;
        for (int i = 1; i < n; i++) {
            if (density[i] > density[first]) {
                first = i;
            }
        }
        rows[0] = first;
        double[] nearest = new double[n];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            context.checkCancelled();
            Prototypes last = Prototypes.ofRows(x, new int[] {rows[c - 1]});
            context.parallel().forEachChunk(n, PrototypeLoop.CHUNK, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    nearest[i] = Math.min(nearest[i], last.dissimilarity(x, i, 0, gamma));
                }
            });
            int best = 0;
            double bestScore = (double) density[0] * nearest[0];
            for (int i = 1; i < n; i++) {
                double score = (double) density[i] * nearest[i];
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            rows[c] = best;
        }
        return rows;
    }

    /**
     * Huang (1998)'s second initialisation, as the Python {@code kmodes} package reads it: each level of
     * each prototype drawn with the frequencies of the attribute's levels (the level of a uniformly
     * drawn row), each numeric value drawn as {@code mean + std * N(0, 1)} (the package's k-prototypes,
     * population standard deviation), in cluster order then column order; then each prototype, in
     * order, replaced by its nearest row (the lowest on ties) that equals no row chosen before, or by
     * its nearest row if every row equals one.
     */
    static int[] huang(EncodedRows x, int k, double gamma, SplittableRandom rnd) {
        int n = x.n();
        int p = x.p();
        int m = x.m();
        double[] mean = new double[p];
        double[] std = new double[p];
        float[] num = x.num();
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += num[i * p + j];
            }
            mean[j] = s / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double dev = num[i * p + j] - mean[j];
                ss += dev * dev;
            }
            std[j] = Math.sqrt(ss / n);
        }
        Prototypes drawn = new Prototypes(k, p, m, new double[k * p], new int[k * m]);
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                drawn.means[c * p + j] = mean[j] + std[j] * rnd.nextGaussian();
            }
            for (int a = 0; a < m; a++) {
                drawn.modes[c * m + a] = x.cat()[rnd.nextInt(n) * m + a];
            }
        }
        int[] rows = new int[k];
        for (int c = 0; c < k; c++) {
            int best = -1;
            int fallback = 0;
            double bestValue = Double.POSITIVE_INFINITY;
            double fallbackValue = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = drawn.dissimilarity(x, i, c, gamma);
                if (v < fallbackValue) {
                    fallbackValue = v;
                    fallback = i;
                }
                if (v < bestValue && !equalsAny(x, i, rows, c)) {
                    bestValue = v;
                    best = i;
                }
            }
            rows[c] = best >= 0 ? best : fallback;
        }
        return rows;
    }

    private static boolean equalsAny(EncodedRows x, int i, int[] rows, int count) {
        for (int c = 0; c < count; c++) {
            if (x.sameRow(i, rows[c])) {
                return true;
            }
        }
        return false;
    }

    /** {@code k} distinct rows uniformly at random (Floyd's sampling), in the order drawn. */
    static int[] random(int n, int k, SplittableRandom rnd) {
        LinkedHashSet<Integer> chosen = new LinkedHashSet<>();
        for (int j = n - k; j < n; j++) {
            int t = rnd.nextInt(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}

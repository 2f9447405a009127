package dev.clusterlab.spark.data;

import dev.clusterlab.api.kernel.CentroidAssigner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * k-means|| (Bahmani, Moseley, Vattani, Kumar and Vassilvitskii 2012, "Scalable k-means++",
 * doi:10.14778/2180912.2180915): a first centre drawn uniformly, then {@link #ROUNDS} rounds that each
 * keep every row with probability {@code min(1, l d²(x, C) / phi)}, {@code l = 2k} (MLlib's defaults:
 * two steps, oversampling 2k); the candidates are weighted by the rows nearest to them and reduced to
 * {@code k} centres by weighted k-means++ on the driver.
 *
 * <p>Every random choice a row takes comes from a hash of (seed, round, its global row number), never
 * from a generator shared by a partition, so the candidates do not depend on how many executors ran or
 * in which order; the costs are summed in partition order.
 */
final class ScalableInit {
    /** Oversampling rounds (MLlib's {@code initSteps}). */
    static final int ROUNDS = 2;

    private ScalableInit() {
    }

    /**
     * @param table the data
     * @param k centres wanted
     * @param seed the seed
     * @return row-major {@code k x d} centres
     */
    static float[] centres(PointTable table, int k, long seed) {
        int d = table.d();
        long first = Math.floorMod(mix(seed, -1, 0), table.n());
        List<float[]> candidates = new ArrayList<>(rows(table, List.of(first)));
        double oversampling = 2.0 * k;
        for (int round = 0; round < ROUNDS; round++) {
            float[] c = flatten(candidates, d);
            int m = candidates.size();
            double phi = Passes.exactCost(table, c, m);
            if (phi == 0) {
                break; // every row is a candidate already
            }
            candidates.addAll(sample(table, c, m, seed, round, oversampling / phi));
        }
        float[] c = flatten(candidates, d);
        double[] weights = nearestCounts(table, c, candidates.size());
        return weightedPlusPlus(c, weights, candidates.size(), d, k, new SplittableRandom(seed));
    }

    /** Rows kept in one round, in partition and row order. */
    private static List<float[]> sample(PointTable table, float[] c, int m, long seed, int round, double scale) {
        int d = table.d();
        long[] offsets = table.offsets();
        return table.blocks().mapPartitions((Iterator<PointBlock> blocks) -> {
            CentroidAssigner assigner = ExecutorKernels.get().centroidAssigner(c, m, d);
            int[] labels = new int[PointBlock.ROWS];
            List<float[]> kept = new ArrayList<>();
            while (blocks.hasNext()) {
                PointBlock b = blocks.next();
                assigner.assign(b.x(), 0, b.n(), labels, null);
                for (int i = 0; i < b.n(); i++) {
                    double p = scale * Passes.exactSquared(b.x(), i, c, labels[i], d);
                    if (p > 0 && uniform(seed, round, b.globalRow(offsets, i)) < p) {
                        kept.add(java.util.Arrays.copyOfRange(b.x(), i * d, (i + 1) * d));
                    }
                }
            }
            return kept.iterator();
        }, true).collect();
    }

    private static double[] nearestCounts(PointTable table, float[] c, int m) {
        int d = table.d();
        List<double[]> parts = table.blocks().mapPartitions((Iterator<PointBlock> blocks) -> {
            CentroidAssigner assigner = ExecutorKernels.get().centroidAssigner(c, m, d);
            int[] labels = new int[PointBlock.ROWS];
            double[] counts = new double[m];
            while (blocks.hasNext()) {
                PointBlock b = blocks.next();
                assigner.assign(b.x(), 0, b.n(), labels, null);
                for (int i = 0; i < b.n(); i++) {
                    counts[labels[i]]++;
                }
            }
            return List.of(counts).iterator();
        }, true).collect();
        double[] total = new double[m];
        for (double[] p : parts) {
            for (int i = 0; i < m; i++) {
                total[i] += p[i];
            }
        }
        return total;
    }

    /** The rows with the given global numbers, in that order. */
    static List<float[]> rows(PointTable table, List<Long> wanted) {
        int d = table.d();
        long[] offsets = table.offsets();
        List<IndexedRow> values = table.blocks().mapPartitions((Iterator<PointBlock> blocks) -> {
            List<IndexedRow> out = new ArrayList<>();
            while (blocks.hasNext()) {
                PointBlock b = blocks.next();
                long lo = b.globalRow(offsets, 0);
                for (int w = 0; w < wanted.size(); w++) {
                    long r = wanted.get(w);
                    if (r >= lo && r < lo + b.n()) {
                        int at = (int) (r - lo) * d;
                        out.add(new IndexedRow(w, java.util.Arrays.copyOfRange(b.x(), at, at + d)));
                    }
                }
            }
            return out.iterator();
        }, true).collect();
        float[][] ordered = new float[wanted.size()][];
        for (IndexedRow v : values) {
            ordered[v.index()] = v.values();
        }
        return List.of(ordered);
    }

    /** A row found, with its position in the list asked for. */
    private record IndexedRow(int index, float[] values) implements java.io.Serializable {
    }

    /**
     * Weighted k-means++ (Arthur and Vassilvitskii 2007) on the candidates: the first centre drawn by
     * weight, each next one by weight times squared distance to the nearest centre so far. With fewer
     * distinct candidates than {@code k}, the remaining centres repeat candidates (Lloyd then relocates them).
     */
    static float[] weightedPlusPlus(float[] c, double[] w, int m, int d, int k, SplittableRandom random) {
        float[] out = new float[k * d];
        double[] nearest = new double[m];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int pick = draw(w, null, random);
        for (int t = 0; t < k; t++) {
            System.arraycopy(c, pick * d, out, t * d, d);
            for (int i = 0; i < m; i++) {
                nearest[i] = Math.min(nearest[i], Passes.exactSquared(c, i, out, t, d));
            }
            if (t + 1 < k) {
                pick = draw(w, nearest, random);
            }
        }
        return out;
    }

    private static int draw(double[] w, double[] nearest, SplittableRandom random) {
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            total += w[i] * (nearest == null ? 1 : nearest[i]);
        }
        if (total == 0) {
            return random.nextInt(w.length);
        }
        double u = random.nextDouble() * total;
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * (nearest == null ? 1 : nearest[i]);
            if (u < s) {
                return i;
            }
        }
        return w.length - 1;
    }

    private static float[] flatten(List<float[]> rows, int d) {
        float[] out = new float[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, out, i * d, d);
        }
        return out;
    }

    /** A uniform number in [0, 1) for one row of one round: SplitMix64's finaliser over the three. */
    static double uniform(long seed, int round, long row) {
        return (mix(seed, round, row) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long seed, int round, long row) {
        long z = seed * 0x9E3779B97F4A7C15L + round * 0xBF58476D1CE4E5B9L + row * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

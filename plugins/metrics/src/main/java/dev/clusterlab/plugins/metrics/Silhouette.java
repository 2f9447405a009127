package dev.clusterlab.plugins.metrics;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.metric.QualityMetric;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * Mean silhouette coefficient (internal; higher is better; in {@code [-1, 1]}).
 *
 * <p>For a point {@code i} in cluster {@code A}, {@code a(i)} is its mean Euclidean distance to the
 * other members of {@code A} and {@code b(i)} the smallest mean distance to the members of another
 * cluster; {@code s(i) = (b - a) / max(a, b)}, and {@code s(i) = 0} when {@code A} has one member or
 * when {@code a = b = 0}. The metric is the mean of {@code s(i)} over the non-noise points, the same
 * definition as scikit-learn's {@code silhouette_score(metric="euclidean")}. Noise ({@code -1}) is
 * left out, as every internal metric does: noise is not a cluster (it would be a scattered "cluster"
 * with a large {@code a(i)}), nor a member of one (it would lower {@code b} for its neighbours'
 * clusters). It is {@code NaN} unless there are at least two clusters and fewer clusters than
 * (sampled) non-noise points.
 *
 * <p>Large data: the exact value costs {@code n²} distances, about two seconds on one thread at
 * {@value #EXACT_LIMIT} points but hours at a million rows ({@code 10¹²} distances), longer than most of the
 * clusterings it scores. So, like scikit-learn's {@code silhouette_score(X, labels, sample_size,
 * random_state)}, above {@value #EXACT_LIMIT} non-noise points the metric is the exact silhouette of
 * {@value #SAMPLE_SIZE} of them drawn uniformly without replacement with {@code context.seed()}
 * ({@code 10⁸} distances, a fraction of a second), and it says so through {@code context.progress()}
 * ("sampled ... of n"). The sample is drawn in one thread from {@link SplittableRandom}, so the value
 * is fixed by the data, labels and seed, never the thread count. With 10,000 points the estimate is
 * typically within a few thousandths of the exact value (the {@code s(i)}, in {@code [-1, 1]}, have a
 * spread of a few tenths). At or below the threshold nothing is sampled and the value is exact.
 *
 * <p>Complexity: {@code m²} distances of {@code O(d)} each, {@code m} the number of non-noise
 * points, or {@value #SAMPLE_SIZE} above {@value #EXACT_LIMIT} of them (measured, d = 10, one thread:
 * 2.2 s exact at 20,000 points, 0.6 s sampled at 1,000,000). Memory: no distance matrix; rows are cut
 * into chunks of {@value #CHUNK}, and each chunk in flight holds one {@value #CHUNK} x {@value #TILE} tile of float
 * distances from the host's pairwise (SIMD) kernel and {@value #CHUNK} x {@code k} double sums.
 * Per-cluster sums and the mean are accumulated in {@code double}, each row's sum over the columns in
 * index order. Chunk boundaries depend only on {@code n}, and chunk results are added in chunk order,
 * so the value has the same bits for any thread count.
 *
 * <p>Reference: Rousseeuw (1987), doi:10.1016/0377-0427(87)90125-7.
 *
 * {@snippet :
 * double s = new Silhouette().compute(dataset, result.labels(), context); // NaN for one cluster
 * }
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "Peter J. Rousseeuw",
        title = "Silhouettes: a graphical aid to the interpretation and validation of cluster analysis",
        venue = "Journal of Computational and Applied Mathematics 20, 53-65", year = 1987,
        doi = "10.1016/0377-0427(87)90125-7")
public final class Silhouette implements QualityMetric {
    /** Rows per chunk: enough chunks to keep a few threads busy at n = 1000, few enough to amortise. */
    static final int CHUNK = 64;
    /** Columns per pairwise tile: a 64 x 512 float tile (128 KiB) stays in L2 cache. */
    static final int TILE = 512;
    /**
     * Up to this many non-noise points the silhouette is exact ({@code 4·10⁸} distances, about two
     * seconds on one thread); above it, a sample is scored. @since 0.2
     */
    public static final int EXACT_LIMIT = 20_000;
    /** Points in the sample scored above {@link #EXACT_LIMIT}. @since 0.2 */
    public static final int SAMPLE_SIZE = 10_000;
    private static final String ID = "silhouette";
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of(), "Silhouette coefficient",
            "Mean silhouette width of the non-noise points, from -1 (wrong clusters) to 1 (compact, well separated); "
                    + "above " + EXACT_LIMIT + " points, of a seeded sample of " + SAMPLE_SIZE + ".",
            false, true, Citation.of(getClass()));
    private final int exactLimit;
    private final int sampleSize;

    /** A metric without settings; PF4J creates it. @since 0.1 */
    public Silhouette() {
        this(EXACT_LIMIT, SAMPLE_SIZE);
    }

    /** For tests: other thresholds, so that sampling can be exercised on small data. */
    Silhouette(int exactLimit, int sampleSize) {
        if (sampleSize < 2 || sampleSize > exactLimit) {
            throw new IllegalArgumentException("need 2 <= sampleSize <= exactLimit; got " + sampleSize + ", " + exactLimit);
        }
        this.exactLimit = exactLimit;
        this.sampleSize = sampleSize;
    }

    @Override
    public MetricDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public double compute(Dataset data, int[] labels, ExecutionContext context) {
        Clusters c = Clusters.withoutNoise(ID, data, labels);
        if (c.n() > exactLimit) {
            // Said before the work starts, so that a user sees why the value is an estimate.
            context.progress().progress(0.0, "silhouette: sampled " + sampleSize + " of n = " + c.n()
                    + " non-noise points (seed " + context.seed() + "; exact up to " + exactLimit + " points)");
            c = c.subset(sample(c.n(), sampleSize, context.seed()));
        }
        if (!c.separable()) {
            return Double.NaN;
        }
        Clusters kept = c;
        List<Double> partial = context.parallel().mapChunks(kept.n(), CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            return chunkSum(kept, context, from, to);
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total / kept.n();
    }

    /**
     * Which rows a sampled silhouette scores: {@code size} distinct indices of {@code [0, n)}, uniformly
     * (a partial Fisher-Yates shuffle driven by {@code seed}), in ascending order.
     *
     * @param n rows to draw from
     * @param size rows to draw, at most {@code n}
     * @param seed the run's seed
     * @return the sorted indices
     */
    static int[] sample(int n, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] rows = Arrays.copyOf(order, size);
        Arrays.sort(rows);
        return rows;
    }

    /** The sum of {@code s(i)} over rows {@code [from, to)}, in row order. */
    private static double chunkSum(Clusters c, ExecutionContext context, int from, int to) {
        int n = c.n();
        int k = c.k();
        int rows = to - from;
        int[] labels = c.labels();
        int[] sizes = c.sizes();
        float[] tile = new float[rows * TILE];
        double[] sums = new double[rows * k];
        for (int col = 0; col < n; col += TILE) {
            int colTo = Math.min(n, col + TILE);
            int width = colTo - col;
            context.kernels().pairwise(Distance.EUCLIDEAN, c.points(), from, to, c.points(), col, colTo, c.d(), tile);
            for (int r = 0; r < rows; r++) {
                int base = r * k;
                int t = r * width;
                for (int j = 0; j < width; j++) {
                    sums[base + labels[col + j]] += tile[t + j];
                }
            }
        }
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int own = labels[from + r];
            if (sizes[own] == 1) {
                continue; // s = 0 for a point alone in its cluster
            }
            int base = r * k;
            double a = sums[base + own] / (sizes[own] - 1); // its own distance 0 is in the sum, not in the count
            double b = Double.POSITIVE_INFINITY;
            for (int other = 0; other < k; other++) {
                if (other != own) {
                    b = Math.min(b, sums[base + other] / sizes[other]);
                }
            }
            double max = Math.max(a, b);
            if (max > 0) { // a = b = 0 (duplicates across clusters): s = 0, as scikit-learn's nan_to_num
                total += (b - a) / max;
            }
        }
        return total;
    }
}

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
import org.pf4j.Extension;

/**
 * Mean silhouette coefficient (internal; higher is better; in {@code [-1, 1]}).
 *
 * <p>For a point {@code i} in cluster {@code A}, {@code a(i)} is its mean Euclidean distance to the
 * other members of {@code A} and {@code b(i)} the smallest mean distance to the members of another
 * cluster; {@code s(i) = (b - a) / max(a, b)}, and {@code s(i) = 0} when {@code A} has one member or
 * when {@code a = b = 0}. The metric is the mean of {@code s(i)} over all non-noise points, the same
 * definition as scikit-learn's {@code silhouette_score(metric="euclidean")}. It is {@code NaN} unless
 * there are at least two clusters and fewer clusters than non-noise points.
 *
 * <p>Complexity: {@code n²} distances of {@code O(d)} each. Memory: no distance matrix;
 * the rows are cut into chunks of {@value #CHUNK} and each chunk in flight holds one row of {@code n}
 * float distances and {@code k} double sums. Distances come from the host's one-to-many kernel;
 * per-cluster sums and the mean are accumulated in {@code double}. Chunk boundaries depend only on
 * {@code n}, and chunk results are added in chunk order, so the value has the same bits for any
 * thread count.
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
    private static final String ID = "silhouette";
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of(), "Silhouette coefficient",
            "Mean silhouette width of the non-noise points, from -1 (wrong clusters) to 1 (compact, well separated).",
            false, true, Citation.of(getClass()));

    /** A metric without settings; PF4J creates it. @since 0.1 */
    public Silhouette() {
    }

    @Override
    public MetricDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public double compute(Dataset data, int[] labels, ExecutionContext context) {
        Clusters c = Clusters.withoutNoise(ID, data, labels);
        if (!c.separable()) {
            return Double.NaN;
        }
        List<Double> partial = context.parallel().mapChunks(c.n(), CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            return chunkSum(c, context, from, to);
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total / c.n();
    }

    /** The sum of {@code s(i)} over rows {@code [from, to)}, in row order. */
    private static double chunkSum(Clusters c, ExecutionContext context, int from, int to) {
        int n = c.n();
        int d = c.d();
        int[] labels = c.labels();
        int[] sizes = c.sizes();
        float[] row = new float[n];
        double[] sums = new double[c.k()];
        double total = 0;
        for (int i = from; i < to; i++) {
            context.kernels().distances(Distance.EUCLIDEAN, c.points(), i * d, c.points(), 0, n, d, row, 0);
            Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                sums[labels[j]] += row[j];
            }
            int own = labels[i];
            if (sizes[own] == 1) {
                continue; // s = 0 for a point alone in its cluster
            }
            double a = sums[own] / (sizes[own] - 1); // its own distance 0 is in the sum, not in the count
            double b = Double.POSITIVE_INFINITY;
            for (int other = 0; other < sums.length; other++) {
                if (other != own) {
                    b = Math.min(b, sums[other] / sizes[other]);
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

package dev.clusterlab.plugins.metrics;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.metric.QualityMetric;
import java.util.List;
import org.pf4j.Extension;

/**
 * Davies-Bouldin index (internal; LOWER is better; {@code >= 0}).
 *
 * <p>With {@code s_c} the mean Euclidean distance of the members of cluster {@code c} to its
 * centroid and {@code M_ce} the distance between centroids, {@code R_c = max_{e≠c} (s_c + s_e) / M_ce}
 * and the index is the mean of {@code R_c} over the {@code k} clusters. It follows scikit-learn's
 * {@code davies_bouldin_score} in its corner cases too: 0 when all {@code s_c} or all {@code M_ce}
 * are within {@value #ZERO} of zero ({@code np.allclose(…, 0)}), pairs of exactly coincident centroids
 * are skipped, and {@code NaN} unless {@code 2 <= k < n}. (Coincident centroids make the clusters
 * indistinguishable, which is the worst case rather than the best; we keep scikit-learn's answer so
 * that values compare across tools, and the corner is unreachable for centroid-based methods.)
 *
 * <p>Complexity: {@code O(n d + k² d)} time, {@code O(k d)} memory, all in {@code double};
 * sequential, so the value does not depend on the thread count.
 *
 * <p>Reference: Davies and Bouldin (1979), doi:10.1109/TPAMI.1979.4766909.
 *
 * {@snippet :
 * double db = new DaviesBouldin().compute(dataset, labels, context); // 0 would be ideal
 * }
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "David L. Davies, Donald W. Bouldin", title = "A cluster separation measure",
        venue = "IEEE Transactions on Pattern Analysis and Machine Intelligence PAMI-1(2), 224-227", year = 1979,
        doi = "10.1109/TPAMI.1979.4766909")
public final class DaviesBouldin implements QualityMetric {
    /** numpy's {@code allclose(x, 0)} absolute tolerance, kept for parity with scikit-learn. */
    static final double ZERO = 1e-8;
    private static final String ID = "davies_bouldin";
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of(), "Davies-Bouldin index",
            "Mean over clusters of the worst ratio of spreads to centroid distance, from 0 (best) upwards; lower is better.",
            false, false, Citation.of(getClass()));

    /** A metric without settings; PF4J creates it. @since 0.1 */
    public DaviesBouldin() {
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
        int k = c.k();
        double[] centroids = c.centroids();
        double[] spread = new double[k];
        for (int i = 0; i < c.n(); i++) {
            spread[c.labels()[i]] += Math.sqrt(c.squaredDistance(i, centroids, c.labels()[i]));
        }
        boolean noSpread = true;
        for (int e = 0; e < k; e++) {
            spread[e] /= c.sizes()[e];
            noSpread &= spread[e] <= ZERO;
        }
        double[] separation = new double[k * k];
        boolean noSeparation = true;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                separation[a * k + b] = Math.sqrt(distanceBetween(centroids, a, b, c.d()));
                noSeparation &= separation[a * k + b] <= ZERO;
            }
        }
        if (noSpread || noSeparation) {
            return 0.0;
        }
        double total = 0;
        for (int a = 0; a < k; a++) {
            double worst = 0;
            for (int b = 0; b < k; b++) {
                double m = separation[a * k + b];
                if (b != a && m > 0) {
                    worst = Math.max(worst, (spread[a] + spread[b]) / m);
                }
            }
            total += worst;
        }
        return total / k;
    }

    private static double distanceBetween(double[] centroids, int a, int b, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = centroids[a * d + j] - centroids[b * d + j];
            s += diff * diff;
        }
        return s;
    }
}

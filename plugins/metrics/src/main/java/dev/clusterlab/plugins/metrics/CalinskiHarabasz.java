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
 * Calinski-Harabasz index, the variance ratio criterion (internal; higher is better; {@code >= 0}).
 *
 * <p>With {@code n} non-noise points in {@code k} clusters, between-cluster dispersion
 * {@code B = Σ_c n_c |μ_c - μ|²} and within-cluster dispersion {@code W = Σ_i |x_i - μ_{c(i)}|²},
 * the index is {@code (B / (k - 1)) / (W / (n - k))}. As in scikit-learn's
 * {@code calinski_harabasz_score}, it is 1 when {@code W = 0} (every cluster a single repeated
 * point), and {@code NaN} unless {@code 2 <= k < n}.
 *
 * <p>Complexity: two passes over the data, {@code O(n d)} time and {@code O(k d)} memory. Means and
 * dispersions are computed in {@code double} from the float values, and {@code W} from differences to
 * the means (two passes) rather than from {@code Σx² - nμ²}, whose cancellation loses the digits of
 * tight clusters far from the origin. Sequential: the pass is memory-bound and cheap next to any
 * clustering, and one order of summation keeps the value independent of the thread count.
 *
 * <p>Reference: Caliński and Harabasz (1974), doi:10.1080/03610927408827101.
 *
 * {@snippet :
 * double ch = new CalinskiHarabasz().compute(dataset, labels, context);
 * }
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "T. Caliński, J. Harabasz", title = "A dendrite method for cluster analysis",
        venue = "Communications in Statistics 3(1), 1-27", year = 1974, doi = "10.1080/03610927408827101")
public final class CalinskiHarabasz implements QualityMetric {
    private static final String ID = "calinski_harabasz";
    private final MetricDescriptor descriptor = new MetricDescriptor(ID, List.of(),
            "Calinski-Harabasz index",
            "Ratio of between-cluster to within-cluster dispersion of the non-noise points, from 0 upwards; higher is better.",
            false, true, Citation.of(getClass()));

    /** A metric without settings; PF4J creates it. @since 0.1 */
    public CalinskiHarabasz() {
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
        double[] centroids = c.centroids();
        double[] mean = c.mean();
        double between = 0;
        for (int k = 0; k < c.k(); k++) {
            double s = 0;
            for (int j = 0; j < c.d(); j++) {
                double diff = centroids[k * c.d() + j] - mean[j];
                s += diff * diff;
            }
            between += c.sizes()[k] * s;
        }
        double within = 0;
        for (int i = 0; i < c.n(); i++) {
            within += c.squaredDistance(i, centroids, c.labels()[i]);
        }
        if (within == 0) {
            return 1.0; // scikit-learn's convention for clusters without spread
        }
        return between * (c.n() - c.k()) / (within * (c.k() - 1.0));
    }
}

package com.example.kcenter;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;
import java.util.SplittableRandom;
import org.pf4j.Extension;

/**
 * Gonzalez's farthest-first traversal for the k-center problem: the first centre is a point drawn with
 * the run's seed, each next centre is the point farthest from the centres chosen so far (the lowest row
 * on ties), and every point is labelled with its nearest centre (the earliest on ties). The largest
 * distance from a point to its centre is within twice the optimal k-center radius.
 *
 * <p>{@code O(n k d)} time, {@code O(n)} memory; one pass, sequential, so the result depends only on the
 * data, {@code k} and the seed. The objective is that radius (Euclidean).
 */
@Extension
@Reference(authors = "Teofilo F. Gonzalez", title = "Clustering to minimize the maximum intercluster distance",
        venue = "Theoretical Computer Science 38, 293-306", year = 1985, doi = "10.1016/0304-3975(85)90224-5")
public final class KCenterAlgorithm implements ClusteringAlgorithm {
    static final String ID = "kcenter";
    private static final List<ParamSpec> PARAMS = List.of(
            ParamSpec.intAtLeast("k", 8, 1, "number of centres (clusters)"));

    private final AlgorithmDescriptor descriptor = new AlgorithmDescriptor(ID, List.of("farthest_first"),
            "k-center (farthest-first traversal)", "1.0.0",
            "Gonzalez's greedy 2-approximation of the k-center problem: centres are picked farthest-first, "
                    + "points join their nearest centre.",
            PARAMS, Citation.of(getClass()));

    /** PF4J creates it. */
    public KCenterAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        int k = params.getInt("k");
        int n = data.n();
        int d = data.d();
        if (n == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; k=" + k
                    + " centres need at least " + k + " points");
        }
        if (k > n) {
            throw new DataException(ID + ": k=" + k + " centres requested but the dataset '" + data.name()
                    + "' has only " + n + " points");
        }
        Kernels kernels = context.kernels();
        float[] x = data.data();
        float[] nearest = new float[n]; // squared distance to the nearest centre so far
        float[] toCentre = new float[n];
        int[] labels = new int[n];
        float[] centres = new float[k * d];

        int centre = new SplittableRandom(context.seed()).nextInt(n);
        kernels.distances(Distance.SQUARED_EUCLIDEAN, x, centre * d, x, 0, n, d, nearest, 0);
        System.arraycopy(x, centre * d, centres, 0, d);
        for (int c = 1; c < k; c++) {
            context.checkCancelled();
            centre = farthest(nearest);
            System.arraycopy(x, centre * d, centres, c * d, d);
            kernels.distances(Distance.SQUARED_EUCLIDEAN, x, centre * d, x, 0, n, d, toCentre, 0);
            for (int i = 0; i < n; i++) {
                if (toCentre[i] < nearest[i]) {
                    nearest[i] = toCentre[i];
                    labels[i] = c;
                }
            }
        }
        double radius = Math.sqrt(nearest[farthest(nearest)]);
        return ClusteringResult.builder(labels)
                .centroids(centres, k)
                .iterations(k)
                .converged(true)
                .objective(radius)
                .build();
    }

    /** The row farthest from its centre, the lowest on ties. */
    private static int farthest(float[] nearest) {
        int best = 0;
        for (int i = 1; i < nearest.length; i++) {
            if (nearest[i] > nearest[best]) {
                best = i;
            }
        }
        return best;
    }
}

package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.CentroidAssigner;
import java.util.Arrays;

/**
 * A fitted k-means model: labels new points with their nearest centroid (squared Euclidean, ties to
 * the lower label), through the kernel's {@link CentroidAssigner} over fixed chunks of rows.
 *
 * @since 0.1
 */
final class NearestCentroidModel implements ClusterModel {
    private final float[] centroids;
    private final int k;
    private final int d;

    /**
     * @param centroids row-major {@code k x d} centroids (copied)
     * @param k number of centroids
     * @param d dimension
     */
    NearestCentroidModel(float[] centroids, int k, int d) {
        this.centroids = Arrays.copyOf(centroids, k * d);
        this.k = k;
        this.d = d;
    }

    @Override
    public int d() {
        return d;
    }

    @Override
    public int[] predict(Dataset data, ExecutionContext context) {
        if (data.d() != d) {
            throw new DataException("kmeans: the model was fitted on " + d + " features but the dataset '"
                    + data.name() + "' has " + data.d());
        }
        int[] labels = new int[data.n()];
        if (data.n() == 0) {
            return labels;
        }
        CentroidAssigner assigner = context.kernels().centroidAssigner(centroids, k, d);
        float[] x = data.data();
        context.parallel().forEachChunk(data.n(), LloydRun.CHUNK, (chunk, from, to) -> assigner.assign(x, from, to, labels, null));
        return labels;
    }
}

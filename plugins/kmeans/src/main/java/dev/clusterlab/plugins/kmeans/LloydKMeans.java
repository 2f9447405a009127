package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.CentroidAssigner;
import java.util.List;

/**
 * Lloyd's E-step (S. P. Lloyd 1982, doi:10.1109/TIT.1982.1056489), as scikit-learn's
 * {@code _kmeans_single_lloyd}: every point against every centre, {@code n k} distances per iteration,
 * through the kernel's fused {@link CentroidAssigner#assignAndAccumulate} (assignment and weighted
 * centroid sums in one pass over the rows while they are in cache). The per-iteration objective is the
 * weighted sum, in {@code double}, of the kernel's own squared distances (free, but only as exact as the
 * kernel's float arithmetic: a diagnostic); the final inertia is recomputed exactly by the loop. The only
 * other per-iteration work is an {@code O(n)} pass that counts reassignments.
 */
final class LloydKMeans implements KMeansLoop.Assignment {
    private final Points points;
    private final int k;
    private final ExecutionContext context;
    private final int[] next;
    private final float[] squared;

    /**
     * @param points the data
     * @param k number of clusters
     * @param context kernels and threads
     */
    LloydKMeans(Points points, int k, ExecutionContext context) {
        this.points = points;
        this.k = k;
        this.context = context;
        this.next = new int[points.n()];
        this.squared = new float[points.n()];
    }

    @Override
    public KMeansLoop.Pass assign(float[] centres, int iteration, int[] labels, KMeansLoop.ChunkSums sums) {
        CentroidAssigner assigner = context.kernels().centroidAssigner(centres, k, points.d());
        float[] x = points.x();
        float[] w = points.weights();
        List<KMeansLoop.Pass> parts = context.parallel().mapChunks(points.n(), KMeansLoop.CHUNK, (chunk, from, to) -> {
            double[] s = sums.sums(chunk);
            assigner.assignAndAccumulate(x, w, from, to, next, squared, s, sums.weights(chunk));
            double objective = 0;
            long reassigned = 0;
            for (int i = from; i < to; i++) {
                int l = next[i];
                if (l != labels[i]) {
                    reassigned++;
                    labels[i] = l;
                }
                objective += w == null ? squared[i] : (double) w[i] * squared[i];
            }
            return new KMeansLoop.Pass(objective, reassigned, (long) (to - from) * k);
        });
        return KMeansLoop.Pass.sum(parts);
    }
}

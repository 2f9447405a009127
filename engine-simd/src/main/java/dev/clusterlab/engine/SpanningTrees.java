package dev.clusterlab.engine;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.SpanningTree;

/**
 * Chooses how {@link Kernels#spanningTree} builds the tree; a pure speed decision, since all three give
 * the same tree in Prim's order when it is unique (tested):
 * <ul>
 *   <li>Boruvka over a kd-tree ({@link BoruvkaMst}) for Minkowski-type distances up to
 *       {@value BoruvkaMst#MAX_DIM} dimensions;</li>
 *   <li>Prim over spatially compact blocks ({@link PrimMst#blocked}) for other metric distances on more
 *       than {@code 4 * }{@value PrimMst#BLOCK} rows;</li>
 *   <li>plain Prim ({@link PrimMst#plain}) otherwise (cosine, inner product, small inputs), and whenever
 *       Boruvka meets values it cannot order (non-finite).</li>
 * </ul>
 */
final class SpanningTrees {
    private SpanningTrees() {
    }

    /** Which of the algorithms {@link #build} runs, for tests and benchmarks. */
    enum Method {
        BORUVKA,
        BLOCKED_PRIM,
        PRIM
    }

    static Method method(Distance metric, int n, int d) {
        if (BoruvkaMst.applies(metric, n, d)) {
            return Method.BORUVKA;
        }
        if (metric.isMetric() && n > 4 * PrimMst.BLOCK) {
            return Method.BLOCKED_PRIM;
        }
        return Method.PRIM;
    }

    static SpanningTree build(Kernels kernels, float[] x, int n, int d, Distance metric, float[] core,
                              ExecutionContext context, ProgressListener progress) {
        if (n < 1) {
            throw new IllegalArgumentException("a spanning tree needs at least 1 row; got " + n);
        }
        if ((long) n * d > x.length) {
            throw new IllegalArgumentException("data holds " + x.length + " values, fewer than n*d = " + ((long) n * d));
        }
        if (core != null && core.length < n) {
            throw new IllegalArgumentException("core holds " + core.length + " values, fewer than n = " + n);
        }
        // No core distances: mrd = max(0, 0, dist) = dist, the plain distance (single linkage).
        float[] cores = core == null ? new float[n] : core;
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        Method method = method(metric, n, d);
        if (method == Method.BORUVKA) {
            SpanningTree tree = BoruvkaMst.build(kernels, x, n, d, metric, cores, context, listener);
            if (tree != null) {
                return tree;
            }
            method = metric.isMetric() && n > 4 * PrimMst.BLOCK ? Method.BLOCKED_PRIM : Method.PRIM;
        }
        return method == Method.BLOCKED_PRIM
                ? PrimMst.blocked(kernels, x, n, d, metric, cores, context, listener)
                : PrimMst.plain(kernels, x, n, d, metric, cores, context, listener);
    }
}

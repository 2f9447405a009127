package dev.clusterlab.plugins.density;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.kernel.Distance;
import java.util.Arrays;
import java.util.List;

/**
 * The minimum spanning tree of the mutual reachability graph
 * {@code mrd(a, b) = max(core(a), core(b), dist(a, b))} by Prim's algorithm on the implicit complete
 * graph, as scikit-learn's {@code mst_from_data_matrix}: start at row 0; after adding a node, compute
 * its distances to all rows outside the tree with the one-to-many kernel (fixed chunks in parallel),
 * lower each row's best edge when strictly smaller, and add the row of smallest best edge (ties to the
 * lowest row). Edges are returned in the order added, as {@code (source, target, weight)}.
 *
 * <p>Cost {@code O(n^2 d)} distance work, memory {@code O(n)}: no distance matrix is ever held.
 */
final class PrimMst {
    /**
     * Rows per chunk of one Prim step. Large, because every step is a barrier: a chunk must amortise
     * the hand-off to a worker; fixed, so that results do not depend on the thread count.
     */
    private static final int CHUNK = 4096;

    private PrimMst() {
    }

    /** The tree: {@code n - 1} edges in the order Prim added them. */
    record Edges(int[] source, int[] target, float[] weight) {
    }

    private record Best(int row, float value) {
    }

    static Edges build(float[] x, int n, int d, Distance metric, float[] core, ExecutionContext context) {
        float[] best = new float[n];
        Arrays.fill(best, Float.POSITIVE_INFINITY);
        int[] from = new int[n];
        boolean[] inTree = new boolean[n];
        int[] source = new int[Math.max(0, n - 1)];
        int[] target = new int[Math.max(0, n - 1)];
        float[] weight = new float[Math.max(0, n - 1)];
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[CHUNK]);
        int current = 0;
        for (int step = 0; step < n - 1; step++) {
            inTree[current] = true;
            int node = current;
            float nodeCore = core[node];
            Parallel.ChunkFunction<Best> stepChunk = (chunk, lo, hi) -> {
                float[] dist = buffers.get();
                context.kernels().distances(metric, x, node * d, x, lo, hi, d, dist, 0);
                int arg = -1;
                float min = Float.POSITIVE_INFINITY;
                for (int j = lo; j < hi; j++) {
                    if (inTree[j]) {
                        continue;
                    }
                    float mrd = Math.max(dist[j - lo], Math.max(nodeCore, core[j]));
                    if (mrd < best[j]) {
                        best[j] = mrd;
                        from[j] = node;
                    }
                    if (arg < 0 || best[j] < min) {
                        min = best[j];
                        arg = j;
                    }
                }
                return new Best(arg, min);
            };
            // One chunk: run it here; handing a single chunk to a worker costs more than it computes.
            List<Best> partial = n <= CHUNK ? List.of(stepChunk.apply(0, 0, n))
                    : context.parallel().mapChunks(n, CHUNK, stepChunk);
            int next = -1;
            float min = Float.POSITIVE_INFINITY;
            for (Best b : partial) {
                if (b.row() >= 0 && (next < 0 || b.value() < min)) {
                    next = b.row();
                    min = b.value();
                }
            }
            source[step] = from[next];
            target[step] = next;
            weight[step] = min;
            current = next;
            if ((step & 255) == 255) {
                context.checkCancelled();
                context.progress().progress(0.9 * step / n, "hdbscan: spanning tree");
            }
        }
        return new Edges(source, target, weight);
    }
}

package dev.clusterlab.engine;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.CompactBlocks;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.SpanningTree;
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
 * <p>Cost {@code O(n^2 d)} distance work, memory {@code O(n)}: no distance matrix is ever held. For a
 * metric distance, {@link #blocked} builds the same tree (edge for edge, tested) while skipping the blocks
 * of rows that cannot get a shorter edge. {@link SpanningTrees} chooses between them and Boruvka.
 */
final class PrimMst {
    /**
     * Rows per chunk of one Prim step. Large, because every step is a barrier: a chunk must amortise
     * the hand-off to a worker; fixed, so that results do not depend on the thread count.
     */
    private static final int CHUNK = 4096;

    private PrimMst() {
    }

    private record Best(int row, float value) {
    }

    /** Rows per block of the blocked Prim. */
    static final int BLOCK = 32;

    /**
     * Prim over spatially compact blocks ({@link CompactBlocks}), with the same result as
     * {@link #plain}: the same edges in the same order. Each block keeps the smallest and the largest best
     * edge of its rows outside the tree. When a node joins, a block is skipped when no row of it can get
     * a strictly smaller edge: when the node's core distance, or the lower bound on its distance to the
     * block's rows (triangle inequality around the block's ball), is at least the block's largest best
     * edge, since {@code mrd >= max(core(node), dist)}. Otherwise its distances come from the one-to-many
     * kernel over the block's contiguous rows; for (squared) Euclidean, a vectorised
     * column-wise estimate first, and the kernel's exact value only for rows whose edge may be strictly
     * shorter than their best. The next node is the smallest best edge over blocks, ties to the lowest
     * row. When at least {@value #PARALLEL_WORK} blocks need distances, blocks are visited in parallel over
     * fixed chunks of {@value #PARALLEL_BLOCKS} blocks (each block's state is its own); the minimum over
     * blocks is then taken in block order, so the result never depends on the threads.
     */
    static SpanningTree blocked(Kernels kernels, float[] x, int n, int d, Distance metric, float[] core,
                                ExecutionContext context, ProgressListener progress) {
        CompactBlocks layout = CompactLayout.of(kernels, x, n, d, metric, BLOCK);
        int[] perm = layout.perm();
        float[] xs = layout.rows();
        int blocks = Parallel.chunkCount(n, BLOCK);
        float[] coreAt = new float[n];
        for (int k = 0; k < n; k++) {
            coreAt[k] = core[perm[k]];
        }
        float[] best = new float[n];
        Arrays.fill(best, Float.POSITIVE_INFINITY);
        int[] from = new int[n]; // by position: the position of the tree node of the best edge
        int[] outside = new int[blocks];
        float[] blockMax = new float[blocks];
        float[] blockMin = new float[blocks];
        int[] blockArg = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            outside[b] = Math.min(n, (b + 1) * BLOCK) - b * BLOCK;
            blockMax[b] = Float.POSITIVE_INFINITY;
            blockMin[b] = Float.POSITIVE_INFINITY;
            blockArg[b] = b * BLOCK;
        }
        int[] source = new int[Math.max(0, n - 1)];
        int[] target = new int[Math.max(0, n - 1)];
        float[] weight = new float[Math.max(0, n - 1)];
        float[] toCentre = new float[blocks];
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[BLOCK]);
        boolean squared = metric.kind() == Distance.Kind.SQUARED_EUCLIDEAN;
        float[][] columns = (squared || metric.kind() == Distance.Kind.EUCLIDEAN) ? columns(xs, n, d) : null;
        float slack = (float) (1e-6 * (d + 8));
        // position of original row 0, where plain Prim starts
        int current = -1;
        for (int k = 0; k < n; k++) {
            if (perm[k] == 0) {
                current = k;
            }
        }
        for (int step = 0; step < n - 1; step++) {
            int node = current;
            best[node] = Float.NEGATIVE_INFINITY;
            int nodeBlock = node / BLOCK;
            outside[nodeBlock]--;
            float nodeCore = coreAt[node];
            kernels.distances(metric, xs, node * d, layout.centres(), 0, blocks, d, toCentre, 0);
            Parallel.ChunkTask visit = (chunk, lo, hi) -> {
            float[] dist = buffers.get();
            for (int b = lo; b < hi; b++) {
                if (outside[b] == 0) {
                    continue;
                }
                boolean mayImprove = nodeCore < blockMax[b] && layout.lowerBound(toCentre[b], b) < blockMax[b];
                if (!mayImprove && b != nodeBlock) {
                    continue;
                }
                int r0 = b * BLOCK;
                int r1 = Math.min(n, r0 + BLOCK);
                boolean changed = b == nodeBlock;
                if (mayImprove) {
                    if (columns != null) {
                        approximate(columns, xs, node, d, r0, r1, squared, dist);
                        for (int j = r0; j < r1; j++) {
                            dist[j - r0] = Math.max(dist[j - r0] * (1 - slack), Math.max(nodeCore, coreAt[j]));
                        }
                    } else {
                        kernels.distances(metric, xs, node * d, xs, r0, r1, d, dist, 0);
                    }
                    // Rows in the tree have best = -inf: never updated. With the estimate (a lower bound within
                    // the slack), the kernel's exact value is needed only where the edge may be strictly shorter.
                    for (int j = r0; j < r1; j++) {
                        if (dist[j - r0] < best[j]) {
                            float bound = Math.max(nodeCore, coreAt[j]);
                            float value = columns == null ? dist[j - r0]
                                    : kernels.distance(metric, xs, node * d, xs, j * d, d);
                            float mrd = Math.max(value, bound);
                            if (mrd < best[j]) {
                                best[j] = mrd;
                                from[j] = node;
                                changed = true;
                            }
                        }
                    }
                }
                if (!changed) {
                    continue;
                }
                float max = Float.NEGATIVE_INFINITY;
                float min = Float.POSITIVE_INFINITY;
                int arg = -1;
                for (int j = r0; j < r1; j++) {
                    float v = best[j];
                    if (v == Float.NEGATIVE_INFINITY) {
                        continue;
                    }
                    max = Math.max(max, v);
                    if (arg < 0 || v < min || (v == min && perm[j] < perm[arg])) {
                        min = v;
                        arg = j;
                    }
                }
                blockMax[b] = max;
                blockMin[b] = min;
                blockArg[b] = arg;
            }
            };
            // Hand blocks to the workers only when many need distances (early steps, wide fronts): a step's
            // barrier costs more than a few blocks of work, and much more when the machine is oversubscribed.
            int busy = 0;
            for (int b = 0; b < blocks && busy < PARALLEL_WORK; b++) {
                if (outside[b] > 0 && nodeCore < blockMax[b] && layout.lowerBound(toCentre[b], b) < blockMax[b]) {
                    busy++;
                }
            }
            if (busy >= PARALLEL_WORK && blocks >= 2 * PARALLEL_BLOCKS) {
                context.parallel().forEachChunk(blocks, PARALLEL_BLOCKS, visit);
            } else {
                visit.run(0, 0, blocks);
            }
            int next = -1;
            float min = Float.POSITIVE_INFINITY;
            for (int b = 0; b < blocks; b++) {
                if (outside[b] == 0) {
                    continue;
                }
                int a = blockArg[b];
                if (next < 0 || blockMin[b] < min || (blockMin[b] == min && perm[a] < perm[next])) {
                    next = a;
                    min = blockMin[b];
                }
            }
            source[step] = perm[from[next]];
            target[step] = perm[next];
            weight[step] = min;
            current = next;
            if ((step & 255) == 255) {
                context.checkCancelled();
                progress.progress((double) step / n, "spanning tree (Prim)");
            }
        }
        return new SpanningTree(source, target, weight);
    }

    /** Blocks per parallel chunk of one blocked Prim step: fixed, so results never depend on the thread count. */
    private static final int PARALLEL_BLOCKS = 64;
    /** Blocks needing distances from which a step is worth running in parallel. */
    private static final int PARALLEL_WORK = 48;

    /** The rows as columns (structure of arrays), for the approximate distances. */
    private static float[][] columns(float[] xs, int n, int d) {
        float[][] c = new float[d][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                c[k][i] = xs[i * d + k];
            }
        }
        return c;
    }

    /**
     * (Squared) Euclidean distances from position {@code node} to positions {@code [r0, r1)}, column by
     * column so that the loops over rows vectorise; within a small relative error of the kernel's values.
     */
    private static void approximate(float[][] columns, float[] xs, int node, int d, int r0, int r1, boolean squared,
                                    float[] out) {
        int len = r1 - r0;
        Arrays.fill(out, 0, len, 0f);
        for (int k = 0; k < d; k++) {
            float[] col = columns[k];
            float pk = xs[node * d + k];
            for (int j = 0; j < len; j++) {
                float t = col[r0 + j] - pk;
                out[j] += t * t;
            }
        }
        if (!squared) {
            for (int j = 0; j < len; j++) {
                out[j] = (float) Math.sqrt(out[j]);
            }
        }
    }

    /** Plain Prim: every step computes the new node's distances to all rows. */
    static SpanningTree plain(Kernels kernels, float[] x, int n, int d, Distance metric, float[] core,
                              ExecutionContext context, ProgressListener progress) {
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
                kernels.distances(metric, x, node * d, x, lo, hi, d, dist, 0);
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
                progress.progress((double) step / n, "spanning tree (Prim)");
            }
        }
        return new SpanningTree(source, target, weight);
    }
}

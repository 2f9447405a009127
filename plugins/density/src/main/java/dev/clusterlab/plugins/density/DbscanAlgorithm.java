package dev.clusterlab.plugins.density;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.NeighborIndex;
import dev.clusterlab.api.kernel.UnionFind;
import dev.clusterlab.api.param.Params;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.pf4j.Extension;

/**
 * DBSCAN, density-based spatial clustering of applications with noise, with scikit-learn's
 * semantics and defaults ({@code sklearn.cluster.DBSCAN}) but memory linear in {@code n}.
 *
 * <p><b>Algorithm.</b> A point is <em>core</em> when the points within {@code eps} of it (itself
 * included; {@code <= eps}, decided by the engine from direct differences) number at least
 * {@code min_samples}, or, with sample weights, when their weights sum to at least
 * {@code min_samples}. Clusters are the connected components of core points joined when within
 * {@code eps}; a non-core point within {@code eps} of a core point is a <em>border</em> point, every
 * other point is noise ({@code -1}). Three passes over fixed chunks of rows:
 * <ol>
 *   <li>find every neighbourhood and count (or weigh) it: core flags. For Euclidean, and whenever the
 *       engine's index would scan (high dimensions, cosine, ...), a symmetric tiled pass computes each
 *       pair at most once and, for a metric distance, skips tiles whose spatially compact blocks are
 *       more than {@code eps} apart ({@link Neighbourhoods#tiled}); otherwise, or when the pairs exceed
 *       the cache budget, the engine's range queries (its spatial index in low dimensions). The neighbourhoods are kept for the next passes while
 *       they fit in a budget of {@value Neighbourhoods#BUDGET_PER_POINT} ids per point; chunks beyond it
 *       are queried again (streamed);</li>
 *   <li>for every core point, union it with its core neighbours in a lock-free union-find whose
 *       roots are always the smallest member, so components do not depend on the order of unions;</li>
 *   <li>for every non-core point, find its core neighbours.</li>
 * </ol>
 * Whether a chunk was cached never changes a result. The result's point score {@code core} is 1 for
 * core points, 0 otherwise.
 * <b>Border rule.</b> A border point reachable from several clusters joins the one whose
 * smallest-index core point is smallest. That is exactly what scikit-learn's expansion does (it grows
 * clusters from core points in index order and a border point keeps the first cluster that reaches
 * it), so the partition equals scikit-learn's on the same values. Cluster ids are then renumbered in
 * order of first appearance by point index.
 *
 * <p><b>Parameters.</b>
 * <ul>
 *   <li>{@code eps}: real in {@code (0, inf)}, default 0.5;</li>
 *   <li>{@code min_samples}: integer in {@code [1, inf)}, default 5, the point itself counted;</li>
 *   <li>{@code metric}: a distance id of the engine ({@code euclidean} default, {@code manhattan},
 *       {@code chebyshev}, {@code minkowski:P}, {@code cosine}, ...).</li>
 * </ul>
 * Sample weights come from {@link Dataset#weights()}.
 *
 * <p><b>Complexity and memory.</b> One range-query pass when the neighbourhoods fit the cache, up to
 * three otherwise: {@code O(n q)} where {@code q} is the cost of one query (far less than {@code O(n d)}
 * with a spatial index in low dimensions), or at most {@code n^2 / 2} distances for the tiled scan,
 * plus near-linear union-find work per neighbour. Memory beyond the data: {@code n} core flags,
 * {@code n} union-find parents, {@code 2n} labels, the cache (at most
 * {@value Neighbourhoods#BUDGET_PER_POINT} ids per point), a reordered copy of the data for the
 * tiled scan, and the neighbourhoods of the queries in flight (one chunk per thread): O(n) whatever
 * {@code eps}, never all neighbourhoods of a large {@code eps} at once as scikit-learn holds them.
 *
 * <p><b>References.</b> M. Ester, H.-P. Kriegel, J. Sander, X. Xu (1996), doi:10.5555/3001460.3001507;
 * E. Schubert, J. Sander, M. Ester, H.-P. Kriegel, X. Xu (2017), doi:10.1145/3068335.
 *
 * {@snippet :
 * ClusteringAlgorithm dbscan = new DbscanAlgorithm();
 * Params params = ParamBinder.bind("dbscan", dbscan.descriptor().params(), Map.of("eps", 0.3, "min_samples", 10));
 * ClusteringResult result = dbscan.fit(data, params, context);
 * int[] core = ((DbscanModel) result.model().orElseThrow()).coreSampleIndices();
 * }
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "M. Ester, H.-P. Kriegel, J. Sander, X. Xu",
        title = "A density-based algorithm for discovering clusters in large spatial databases with noise",
        venue = "Proceedings of the 2nd International Conference on Knowledge Discovery and Data Mining (KDD), 226-231",
        year = 1996, doi = "10.5555/3001460.3001507")
@Reference(authors = "E. Schubert, J. Sander, M. Ester, H.-P. Kriegel, X. Xu",
        title = "DBSCAN revisited, revisited: why and how you should (still) use DBSCAN",
        venue = "ACM Transactions on Database Systems 42(3), 19:1-19:21", year = 2017, doi = "10.1145/3068335")
public final class DbscanAlgorithm implements ClusteringAlgorithm {
    static final String ID = "dbscan";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of(),
            "DBSCAN", "1.0",
            "Clusters of core points (at least min_samples neighbours within eps) with their border points; "
                    + "the rest is noise. scikit-learn's semantics with neighbourhoods streamed in O(n) memory.",
            DbscanParams.SPECS, Citation.of(DbscanAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.1 */
    public DbscanAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, DbscanParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the points (and optional sample weights); never modified
     * @param params the parameters
     * @param context kernels, threads, progress and cancellation (DBSCAN uses no randomness)
     * @return labels ({@code -1} noise) and a {@link DbscanModel} with the core points
     * @throws DataException if the dataset is empty
     * @since 0.1
     */
    public ClusteringResult fit(Dataset data, DbscanParams params, ExecutionContext context) {
        int n = data.n();
        if (n == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; DBSCAN needs at least 1 point");
        }
        float[] x = data.data();
        int d = data.d();
        float[] weights = data.weights().orElse(null);
        NeighborIndex index = context.kernels().neighborIndex(x, n, d, params.metric());
        double eps = params.eps();
        boolean[] core = new boolean[n];

        // Pass 1: neighbourhoods, cached within a budget of O(n) ids, and core flags from their counts
        // (or weight sums, in double as scikit-learn's float64 sum, in ascending row order, the point included).
        Neighbourhoods cache = null;
        if (index.kind() == NeighborIndex.Kind.SCAN) {
            // One symmetric tiled pass computes each pair at most once, skipping far-apart blocks.
            cache = Neighbourhoods.tiled(x, n, d, params.metric(), eps, context);
            if (cache != null) {
                Neighbourhoods tiles = cache;
                context.parallel().forEachChunk(n, Streams.CHUNK, (chunk, from, to) -> {
                    int[] off = tiles.offsets(chunk);
                    int[] ids = tiles.ids(chunk);
                    for (int q = from; q < to; q++) {
                        core[q] = mass(q, ids, off[q - from], off[q - from + 1], weights) >= params.minSamples();
                    }
                });
            }
        }
        if (cache == null) {
            Neighbourhoods streamed = Neighbourhoods.none(n);
            long budget = Neighbourhoods.budget(n);
            AtomicLong reserved = new AtomicLong();
            context.parallel().forEachChunk(n, Streams.CHUNK, (chunk, from, to) -> {
                context.checkCancelled();
                boolean keep = reserved.get() <= budget;
                int[] off = keep ? new int[to - from + 1] : null;
                IntList kept = keep ? new IntList(32 * (to - from)) : null;
                index.rangeQuery(from, to, eps, (q, ids, dist, count) -> {
                    core[q] = mass(q, ids, 0, count, weights) >= params.minSamples();
                    if (off != null) {
                        for (int j = 0; j < count; j++) {
                            if (ids[j] != q) {
                                kept.add(ids[j]);
                            }
                        }
                        off[q - from + 1] = kept.size();
                    }
                });
                if (keep) {
                    streamed.offer(chunk, off, kept, reserved, budget);
                }
            });
            cache = streamed;
        }
        context.progress().progress(1.0 / 3, "dbscan: core points found");

        // Pass 2: components of core points; roots are the smallest core index of each component.
        Neighbourhoods hoods = cache;
        UnionFind components = new UnionFind(n);
        context.parallel().forEachChunk(n, Streams.CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            hoods.forEach(chunk, from, to, core, true, index, eps, (q, ids, lo, hi) -> {
                for (int j = lo; j < hi; j++) {
                    if (core[ids[j]] && ids[j] != q) {
                        components.union(q, ids[j]);
                    }
                }
            });
        });
        context.progress().progress(2.0 / 3, "dbscan: core points connected");

        // Pass 3: each point's root: its own for core points, the smallest root among core neighbours for border points.
        int[] root = new int[n];
        context.parallel().forEachChunk(n, Streams.CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            for (int i = from; i < to; i++) {
                root[i] = core[i] ? components.find(i) : -1;
            }
            hoods.forEach(chunk, from, to, core, false, index, eps, (q, ids, lo, hi) -> {
                int best = -1;
                for (int j = lo; j < hi; j++) {
                    if (core[ids[j]]) {
                        int r = components.find(ids[j]);
                        best = best < 0 ? r : Math.min(best, r);
                    }
                }
                root[q] = best;
            });
        });
        context.progress().progress(1.0, "dbscan: done");

        int[] labels = renumberByFirstAppearance(root);
        int coreCount = 0;
        for (boolean c : core) {
            coreCount += c ? 1 : 0;
        }
        int[] coreIndices = new int[coreCount];
        double[] coreScore = new double[n];
        for (int i = 0, c = 0; i < n; i++) {
            if (core[i]) {
                coreIndices[c++] = i;
                coreScore[i] = 1;
            }
        }
        return ClusteringResult.builder(labels)
                .iterations(1)
                .converged(true)
                .pointScore("core", coreScore)
                .model(new DbscanModel(x, n, data.d(), params, coreIndices, labels.clone()))
                .build();
    }

    /**
     * The weight of a neighbourhood, the point {@code q} included: its size without weights, else the
     * sum of the weights in ascending row order (the ids ascend; {@code q} is added in its place when
     * the ids leave it out, as the cache does).
     */
    private static double mass(int q, int[] ids, int from, int to, float[] weights) {
        boolean hasSelf = false;
        for (int j = from; j < to && ids[j] <= q; j++) {
            hasSelf |= ids[j] == q;
        }
        if (weights == null) {
            return to - from + (hasSelf ? 0 : 1);
        }
        double mass = 0;
        boolean selfAdded = hasSelf;
        for (int j = from; j < to; j++) {
            if (!selfAdded && ids[j] > q) {
                mass += weights[q];
                selfAdded = true;
            }
            mass += weights[ids[j]];
        }
        if (!selfAdded) {
            mass += weights[q];
        }
        return mass;
    }

    /**
     * Maps component roots (or {@code -1}) to labels {@code 0, 1, ...} in order of first appearance by
     * point index; {@code -1} stays noise. Reuses {@code root} as the output.
     */
    static int[] renumberByFirstAppearance(int[] root) {
        int[] label = new int[root.length];
        Arrays.fill(label, -1);
        int next = 0;
        for (int i = 0; i < root.length; i++) {
            int r = root[i];
            if (r >= 0) {
                if (label[r] < 0) {
                    label[r] = next++;
                }
                root[i] = label[r];
            }
        }
        return root;
    }
}

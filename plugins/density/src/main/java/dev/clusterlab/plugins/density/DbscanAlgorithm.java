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
import dev.clusterlab.api.param.Params;
import java.util.Arrays;
import java.util.List;
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
 * other point is noise ({@code -1}). Three streamed passes of range queries over fixed chunks of
 * rows, never holding more than the neighbourhoods in flight:
 * <ol>
 *   <li>count (or weigh) every neighbourhood: core flags;</li>
 *   <li>for every core point, union it with its core neighbours in a lock-free union-find whose
 *       roots are always the smallest member, so components do not depend on the order of unions;</li>
 *   <li>for every non-core point, find its core neighbours.</li>
 * </ol>
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
 * <p><b>Complexity and memory.</b> Three range-query passes: {@code O(n q)} where {@code q} is the
 * cost of one query ({@code O(n d)} for the blocked scan, far less with a spatial index in low
 * dimensions), plus near-linear union-find work per neighbour. Memory beyond the data: {@code n}
 * core flags, {@code n} union-find parents, {@code 2n} labels, and the neighbourhoods of the queries
 * in flight (at most one chunk per thread), never all neighbourhoods at once as scikit-learn does.
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
    private static final String ID = "dbscan";
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
        float[] weights = data.weights().orElse(null);
        NeighborIndex index = context.kernels().neighborIndex(x, n, data.d(), params.metric());
        double eps = params.eps();

        // Pass 1: core flags from neighbourhood counts (or weight sums, in double as scikit-learn's float64 sum).
        boolean[] core = new boolean[n];
        context.parallel().forEachChunk(n, Streams.CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            index.rangeQuery(from, to, eps, (q, ids, dist, count) -> {
                double mass = count;
                if (weights != null) {
                    mass = 0;
                    for (int j = 0; j < count; j++) {
                        mass += weights[ids[j]];
                    }
                }
                core[q] = mass >= params.minSamples();
            });
        });
        context.progress().progress(1.0 / 3, "dbscan: core points found");

        // Pass 2: components of core points; roots are the smallest core index of each component.
        UnionFind components = new UnionFind(n);
        context.parallel().forEachChunk(n, Streams.CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            Streams.rangeQueries(index, from, to, core, true, eps, (q, ids, dist, count) -> {
                for (int j = 0; j < count; j++) {
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
            Streams.rangeQueries(index, from, to, core, false, eps, (q, ids, dist, count) -> {
                int best = -1;
                for (int j = 0; j < count; j++) {
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
        for (int i = 0, c = 0; i < n; i++) {
            if (core[i]) {
                coreIndices[c++] = i;
            }
        }
        return ClusteringResult.builder(labels)
                .iterations(1)
                .converged(true)
                .model(new DbscanModel(x, n, data.d(), params, coreIndices, labels.clone()))
                .build();
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

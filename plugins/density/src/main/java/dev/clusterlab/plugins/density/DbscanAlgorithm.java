package dev.clusterlab.plugins.density;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.ArtifactTable;
import dev.clusterlab.api.artifact.TableArtifact;
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
 * other point is noise ({@code -1}). No neighbour list is kept beyond one chunk of rows: core points come
 * from counting neighbourhoods, clusters from a lock-free union-find over core-core pairs whose roots are
 * always the smallest member (so components do not depend on the order of unions, nor on the thread
 * count), border points from their core neighbours last. One of three strategies does it, chosen from the
 * data; all make exactly the decisions of the engine's range queries (tested against each other), and the
 * one that ran is recorded ({@link DbscanModel#strategy()}, the {@code strategy} artifact):
 * <ol>
 *   <li>{@code GridDbscan}: Euclidean, {@code d <= 3}, no sample weights; a grid of cells of side just
 *       under {@code eps / sqrt(d)}, whose work does not grow with {@code eps} (declined when the cells
 *       would be too many to key, or so sparse that the kd-tree costs less);</li>
 *   <li>{@code TiledDbscan}: where the engine's index would scan (high dimensions, cosine, ...), blocked
 *       scans over spatially compact blocks that skip far blocks, each pair counted once;</li>
 *   <li>{@code QueryDbscan}: otherwise, streamed range queries of the engine's index (its kd-tree).</li>
 * </ol>
 * The result's point score {@code core} is 1 for core points, 0 otherwise.
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
 * <p><b>Complexity and memory.</b> Grid: O(n log n) for the cells plus, per point of a sparse cell, the
 * points of a bounded number of neighbouring cells until {@code min_samples} are found, whatever
 * {@code eps}. Tiled scan: at most {@code n^2 / 2} distances for the counts (far fewer on clustered data),
 * fewer again for the unions. Range queries: three passes, {@code O(n q)} for a query cost {@code q}.
 * Memory beyond the data: O(n) in every strategy (flags, union-find parents, labels, a reordered copy of
 * the data), never the neighbourhoods of a large {@code eps} as scikit-learn holds them.
 *
 * <p><b>References.</b> M. Ester, H.-P. Kriegel, J. Sander, X. Xu (1996), doi:10.5555/3001460.3001507;
 * E. Schubert, J. Sander, M. Ester, H.-P. Kriegel, X. Xu (2017), doi:10.1145/3068335;
 * J. Gan, Y. Tao (2015), doi:10.1145/2723372.2737792; Y. Wang, Y. Gu, J. Shun (2020),
 * doi:10.1145/3318464.3380582.
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
@Reference(authors = "J. Gan, Y. Tao",
        title = "DBSCAN revisited: mis-claim, un-fixability, and approximation",
        venue = "Proceedings of the 2015 ACM SIGMOD International Conference on Management of Data",
        year = 2015, doi = "10.1145/2723372.2737792")
@Reference(authors = "Y. Wang, Y. Gu, J. Shun",
        title = "Theoretically-efficient and practical parallel DBSCAN",
        venue = "Proceedings of the 2020 ACM SIGMOD International Conference on Management of Data",
        year = 2020, doi = "10.1145/3318464.3380582")
public final class DbscanAlgorithm implements ClusteringAlgorithm {
    static final String ID = "dbscan";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of(),
            "DBSCAN", "1.0",
            "Clusters of core points (at least min_samples neighbours within eps) with their border points; "
                    + "the rest is noise. scikit-learn's semantics in O(n) memory; a grid in low dimensions, whatever eps.",
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
        double eps = params.eps();
        int minSamples = params.minSamples();
        DbscanCore found = GridDbscan.applies(d, params.metric(), weights, eps)
                ? GridDbscan.run(x, n, d, eps, minSamples, context) : null;
        if (found == null) {
            NeighborIndex index = context.kernels().neighborIndex(x, n, d, params.metric());
            found = index.kind() == NeighborIndex.Kind.SCAN
                    ? TiledDbscan.run(x, n, d, params.metric(), eps, minSamples, weights, context)
                    : QueryDbscan.run(index, n, eps, minSamples, weights, context);
        }
        context.progress().progress(1.0, "dbscan: done by " + found.strategy() + ", about "
                + found.distances() + " pair distances");

        int[] labels = renumberByFirstAppearance(found.root());
        boolean[] core = found.core();
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
                .artifact("strategy", strategyTable(found))
                .model(new DbscanModel(x, n, data.d(), params, coreIndices, labels.clone(), found.strategy()))
                .build();
    }

    /**
     * The strategy that ran, as a one-row table with a 0/1 column per strategy. (The pair distances computed
     * go to the progress message only: which work a strategy skips may depend on the threads' timing, never
     * its result.)
     */
    private static TableArtifact strategyTable(DbscanCore found) {
        String s = found.strategy();
        return new TableArtifact("dbscan_strategy", ArtifactTable.builder()
                .ints("grid", new int[] {s.startsWith("grid") ? 1 : 0})
                .ints("tiled_scan", new int[] {s.startsWith("tiled") ? 1 : 0})
                .ints("range_queries", new int[] {s.startsWith("range") ? 1 : 0})
                .build());
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

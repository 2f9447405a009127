package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.ArtifactKinds;
import dev.clusterlab.api.artifact.MergeTree;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * Agglomerative (hierarchical) clustering with scikit-learn's {@code AgglomerativeClustering} parameters
 * and SciPy's linkages and merge trees: start from single points and merge the two nearest clusters
 * until one is left; the tree is then cut into {@code k} clusters, or at {@code distance_threshold}.
 *
 * <p><b>Algorithms</b> (Müllner 2011, the algorithms of fastcluster and SciPy):
 * <ul>
 *   <li>{@code single}: the engine's minimum spanning tree ({@link SingleLinkage}); memory {@code O(n)}.</li>
 *   <li>{@code ward}: the nearest-neighbour chain on centroids and sizes ({@link WardChain}) with the
 *       engine's one-to-many kernel; memory {@code O(n d)}.</li>
 *   <li>{@code complete}, {@code average}, {@code weighted}: Müllner's generic algorithm on a condensed
 *       float matrix in tiles ({@link GenericMatrix}); memory {@code 2 n^2} bytes, refused before
 *       allocating when the heap cannot hold it.</li>
 *   <li>{@code centroid}, {@code median}: the generic algorithm on centroids ({@link GenericLinkage});
 *       memory {@code O(n d)}.</li>
 *   <li>{@code ward} with {@code connectivity.n_neighbors}: scikit-learn's structured Ward on the
 *       symmetric k-nearest-neighbour graph ({@link KnnConnectivity}, {@link StructuredWard}); a graph
 *       in several pieces is joined at each pair's closest points, as scikit-learn does (where it
 *       warns); merges in the order found, since heights may decrease; memory {@code O(n d + E)}.</li>
 * </ul>
 * All take {@code O(n^2)} distance evaluations (times {@code d} where distances come from centroids).
 * The result's {@code merge_tree} artifact is SciPy's linkage matrix (merges sorted by height, as
 * SciPy; for centroid and median in the order found, since heights may decrease); labels are the cut
 * of that tree ({@link MergeTree#cut}), numbered by first row. Agglomerative clustering has no rule for
 * new points, as in scikit-learn: the result carries no model to predict with; cut the tree again with
 * {@link MergeTree#cut} or {@link MergeTree#cutAt} instead of refitting. Sample weights are not used.
 *
 * <p><b>Parameters.</b> See {@link AgglomerativeParams}.
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "D. Müllner", title = "Modern hierarchical, agglomerative clustering algorithms",
        venue = "arXiv:1109.2378", year = 2011, doi = "10.48550/arXiv.1109.2378")
@Reference(authors = "F. Murtagh", title = "A survey of recent advances in hierarchical clustering algorithms",
        venue = "The Computer Journal 26(4), 354-359", year = 1983, doi = "10.1093/comjnl/26.4.354")
@Reference(authors = "J. H. Ward", title = "Hierarchical grouping to optimize an objective function",
        venue = "Journal of the American Statistical Association 58(301), 236-244", year = 1963,
        doi = "10.1080/01621459.1963.10500845")
public final class AgglomerativeAlgorithm implements ClusteringAlgorithm {
    static final String ID = "agglomerative";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("hclust", "hierarchical"),
            "Agglomerative clustering", "1.0",
            "Merges the two nearest clusters until one is left (ward, complete, average, single, weighted, centroid or "
                    + "median linkage) and cuts the tree into k clusters or at a height; the merge tree is SciPy's linkage matrix.",
            AgglomerativeParams.SPECS, Citation.of(AgglomerativeAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.2 */
    public AgglomerativeAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, AgglomerativeParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the points; never modified
     * @param params the parameters
     * @param context kernels, threads, progress and cancellation (no randomness is used)
     * @return labels and the {@code merge_tree} artifact
     * @throws DataException if the dataset is empty, has fewer points than {@code k}, or needs a
     *     distance matrix larger than the heap
     * @since 0.2
     */
    public ClusteringResult fit(Dataset data, AgglomerativeParams params, ExecutionContext context) {
        int n = data.n();
        if (n == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; k=" + params.k() + " needs at least "
                    + Math.max(1, params.k()) + " points");
        }
        if (params.k() > n) {
            throw new DataException(ID + ": k=" + params.k() + " but the dataset '" + data.name() + "' has only " + n + " points");
        }
        MergeTree tree;
        if (params.connectivityNeighbors() > 0) {
            if (params.connectivityNeighbors() >= n) {
                throw new DataException(ID + ": connectivity.n_neighbors=" + params.connectivityNeighbors() + " but the dataset '"
                        + data.name() + "' has only " + n + " points (at most " + (n - 1) + " neighbours each)");
            }
            int[][] graph = KnnConnectivity.graph(data.data(), n, data.d(), params.connectivityNeighbors(), context);
            context.progress().progress(0.2, ID + ": connectivity graph");
            tree = StructuredWard.merges(data.data(), n, data.d(), graph, context).toMergeTree(false);
        } else {
            tree = tree(data.data(), n, data.d(), params.linkage(), params.metric(), context);
        }
        int[] labels = params.k() > 0 ? tree.cut(params.k()) : tree.cutAt(params.distanceThreshold());
        context.progress().progress(1.0, ID + ": done");
        return ClusteringResult.builder(labels)
                .iterations(1)
                .converged(true)
                .artifact(ArtifactKinds.MERGE_TREE, tree)
                .build();
    }

    /**
     * The merge tree of the rows: the heart of every algorithm of this plugin (BIRCH's global step runs
     * it on its subcluster centroids).
     *
     * @param x row-major points
     * @param n number of rows, at least 1
     * @param d dimension
     * @param linkage the linkage
     * @param metric the distance (euclidean for ward, centroid and median)
     * @param context kernels, threads and cancellation
     * @return SciPy's linkage matrix
     */
    static MergeTree tree(float[] x, int n, int d, Linkage linkage, dev.clusterlab.api.kernel.Distance metric,
                          ExecutionContext context) {
        MergeList merges = switch (linkage) {
            case SINGLE -> SingleLinkage.merges(x, n, d, metric, context, context.progress().stage(0, 0.9));
            case WARD -> WardChain.merges(x, n, d, context);
            case COMPLETE, AVERAGE, WEIGHTED -> {
                CondensedMatrix dist = CondensedMatrix.of(ID + " linkage=" + linkage.id(), x, n, d, metric, context);
                context.progress().progress(0.5, ID + ": distances");
                yield GenericMatrix.merges(dist, linkage, context);
            }
            case CENTROID -> GenericLinkage.merges(x, n, d, false, context);
            case MEDIAN -> GenericLinkage.merges(x, n, d, true, context);
        };
        return merges.toMergeTree(linkage.monotone());
    }
}

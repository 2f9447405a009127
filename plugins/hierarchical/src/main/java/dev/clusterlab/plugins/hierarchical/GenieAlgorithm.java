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
import dev.clusterlab.api.kernel.SpanningTree;
import dev.clusterlab.api.param.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * Genie (Gagolewski, Bartoszuk and Cena 2016): single linkage on the engine's minimum spanning tree,
 * with merges forced onto the smallest clusters whenever the Gini index of the cluster sizes exceeds
 * {@code gini_threshold} ({@link GenieMerges}). Outlier-resistant where single linkage chains; the
 * best-scoring method of Gagolewski's benchmark suite. Written from the paper (the reference
 * implementation, genieclust, is AGPL). Memory {@code O(n)} beyond the data; time is the spanning
 * tree's. The result's {@code merge_tree} artifact lists the merges in Genie's order (heights, the
 * edges' weights, may decrease); labels are its cut into {@code k} clusters, numbered by first row.
 * No model: there is no rule for new points.
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "M. Gagolewski, M. Bartoszuk, A. Cena",
        title = "Genie: A new, fast, and outlier-resistant hierarchical clustering algorithm",
        venue = "Information Sciences 363, 8-23", year = 2016, doi = "10.1016/j.ins.2016.05.003")
public final class GenieAlgorithm implements ClusteringAlgorithm {
    static final String ID = "genie";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of(),
            "Genie", "1.0",
            "Single linkage on the minimum spanning tree, with merges forced onto the smallest clusters while the "
                    + "Gini index of cluster sizes exceeds gini_threshold: outlier-resistant hierarchical clustering.",
            GenieParams.SPECS, Citation.of(GenieAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.2 */
    public GenieAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, GenieParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the points; never modified
     * @param params the parameters
     * @param context kernels, threads, progress and cancellation (no randomness is used)
     * @return labels and the {@code merge_tree} artifact
     * @throws DataException if the dataset is empty or has fewer points than {@code k}
     * @since 0.2
     */
    public ClusteringResult fit(Dataset data, GenieParams params, ExecutionContext context) {
        int n = data.n();
        if (n == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; k=" + params.k() + " needs at least "
                    + params.k() + " points");
        }
        if (params.k() > n) {
            throw new DataException(ID + ": k=" + params.k() + " but the dataset '" + data.name() + "' has only " + n + " points");
        }
        MergeTree tree;
        if (n == 1) {
            tree = new MergeList(1).toMergeTree(false);
        } else {
            SpanningTree mst = context.kernels().spanningTree(data.data(), n, data.d(), params.metric(), null, context,
                    context.progress().stage(0, 0.9));
            context.checkCancelled();
            tree = GenieMerges.of(mst, n, params.giniThreshold()).toMergeTree(false);
        }
        int[] labels = tree.cut(params.k());
        context.progress().progress(1.0, ID + ": done");
        return ClusteringResult.builder(labels)
                .iterations(1)
                .converged(true)
                .artifact(ArtifactKinds.MERGE_TREE, tree)
                .build();
    }
}

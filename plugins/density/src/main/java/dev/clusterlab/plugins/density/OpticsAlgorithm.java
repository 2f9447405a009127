package dev.clusterlab.plugins.density;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.ArtifactKinds;
import dev.clusterlab.api.artifact.Reachability;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import java.util.List;
import org.pf4j.Extension;

/**
 * OPTICS, ordering points to identify the clustering structure, following scikit-learn 1.2's
 * {@code sklearn.cluster.OPTICS} (semantics, tie-breaking and defaults).
 *
 * <p><b>Algorithm.</b> The core distance of a point is the distance to its {@code min_samples}-th
 * nearest point, itself included ({@code inf} beyond {@code max_eps}). Starting from the lowest row,
 * OPTICS repeatedly visits the unprocessed point of smallest reachability (ties, and the all-infinite
 * case, to the lowest row, as scikit-learn's argmin); a visited core point lowers the reachability of
 * each unprocessed point within {@code max_eps} to {@code max(core distance, distance)} when that is
 * strictly smaller, recording itself as predecessor. Clusters are then read off the reachability plot
 * by steep areas ({@code xi}, Ankerst et al. section 4.3, with scikit-learn's predecessor correction)
 * or by a horizontal cut at {@code eps} ({@code dbscan}). The result carries the cluster ordering
 * (the {@link Reachability} artifact {@code reachability}) and the point scores {@code reachability} and
 * {@code core_distance} by row ({@code inf} where undefined): the reachability plot is
 * {@code reachability[ordering[i]]}. Ordering, reachability, core distances,
 * predecessors and the xi cluster hierarchy are in the {@link OpticsModel}.
 *
 * <p><b>Parameters.</b>
 * <ul>
 *   <li>{@code min_samples}: integer in {@code [2, inf)}, default 5, at most n;</li>
 *   <li>{@code max_eps}: real in {@code [0, inf]}, default inf;</li>
 *   <li>{@code metric}: a distance id of the engine, default {@code euclidean};</li>
 *   <li>{@code cluster_method}: {@code xi} (default) or {@code dbscan};</li>
 *   <li>{@code xi}: real in {@code [0, 1]}, default 0.05;</li>
 *   <li>{@code eps}: real in {@code [0, max_eps]}, default inf meaning {@code max_eps};</li>
 *   <li>{@code predecessor_correction}: boolean, default true;</li>
 *   <li>{@code min_cluster_size}: 0 (default: {@code min_samples}) or an integer in {@code [2, n]}.</li>
 * </ul>
 * scikit-learn's fractional {@code min_samples} and {@code min_cluster_size} are not offered.
 *
 * <p><b>Complexity and memory.</b> {@code n} kNN queries and one range query per core point
 * ({@code O(n^2 d)} with the blocked scan, as scikit-learn with its default {@code max_eps = inf};
 * a finite {@code max_eps} with a spatial index is far cheaper), plus {@code O(n log n)} for the seed
 * list. Memory beyond the data: {@code O(n)} (four per-point arrays, the seed heap, one
 * neighbourhood at a time).
 *
 * <p><b>References.</b> M. Ankerst, M. M. Breunig, H.-P. Kriegel, J. Sander (1999),
 * doi:10.1145/304181.304187; E. Schubert, M. Gertz (2018), CEUR-WS vol. 2191 (the predecessor
 * correction; no DOI).
 *
 * {@snippet :
 * ClusteringResult result = new OpticsAlgorithm().fit(data, params, context);
 * OpticsModel plot = (OpticsModel) result.model().orElseThrow();
 * double[] reachability = plot.reachability();
 * }
 *
 * @since 0.1
 */
@Extension
@Reference(authors = "M. Ankerst, M. M. Breunig, H.-P. Kriegel, J. Sander",
        title = "OPTICS: ordering points to identify the clustering structure",
        venue = "Proceedings of the 1999 ACM SIGMOD International Conference on Management of Data, 49-60",
        year = 1999, doi = "10.1145/304181.304187")
@Reference(authors = "E. Schubert, M. Gertz",
        title = "Improving the cluster structure extracted from OPTICS plots",
        venue = "Proceedings of the Conference Lernen, Wissen, Daten, Analysen (LWDA), CEUR Workshop Proceedings 2191, 318-329",
        year = 2018)
public final class OpticsAlgorithm implements ClusteringAlgorithm {
    static final String ID = "optics";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of(),
            "OPTICS", "1.0",
            "Orders points by density reachability and extracts clusters from the reachability plot by "
                    + "steepness (xi) or a cut at eps, following scikit-learn's OPTICS.",
            OpticsParams.SPECS, Citation.of(OpticsAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.1 */
    public OpticsAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, OpticsParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the points; never modified
     * @param params the parameters
     * @param context kernels, threads, progress and cancellation (OPTICS uses no randomness)
     * @return labels ({@code -1} noise) and an {@link OpticsModel} with the reachability plot
     * @throws DataException if the dataset is empty or smaller than {@code min_samples} or {@code min_cluster_size}
     * @since 0.1
     */
    public ClusteringResult fit(Dataset data, OpticsParams params, ExecutionContext context) {
        int n = data.n();
        if (n == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; min_samples="
                    + params.minSamples() + " needs at least " + params.minSamples() + " points");
        }
        if (params.minSamples() > n) {
            throw new DataException(ID + ": min_samples=" + params.minSamples() + " but the dataset '" + data.name()
                    + "' has only " + n + " points");
        }
        if (params.clusterMethod() == OpticsParams.ClusterMethod.XI && params.effectiveMinClusterSize() > n) {
            throw new DataException(ID + ": min_cluster_size=" + params.effectiveMinClusterSize() + " but the dataset '"
                    + data.name() + "' has only " + n + " points");
        }
        OpticsGraph graph = OpticsGraph.compute(data.data(), n, data.d(), params, context);
        List<int[]> hierarchy = List.of();
        int[] labels;
        if (params.clusterMethod() == OpticsParams.ClusterMethod.XI) {
            hierarchy = XiExtraction.clusters(graph, params.xi(), params.minSamples(), params.effectiveMinClusterSize(),
                    params.predecessorCorrection());
            labels = XiExtraction.xiLabels(graph.ordering(), hierarchy);
        } else {
            labels = XiExtraction.dbscanLabels(graph, params.extractionEps());
        }
        context.progress().progress(1.0, "optics: done");
        return ClusteringResult.builder(labels)
                .iterations(1)
                .converged(true)
                .pointScore("reachability", graph.reachability().clone())
                .pointScore("core_distance", graph.coreDistance().clone())
                .artifact(ArtifactKinds.REACHABILITY,
                        Reachability.ofRows(graph.ordering(), graph.reachability(), graph.coreDistance()))
                .model(new OpticsModel(data.data(), n, data.d(), params, graph, hierarchy, labels.clone()))
                .build();
    }
}

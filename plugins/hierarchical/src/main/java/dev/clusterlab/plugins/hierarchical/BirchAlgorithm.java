package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.MergeTree;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.Params;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * BIRCH (Zhang, Ramakrishnan and Livny 1996) with scikit-learn's {@code Birch} parameters and rules:
 * the points are inserted one by one, in row order, into a CF-tree of clustering features
 * ({@link BirchTree}); the leaf subclusters summarise the data, and a global step clusters their
 * centroids. Written from the paper, with scikit-learn 1.2.1's insertion and split rules
 * ({@link BirchNode}), so that the subclusters and labels are scikit-learn's for the same parameters
 * (on the reference data, made with scikit-learn 1.2.1 and numpy 1.24 on OpenBLAS, the subcluster
 * centroids are scikit-learn's to the last bit and in its order).
 *
 * <p><b>Algorithm.</b>
 * <ul>
 *   <li>CF-tree: a point descends to the nearest subcluster at each level and is absorbed by the
 *       nearest leaf subcluster if the merged radius stays {@code <= threshold}, else starts a new one;
 *       a node with more than {@code branching_factor} subclusters splits around its farthest pair.
 *       Time {@code O(n h B d)} (tree height {@code h}, branching factor {@code B}), single-threaded.</li>
 *   <li>Global step, {@code k > 0}: Ward's agglomerative clustering of the {@code m} subcluster
 *       centroids, cut into {@code k} clusters, as scikit-learn's {@code AgglomerativeClustering(n_clusters=k)}:
 *       the nearest-neighbour chain on centroids that {@link AgglomerativeAlgorithm} runs for ward
 *       ({@link WardChain}), then {@link MergeTree#cut};
 *       {@code O(m^2 d)} time, {@code O(m d)} memory, centroids rounded to float. With {@code k = 0}
 *       every subcluster is a cluster.</li>
 *   <li>Labels: every training point gets the label of its nearest subcluster centroid, as
 *       scikit-learn's {@code labels_} ({@link BirchModel}: exact double argmin of {@code |c|^2 - 2 x.c},
 *       through the engine's SIMD assigner in chunks, never an {@code n x m} matrix). Labels are made
 *       consecutive from 0 (a cluster that no training point is nearest to is left out of them).</li>
 * </ul>
 * Memory {@code O(m d)} beyond the data and labels. No randomness; the labels do not depend on the
 * thread count.
 *
 * <p><b>Fewer subclusters than {@code k}.</b> As scikit-learn 1.2.1, which then warns ("Number of
 * subclusters found by BIRCH is less than k. Decrease the threshold.", a {@code ConvergenceWarning})
 * and skips the global step: every subcluster is its own cluster. Here the result says it with
 * {@code converged() == false} and the final progress message; {@code k} larger than the number of
 * points is therefore not an error either. One subcluster and {@code k = 1} gives one cluster (scikit-learn
 * 1.2.1 raises there: its {@code AgglomerativeClustering} needs two samples).
 *
 * <p><b>Result.</b> Labels, {@code iterations() == 1} (one pass over the data),
 * {@code converged()} as above, and a {@link BirchModel} that predicts new points, transforms them to
 * subcluster distances, saves its subclusters and labels ({@link #restoreModel} rebuilds it) and
 * continues the fit ({@link #partialFit}). Sample weights are not used (scikit-learn's {@code Birch}
 * takes none).
 *
 * {@snippet :
 * BirchAlgorithm birch = new BirchAlgorithm();
 * ClusteringResult r = birch.fit(data, new BirchParams(0.5, 50, 3), context);
 * BirchModel model = (BirchModel) r.model().orElseThrow();
 * int subclusters = model.subclusterCount();   // scikit-learn's subcluster_centers_.shape[0]
 * boolean globalStepRan = r.converged();       // false: fewer subclusters than k
 * }
 *
 * <p><b>Parameters.</b> See {@link BirchParams}.
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "T. Zhang, R. Ramakrishnan, M. Livny",
        title = "BIRCH: an efficient data clustering method for very large databases",
        venue = "Proceedings of the 1996 ACM SIGMOD International Conference on Management of Data, 103-114", year = 1996,
        doi = "10.1145/233269.233324")
@Reference(authors = "J. H. Ward", title = "Hierarchical grouping to optimize an objective function",
        venue = "Journal of the American Statistical Association 58(301), 236-244", year = 1963,
        doi = "10.1080/01621459.1963.10500845")
public final class BirchAlgorithm implements ClusteringAlgorithm {
    static final String ID = "birch";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of(),
            "BIRCH", "1.0",
            "Summarises the data in one pass into a CF-tree of subclusters of radius <= threshold, then clusters the "
                    + "subcluster centroids with Ward's linkage into k clusters (k: 0 keeps every subcluster); scikit-learn's Birch.",
            BirchParams.SPECS, Citation.of(BirchAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.2 */
    public BirchAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, BirchParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters: builds a new CF-tree from all rows, in order.
     *
     * @param data the points; never modified
     * @param params the parameters
     * @param context kernels, threads, progress and cancellation (no randomness is used)
     * @return labels and a {@link BirchModel}
     * @throws DataException if the dataset is empty
     * @since 0.2
     */
    public ClusteringResult fit(Dataset data, BirchParams params, ExecutionContext context) {
        if (data.n() == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; BIRCH needs at least 1 point");
        }
        BirchTree tree = new BirchTree(params.threshold(), params.branchingFactor(), data.d());
        tree.insertAll(data.data(), data.n(), context, context.progress().stage(0, 0.5));
        return finish(tree, params, data, context);
    }

    /**
     * Online learning, as scikit-learn's {@code Birch.partial_fit}: inserts the rows of {@code chunk}, in
     * order, into (a copy of) the model's CF-tree, runs the global step again on all the subclusters,
     * and labels the chunk's rows. The first chunk is an ordinary {@link #fit}. The given model is not
     * changed; the returned result holds the continued one. The labels of two models may be numbered
     * differently (the global step is run afresh), as in scikit-learn.
     *
     * {@snippet :
     * BirchAlgorithm birch = new BirchAlgorithm();
     * ClusteringResult r = birch.fit(firstChunk, new BirchParams(0.5, 50, 3), context);
     * for (Dataset chunk : moreChunks) {
     *     r = birch.partialFit((BirchModel) r.model().orElseThrow(), chunk, context);
     * }
     * BirchModel model = (BirchModel) r.model().orElseThrow();  // the CF-tree of every chunk
     * int[] labels = model.predict(allData, context);
     * }
     *
     * @param model a model from {@link #fit} or an earlier {@code partialFit}, with its CF-tree
     *     ({@link BirchModel#hasTree()}); its parameters are used
     * @param chunk more points, with the model's number of features; never modified
     * @param context kernels, threads, progress and cancellation
     * @return the chunk's labels and the continued model
     * @throws DataException if the chunk is empty or has another number of features, or the model was
     *     restored from a saved state (which does not keep the CF-tree)
     * @since 0.2
     */
    public ClusteringResult partialFit(BirchModel model, Dataset chunk, ExecutionContext context) {
        if (!model.hasTree()) {
            throw new DataException(ID + ": the model was restored from a saved state, which keeps the subclusters but not "
                    + "the CF-tree; partial fitting needs a model from fit or partialFit");
        }
        if (chunk.d() != model.d()) {
            throw new DataException(ID + ": the model was fitted on " + model.d() + " features but the dataset '"
                    + chunk.name() + "' has " + chunk.d());
        }
        if (chunk.n() == 0) {
            throw new DataException(ID + ": the dataset '" + chunk.name() + "' is empty; partial fitting needs at least 1 point");
        }
        BirchTree tree = model.tree().copy();
        tree.insertAll(chunk.data(), chunk.n(), context, context.progress().stage(0, 0.5));
        return finish(tree, model.params(), chunk, context);
    }

    /** The global step on the tree's subclusters, then the labels of {@code data}. */
    private static ClusteringResult finish(BirchTree tree, BirchParams params, Dataset data, ExecutionContext context) {
        context.checkCancelled();
        int d = tree.d;
        double[] centroids = tree.centroids();
        int m = centroids.length / d;
        int k = params.k();
        boolean enough = m >= k;
        int[] global;
        if (k == 0 || !enough) {
            global = new int[m];
            for (int c = 0; c < m; c++) {
                global[c] = c;
            }
        } else if (m == 1) {
            global = new int[1];
        } else {
            float[] rows = new float[m * d];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = (float) centroids[i];
            }
            global = AgglomerativeAlgorithm.tree(rows, m, d, Linkage.WARD, Distance.EUCLIDEAN,
                    context.withProgress(context.progress().stage(0.5, 0.8))).cut(k);
        }
        context.checkCancelled();
        BirchModel provisional = new BirchModel(params, tree, centroids, m, d, global);
        int[] nearest = provisional.nearestSubclusters(data, context);
        // Consecutive labels over the data: the clusters used, in order, then the others.
        int clusters = 0;
        for (int g : global) {
            clusters = Math.max(clusters, g + 1);
        }
        boolean[] used = new boolean[clusters];
        for (int s : nearest) {
            used[global[s]] = true;
        }
        int[] renumber = new int[clusters];
        int next = 0;
        for (int g = 0; g < clusters; g++) {
            if (used[g]) {
                renumber[g] = next++;
            }
        }
        for (int g = 0; g < clusters; g++) {
            if (!used[g]) {
                renumber[g] = next++;
            }
        }
        int[] subclusterLabels = new int[m];
        for (int c = 0; c < m; c++) {
            subclusterLabels[c] = renumber[global[c]];
        }
        int[] labels = new int[nearest.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = subclusterLabels[nearest[i]];
        }
        BirchModel model = provisional.withLabels(subclusterLabels);
        String message = ID + ": " + m + " subclusters, " + clusters + " clusters"
                + (enough ? "" : "; fewer subclusters than k=" + k + ", global step skipped (decrease the threshold)");
        context.progress().progress(1.0, message);
        return ClusteringResult.builder(labels)
                .iterations(1)
                .converged(enough)
                .model(model)
                .build();
    }

    @Override
    public Optional<ClusterModel> restoreModel(Map<String, Object> state) {
        return Optional.of(BirchModel.restore(state));
    }
}

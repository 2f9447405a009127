package dev.clusterlab.plugins.categorical;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.Params;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * k-modes (Huang 1997, 1998): k-means for categorical data, with modes instead of means and the
 * simple matching dissimilarity (the number of attributes in which two rows differ) instead of the
 * squared Euclidean distance; the Python {@code kmodes} package's {@code KModes} parameters.
 *
 * <p><b>Columns.</b> Every column is categorical: a {@linkplain Dataset#isCategorical categorical}
 * column by its level codes, a numeric column by its distinct values (each value a level, as the
 * {@code kmodes} package treats any value it is given), so numeric columns should hold few distinct
 * values (counts, ratings, binned numbers).
 *
 * <p><b>Algorithm.</b> Initial modes by {@link InitMethod} (Cao, Liang and Bai 2009 by default: the
 * densest row, then rows of high density far from the modes chosen; deterministic, so it runs once
 * whatever {@code n_init}); then {@link PrototypeLoop}: every row to its nearest mode (the lowest
 * cluster on ties), every mode to the most frequent level of its cluster per attribute (the smallest
 * code on ties), until no row moves or {@code max_iter}; an empty cluster is re-seeded with the row
 * farthest from its mode. With Huang's or random initialisation the best of {@code n_init} runs (least
 * cost) is kept, each run seeded from {@code context.seed()}. The cost is the total matching
 * dissimilarity of the rows to their modes, an integer.
 *
 * <p><b>Few distinct rows.</b> {@code k > n} is a {@link DataException} naming {@code n}. If the data
 * have no more distinct rows than {@code k} (but at least {@code k} rows), each distinct row is a
 * cluster (fewer than {@code k}, in order of first occurrence), with cost 0 and no iteration, as the
 * {@code kmodes} package; the final progress message says so.
 *
 * <p><b>Cost.</b> Time {@code O(n k d)} per iteration (less: a row stops comparing once a mode is
 * known not to be nearer), the update {@code O(n d + k L)} with {@code L} the total number of levels;
 * memory {@code O(n d)} for the encoded rows plus {@code O(k L)} counts. The assignment runs over
 * fixed row chunks in parallel and the counts are exact, so labels and cost do not depend on the
 * thread count.
 *
 * <p><b>Result.</b> Labels (consecutive from 0), the cost as {@code objective()}, iterations and
 * convergence of the kept run, the modes as {@code centroids} (level codes; a numeric column's modal
 * value), the {@code prototypes} table (cluster, size, one column per feature), and a
 * {@link CategoricalModel} that predicts new rows (unseen levels mismatch every mode) and saves itself.
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "Z. Huang",
        title = "A fast clustering algorithm to cluster very large categorical data sets in data mining",
        venue = "Proceedings of the SIGMOD Workshop on Research Issues on Data Mining and Knowledge Discovery (DMKD), 1-8",
        year = 1997)
@Reference(authors = "Z. Huang",
        title = "Extensions to the k-means algorithm for clustering large data sets with categorical values",
        venue = "Data Mining and Knowledge Discovery 2, 283-304", year = 1998, doi = "10.1023/A:1009769707641")
@Reference(authors = "F. Cao, J. Liang, L. Bai", title = "A new initialization method for categorical data clustering",
        venue = "Expert Systems with Applications 36, 10223-10228", year = 2009, doi = "10.1016/j.eswa.2009.01.060")
public final class KModesAlgorithm implements ClusteringAlgorithm {
    static final String ID = "kmodes";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("k_modes"),
            "k-modes", "1.0",
            "k-means for categorical data: modes instead of means and the number of differing attributes as dissimilarity "
                    + "(numeric columns count by their distinct values); Cao's deterministic initialisation by default, as "
                    + "the Python kmodes package's KModes.",
            KModesParams.SPECS, Citation.of(KModesAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.2 */
    public KModesAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean acceptsCategorical() {
        return true;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, KModesParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the rows; never modified
     * @param params the parameters
     * @param context threads, seed (Huang's and random initialisation), progress and cancellation
     * @return labels, cost, modes and a {@link CategoricalModel}
     * @throws DataException if the dataset is empty, has fewer rows than {@code k}, or a missing value
     * @since 0.2
     */
    public ClusteringResult fit(Dataset data, KModesParams params, ExecutionContext context) {
        PrototypeFit.checkSize(ID, data, params.k());
        Attributes attributes = Attributes.of(ID, data, true);
        for (int j = 0; j < data.d(); j++) {
            // A continuous column makes almost every value its own level: matching then sees no similarity in it.
            if (attributes.kinds[j] == Attributes.Kind.VALUES && attributes.values[j].length > Math.max(32, data.n() / 2)) {
                context.progress().progress(0, ID + ": numeric column " + (j + 1) + " ('" + data.featureNames().get(j) + "') has "
                        + attributes.values[j].length + " distinct values, each a level for k-modes; bin it or use kprototypes");
            }
        }
        return PrototypeFit.fit(ID, data, attributes, params.k(), params.init(), params.nInit(), params.maxIter(), 1.0, context);
    }

    /** One run from the given initial rows (the reference tests start where the script starts). */
    static ClusteringResult fromRows(Dataset data, int[] rows, int maxIter, ExecutionContext context) {
        return PrototypeFit.fromRows(ID, data, Attributes.of(ID, data, true), rows, 1.0, maxIter, context);
    }

    /** Cao's initial rows for this dataset (the reference tests check them against the script). */
    static int[] caoRows(Dataset data, int k, ExecutionContext context) {
        Attributes attributes = Attributes.of(ID, data, true);
        return Seeding.cao(attributes.encode(data), attributes.levelCounts(), k, 1.0, context);
    }

    @Override
    public Optional<ClusterModel> restoreModel(Map<String, Object> state) {
        return Optional.of(CategoricalModel.restore(ID, state));
    }
}

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
 * k-prototypes (Huang 1998): k-means for tables of numeric and categorical columns, with the cost
 * {@code sum_j (x_j - q_j)^2 + gamma * #{categorical a : x_a != q_a}} (squared Euclidean distance on the
 * numeric columns plus {@code gamma} per mismatched categorical column); a prototype is the mean of
 * its rows in each numeric column (double) and their most frequent level in each categorical one. The
 * Python {@code kmodes} package's {@code KPrototypes} parameters. Without categorical columns it is
 * k-means; without numeric columns, k-modes.
 *
 * <p><b>gamma.</b> {@code gamma: 0} (the default, the package's {@code None}) is half the mean population
 * standard deviation of the numeric columns, as the package computes it; 1 if there are no numeric
 * columns or they are all constant (gamma then only scales the cost). The numeric columns are not
 * scaled: standardise them first if their units differ.
 *
 * <p><b>Initialisation</b> ({@link InitMethod}): the initial prototypes are rows of the data, as Huang
 * (1998) chooses {@code k} distinct records. {@code cao}: Cao, Liang and Bai's density (from the
 * categorical columns; all rows equally dense without them) times the mixed cost to the nearest
 * prototype chosen so far, the densest row first: deterministic, so it runs once (without categorical
 * columns this is farthest-first traversal from row 0). {@code huang}: each categorical value drawn
 * with its level frequencies and each numeric value as {@code mean + std * N(0, 1)} (the package's
 * numeric draw), then each prototype replaced by its nearest row not chosen before. {@code random}:
 * {@code k} distinct rows. The package instead keeps the drawn {@code mean + std * N(0, 1)} numeric
 * values as the initial means for every method, so its Cao initialisation is not deterministic for
 * mixed data; here it is.
 *
 * <p><b>Iteration</b> as {@link KModesAlgorithm} ({@link PrototypeLoop}): batch assignment and update,
 * empty clusters re-seeded with the farthest row, best of {@code n_init} runs by cost; labels and cost
 * bits do not depend on the thread count. {@code k > n} is a {@link DataException}; no more distinct
 * rows than {@code k} gives one cluster per distinct row.
 *
 * <p><b>Cost.</b> Time {@code O(n k d)} per iteration, memory {@code O(n d)} for the encoded rows plus
 * {@code O(k L)} level counts.
 *
 * <p><b>Result.</b> Labels, the cost as {@code objective()}, iterations, convergence, {@code centroids}
 * (means, and level codes in the categorical columns), the {@code prototypes} table and a
 * {@link CategoricalModel} (means, modes, gamma and the levels by name).
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "Z. Huang",
        title = "Extensions to the k-means algorithm for clustering large data sets with categorical values",
        venue = "Data Mining and Knowledge Discovery 2, 283-304", year = 1998, doi = "10.1023/A:1009769707641")
@Reference(authors = "F. Cao, J. Liang, L. Bai", title = "A new initialization method for categorical data clustering",
        venue = "Expert Systems with Applications 36, 10223-10228", year = 2009, doi = "10.1016/j.eswa.2009.01.060")
public final class KPrototypesAlgorithm implements ClusteringAlgorithm {
    static final String ID = "kprototypes";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("k_prototypes"),
            "k-prototypes", "1.0",
            "k-means for mixed tables: means on numeric columns, modes on categorical ones, cost = squared Euclidean "
                    + "distance + gamma x mismatches (gamma 0 = half the mean std of the numeric columns), as the Python "
                    + "kmodes package's KPrototypes.",
            KPrototypesParams.SPECS, Citation.of(KPrototypesAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.2 */
    public KPrototypesAlgorithm() {
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
        return fit(data, KPrototypesParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the rows; never modified
     * @param params the parameters
     * @param context threads, seed (Huang's and random initialisation), progress and cancellation
     * @return labels, cost, prototypes and a {@link CategoricalModel}
     * @throws DataException if the dataset is empty, has fewer rows than {@code k}, or a missing value
     * @since 0.2
     */
    public ClusteringResult fit(Dataset data, KPrototypesParams params, ExecutionContext context) {
        PrototypeFit.checkSize(ID, data, params.k());
        Attributes attributes = Attributes.of(ID, data, false);
        double gamma = params.gamma() > 0 ? params.gamma() : defaultGamma(data);
        return PrototypeFit.fit(ID, data, attributes, params.k(), params.init(), params.nInit(), params.maxIter(), gamma, context);
    }

    /**
     * The package's default gamma: {@code 0.5 * mean over numeric columns of their population standard
     * deviation} (two passes in double), or 1 when there is no numeric column or all are constant.
     *
     * @param data the rows
     * @return gamma
     * @since 0.2
     */
    public static double defaultGamma(Dataset data) {
        int[] numeric = data.numericColumns();
        int n = data.n();
        int d = data.d();
        float[] x = data.data();
        double sumStd = 0;
        for (int j : numeric) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[i * d + j];
            }
            double mean = s / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double dev = x[i * d + j] - mean;
                ss += dev * dev;
            }
            sumStd += Math.sqrt(ss / n);
        }
        double gamma = numeric.length == 0 ? 0 : 0.5 * sumStd / numeric.length;
        return gamma > 0 ? gamma : 1.0;
    }

    /** One run from the given initial rows (the reference tests start where the script starts). */
    static ClusteringResult fromRows(Dataset data, int[] rows, double gamma, int maxIter, ExecutionContext context) {
        return PrototypeFit.fromRows(ID, data, Attributes.of(ID, data, false), rows, gamma, maxIter, context);
    }

    /** Cao's initial rows under the mixed cost (the reference tests check them against the script). */
    static int[] caoRows(Dataset data, int k, double gamma, ExecutionContext context) {
        Attributes attributes = Attributes.of(ID, data, false);
        return Seeding.cao(attributes.encode(data), attributes.levelCounts(), k, gamma, context);
    }

    @Override
    public Optional<ClusterModel> restoreModel(Map<String, Object> state) {
        return Optional.of(CategoricalModel.restore(ID, state));
    }
}

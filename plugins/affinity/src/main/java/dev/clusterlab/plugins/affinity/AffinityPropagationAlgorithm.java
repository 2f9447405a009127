package dev.clusterlab.plugins.affinity;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.ArtifactTable;
import dev.clusterlab.api.artifact.TableArtifact;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamViolation;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Params;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Affinity Propagation (Frey and Dueck 2007) with scikit-learn 1.2.1's {@code AffinityPropagation}
 * parameters, defaults and results: points exchange responsibilities and availabilities until a set of
 * exemplars stays the same for {@code convergence_iter} iterations; the number of clusters follows from
 * the preferences.
 *
 * <p><b>Steps.</b>
 * <ol>
 *   <li>Similarities {@code s(i,k) = -|x_i - x_k|^2} ({@link Similarities}, the engine's SIMD kernel), or
 *       the dataset itself as an {@code n x n} matrix with {@code affinity: precomputed}.</li>
 *   <li>Preferences: a number, a feature column of per-point values ({@code preference_column}), or the
 *       median of all {@code n^2} similarities (diagonal included, as numpy's {@code median(S)}), found by an
 *       exact counting selection without a copy ({@link FloatSelect}).</li>
 *   <li>All off-diagonal similarities equal and all preferences equal: as scikit-learn, no message
 *       passing; every point is its own exemplar when the preference is at least the similarity, else one
 *       cluster with row 0 as exemplar (the run's message says so).</li>
 *   <li>The preferences go on the diagonal, plus a tiny tie-breaking noise from the run's seed
 *       (scikit-learn's {@code random_state}); then {@link MessagePassing} in float32, and
 *       {@link ExemplarLabels}.</li>
 * </ol>
 *
 * <p><b>Not converged.</b> As scikit-learn 1.2.1: when {@code max_iter} ends the fit first, the points
 * whose exemplar status is on still give exemplars and labels, {@code converged()} is false and the
 * run's message warns that they may be degenerate; with no exemplar at all every label is {@code -1}
 * and the model predicts {@code -1}.
 *
 * <p><b>Memory and time.</b> Three {@code n x n} float matrices ({@code 12 n^2} bytes: 300 MB at
 * {@code n = 5,000}, 1.2 GB at 10,000, 4.8 GB at 20,000) plus {@code 4 n} bytes per 64-row chunk;
 * scikit-learn holds four in float64 ({@code 32 n^2}). The fit refuses, before allocating, an {@code n}
 * whose matrices do not fit in the free heap, with the figure. Each iteration is {@code O(n^2)}, two
 * parallel passes over the rows.
 *
 * <p><b>Result.</b> Labels (clusters numbered by their exemplar's row), the exemplars' features as
 * centroids (not with precomputed similarities), the artifact {@code exemplars} (table
 * {@code cluster,row}: each cluster's exemplar, a 0-based row), iterations, convergence and, on
 * features, an {@link ExemplarModel} that predicts the nearest exemplar.
 *
 * {@snippet :
 * AffinityPropagationAlgorithm ap = new AffinityPropagationAlgorithm();
 * ClusteringResult r = ap.fit(data, new AffinityPropagationParams().withPreference("-50"), context);
 * int clusters = r.clusterCount();
 * int[] next = r.model().orElseThrow().predict(newPoints, context);  // nearest exemplar
 * }
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "B. J. Frey, D. Dueck", title = "Clustering by passing messages between data points",
        venue = "Science 315(5814), 972-976", year = 2007, doi = "10.1126/science.1136800")
public final class AffinityPropagationAlgorithm implements ClusteringAlgorithm {
    static final String ID = "affinity_propagation";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("ap"),
            "Affinity Propagation", "1.0",
            "Points pass responsibilities and availabilities until a set of exemplars settles; the number of clusters "
                    + "follows from the preference (median similarity by default); scikit-learn's AffinityPropagation.",
            AffinityPropagationParams.SPECS, Citation.of(AffinityPropagationAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.2 */
    public AffinityPropagationAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, AffinityPropagationParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the points, or with {@code affinity: precomputed} the {@code n x n} similarities; never modified
     * @param params the parameters
     * @param context kernels, threads, the seed of the tie-breaking noise, progress and cancellation
     * @return labels, exemplars and (on features) a model
     * @throws DataException if the dataset is empty, a precomputed matrix is not square or not finite, or
     *     the matrices do not fit in the heap
     * @throws ParameterException if {@code preference_column} names no feature
     * @since 0.2
     */
    public ClusteringResult fit(Dataset data, AffinityPropagationParams params, ExecutionContext context) {
        int n = data.n();
        if (n == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; Affinity Propagation needs at least 1 point");
        }
        int preferenceColumn = preferenceColumn(data, params);
        int d = data.d() - (preferenceColumn >= 0 ? 1 : 0);
        float[] x = features(data, preferenceColumn);
        boolean precomputed = params.affinity() == AffinityPropagationParams.Affinity.PRECOMPUTED;
        if (precomputed && d != n) {
            throw new DataException(ID + ": affinity 'precomputed' reads the dataset '" + data.name() + "' as the n x n "
                    + "similarity matrix, so it needs as many columns as rows; found " + n + " rows and " + d + " columns");
        }
        checkHeap(n, data.name());
        context.checkCancelled();
        float[][] s = precomputed ? Similarities.precomputed(x, n, data.name())
                : Similarities.negativeSquaredEuclidean(x, n, d, context);
        context.progress().progress(0.05, ID + ": similarities of " + n + " points");
        double[] preferences = preferences(data, params, preferenceColumn, s, context);
        int[] exemplars;
        int[] labels;
        int iterations;
        boolean converged;
        String message;
        if (n == 1 || Similarities.allEqual(s, preferences)) {
            boolean everyPoint = n > 1 && preferences[0] >= s[0][n - 1];
            exemplars = everyPoint ? identity(n) : new int[] {0};
            labels = everyPoint ? identity(n) : new int[n];
            iterations = 0;
            converged = true;
            message = n == 1 ? ID + ": one point, one cluster"
                    : ID + ": all points have mutually equal similarities and preferences; "
                    + (everyPoint ? "every point is its own exemplar" : "one cluster, exemplar row 0") + " (as scikit-learn)";
        } else {
            Similarities.placePreferencesAndNoise(s, preferences, context);
            MessagePassing messages = new MessagePassing(s);
            messages.run(params.damping(), params.maxIter(), params.convergenceIter(), context,
                    context.progress().stage(0.05, 0.95));
            ExemplarLabels found = ExemplarLabels.of(s, messages.exemplars());
            exemplars = found.exemplars();
            labels = found.labels();
            iterations = messages.iterations();
            converged = messages.converged();
            message = ID + ": " + exemplars.length + " exemplars after " + iterations + " iterations"
                    + (converged ? "" : exemplars.length > 0
                    ? "; did not converge: the exemplars and labels may be degenerate (raise max_iter or damping)"
                    : "; did not converge and found no exemplar: every label is -1 (raise max_iter or damping)");
        }
        context.progress().progress(1.0, message);
        ClusteringResult.Builder result = ClusteringResult.builder(labels)
                .iterations(iterations)
                .converged(converged)
                .artifact("exemplars", new TableArtifact("exemplars", ArtifactTable.builder()
                        .ints("cluster", identity(exemplars.length)).ints("row", exemplars).build()));
        if (!precomputed) {
            float[] centres = new float[exemplars.length * d];
            for (int c = 0; c < exemplars.length; c++) {
                System.arraycopy(x, exemplars[c] * d, centres, c * d, d);
            }
            result.centroids(centres, exemplars.length).model(new ExemplarModel(centres.clone(), exemplars.length, d));
        }
        return result.build();
    }

    @Override
    public Optional<ClusterModel> restoreModel(Map<String, Object> state) {
        return Optional.of(ExemplarModel.restore(state));
    }

    /** The index of {@code preference_column} among the features, or -1. */
    private static int preferenceColumn(Dataset data, AffinityPropagationParams params) {
        String name = params.preferenceColumn();
        if (name.isEmpty()) {
            return -1;
        }
        int column = data.featureNames().indexOf(name);
        if (column < 0) {
            throw ParameterException.of(List.of(new ParamViolation.Invalid(ID, "preference_column",
                    "a feature of '" + data.name() + "': " + String.join(", ", data.featureNames()), "'" + name + "'")));
        }
        if (data.d() < 2) {
            throw new DataException(ID + ": preference_column '" + name + "' is the only column of '" + data.name()
                    + "'; no feature is left to cluster on");
        }
        return column;
    }

    /** The rows without the preference column (the data itself when there is none). */
    private static float[] features(Dataset data, int skip) {
        float[] all = data.data();
        if (skip < 0) {
            return all;
        }
        int n = data.n();
        int d = data.d();
        float[] out = new float[n * (d - 1)];
        for (int i = 0, o = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                if (j != skip) {
                    out[o++] = all[i * d + j];
                }
            }
        }
        return out;
    }

    /** One preference per point: the column, the given number, or the median of the similarities. */
    private static double[] preferences(Dataset data, AffinityPropagationParams params, int column, float[][] s,
                                        ExecutionContext context) {
        int n = data.n();
        double[] out = new double[n];
        if (column >= 0) {
            for (int i = 0; i < n; i++) {
                float v = data.get(i, column);
                if (!Float.isFinite(v)) {
                    throw new DataException(ID + ": the preference in row " + (i + 1) + " of column '" + params.preferenceColumn()
                            + "' of '" + data.name() + "' is " + v + "; expected a finite number");
                }
                out[i] = v;
            }
            return out;
        }
        Arrays.fill(out, params.fixedPreference().orElseGet(() -> FloatSelect.median(s, context.parallel())));
        return out;
    }

    /** Refuses, before allocating, matrices that the heap cannot hold, with the figure. */
    private static void checkHeap(int n, String where) {
        Runtime rt = Runtime.getRuntime();
        checkHeap(n, where, rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
    }

    /**
     * @param n points
     * @param where the dataset, for the message
     * @param free bytes the heap can still give
     * @throws DataException if the three matrices need more
     */
    static void checkHeap(int n, String where, long free) {
        long need = 4L * n * n + MessagePassing.bytesNeeded(n);
        if (need > free) {
            throw new DataException(String.format(Locale.ROOT, "%s: %,d points of '%s' need %.2f GB for the similarity, "
                            + "responsibility and availability matrices (3 x 4 n^2 bytes), but the heap has %.2f GB free; "
                            + "give the JVM more (CLUSTERLAB_OPTS=-Xmx..., the child JVM: CLUSTERLAB_CHILD_OPTS) or cluster fewer points",
                    ID, n, where, need / 1e9, free / 1e9));
        }
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}

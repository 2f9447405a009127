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
 *   <li>Similarities {@code s(i,k) = -|x_i - x_k|^2} ({@link SimilarityRows}, loops compiled to SIMD), or
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
 * <p><b>Memory and time.</b> The responsibilities and availabilities, two {@code n x n} float matrices
 * ({@code 8 n^2} bytes: 200 MB at {@code n = 5,000}, 800 MB at 10,000, 3.2 GB at 20,000), plus
 * {@code 20 n} bytes per chunk of rows, each matrix one array that the JVM's young collections never
 * copy ({@link MessagePassing}); scikit-learn holds four float64 ones ({@code 32 n^2}). The
 * similarities are a third matrix ({@code 4 n^2} more) with more than {@value #REMAKE_MAX_D} features
 * or precomputed similarities, when the heap holds it; otherwise each row is made again on every pass
 * from the features ({@code 2d} flops per entry) or from the precomputed matrix, the
 * dataset's own array ({@link Similarities}). The fit refuses, before allocating, an {@code n} whose
 * matrices do not fit, with the figure (and any {@code n} above 46,340, whose {@code n^2} entries no
 * Java array holds). Each iteration is one parallel pass over the rows.
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

    /** What the typed record refuses (free-text values, values that must agree), found before any fit. */
    @Override
    public java.util.List<dev.clusterlab.api.param.ParamViolation> validate(Params params) {
        try {
            AffinityPropagationParams.from(params);
            return java.util.List.of();
        } catch (dev.clusterlab.api.param.ParameterException e) {
            return e.problems();
        }
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
        boolean wantKept = precomputed || d > REMAKE_MAX_D;
        long free = freeHeap();
        if (!fits(n, wantKept, free)) {
            // Garbage counts as used until collected (an earlier fit's matrices, say): collect once before choosing.
            System.gc();
            free = freeHeap();
        }
        boolean keep = wantKept && fits(n, true, free);
        checkHeap(n, data.name(), keep, free);
        context.checkCancelled();
        SimilarityRows rows = precomputed ? SimilarityRows.precomputed(x, n, data.name())
                : SimilarityRows.features(x, n, d);
        double[] preferences = preferences(data, params, preferenceColumn, rows, context);
        context.progress().progress(0.05, ID + ": similarities and preferences of " + n + " points");
        int[] exemplars;
        int[] labels;
        int iterations;
        boolean converged;
        String message;
        if (n == 1 || Similarities.allEqual(rows, preferences)) {
            boolean everyPoint = n > 1 && preferences[0] >= Similarities.corner(rows);
            exemplars = everyPoint ? identity(n) : new int[] {0};
            labels = everyPoint ? identity(n) : new int[n];
            iterations = 0;
            converged = true;
            message = n == 1 ? ID + ": one point, one cluster"
                    : ID + ": all points have mutually equal similarities and preferences; "
                    + (everyPoint ? "every point is its own exemplar" : "one cluster, exemplar row 0") + " (as scikit-learn)";
        } else {
            Similarities s = new Similarities(rows, preferences, context, keep);
            MessagePassing messages = new MessagePassing(s);
            messages.run(params.damping(), params.maxIter(), params.convergenceIter(), context,
                    context.progress().stage(0.05, 0.95));
            ExemplarLabels found = ExemplarLabels.of(s, messages.exemplars());
            exemplars = found.exemplars();
            labels = found.labels();
            iterations = messages.iterations();
            converged = messages.converged();
            message = ID + ": " + exemplars.length + " exemplars after " + iterations + " iterations"
                    + (keep || !wantKept ? "" : " (similarity rows remade on each pass: the heap could not hold their n x n matrix)")
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
    private static double[] preferences(Dataset data, AffinityPropagationParams params, int column, SimilarityRows s,
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

    /**
     * Up to this many features the similarity rows are remade from the features on every pass rather
     * than kept: {@code 2d} flops per entry cost less than a third matrix. Measured on 5,000 x 16 blobs,
     * 2 threads (Zen 5): 1.6 s remade against 1.34 s kept, with 200 MB of matrices against 300 MB
     * (peak RSS 319 MB under -Xmx250m, 548 MB kept under the default heap).
     */
    static final int REMAKE_MAX_D = 32;

    private static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** Whether the message matrices, and the similarity matrix if asked, fit in {@code free} bytes. */
    private static boolean fits(int n, boolean similarityMatrix, long free) {
        return (long) n * n <= MAX_ENTRIES && bytesNeeded(n, similarityMatrix) <= free;
    }

    private static long bytesNeeded(int n, boolean similarityMatrix) {
        return (similarityMatrix ? 4L * n * n : 0) + MessagePassing.bytesNeeded(n);
    }

    /**
     * Refuses, before allocating, matrices that the heap cannot hold, with the figure.
     *
     * @param n points
     * @param where the dataset, for the message
     * @param similarityMatrix whether a similarity matrix is stored besides the two message matrices
     * @param free bytes the heap can still give
     * @throws DataException if the matrices need more, or more entries than one Java array holds
     */
    static void checkHeap(int n, String where, boolean similarityMatrix, long free) {
        int matrices = similarityMatrix ? 3 : 2;
        if ((long) n * n > MAX_ENTRIES) {
            throw new DataException(String.format(Locale.ROOT, "%s: %,d points of '%s' are more than Affinity Propagation takes here: "
                    + "its n x n matrices hold at most %,d entries each (n <= %,d); cluster fewer points or a sample", ID, n, where,
                    MAX_ENTRIES, (int) Math.sqrt(MAX_ENTRIES)));
        }
        long need = bytesNeeded(n, similarityMatrix);
        if (need > free) {
            throw new DataException(String.format(Locale.ROOT, "%s: %,d points of '%s' need %.2f GB for the %s matrices "
                            + "(%d x 4 n^2 bytes), but the heap has %.2f GB free; give the JVM more (CLUSTERLAB_OPTS=-Xmx..., "
                            + "the child JVM: CLUSTERLAB_CHILD_OPTS) or cluster fewer points",
                    ID, n, where, need / 1e9, similarityMatrix ? "similarity, responsibility and availability"
                            : "responsibility and availability", matrices, free / 1e9));
        }
    }

    /** The most entries one float array holds. */
    private static final long MAX_ENTRIES = Integer.MAX_VALUE - 8;

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}

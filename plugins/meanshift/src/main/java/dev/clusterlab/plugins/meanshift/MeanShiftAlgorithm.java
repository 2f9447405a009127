package dev.clusterlab.plugins.meanshift;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.Reference;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.Params;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Mean Shift with a flat kernel (Fukunaga and Hostetler 1975; Cheng 1995; Comaniciu and Meer 2002), with
 * scikit-learn 1.2.1's {@code MeanShift} parameters, seeding, stopping rule, merging of near-identical
 * modes and labels, so that on the same float32 data the labels and the number of clusters are
 * scikit-learn's and the centres agree to double rounding.
 *
 * <p><b>Algorithm.</b>
 * <ol>
 *   <li>Bandwidth: the given one, or scikit-learn's {@code estimate_bandwidth} ({@link BandwidthEstimate}).</li>
 *   <li>Seeds ({@link Seeding}): the given {@code seeds}; with {@code bin_seeding} one per grid cell of side
 *       {@code bandwidth} holding at least {@code min_bin_freq} points; else every point.</li>
 *   <li>Each seed moves to the mean of the points within {@code bandwidth} until it moves less than
 *       {@code 1e-3 bandwidth} or has moved {@code max_iter} times after the first ({@link ModeSeeking}), in
 *       parallel; each window is summed over the engine's compact-block layout ({@link Windows}: whole
 *       blocks inside or outside the window are taken or skipped at once, so a step costs about the
 *       window's boundary, not its contents), and steps already taken from the same mean are reused.</li>
 *   <li>Centres ({@link Modes}): the seeds' final means by intensity (points within bandwidth), each
 *       removing the less intense ones within {@code bandwidth} of it (through the engine's neighbour
 *       index over the candidate centres).</li>
 *   <li>Labels: the nearest centre ({@link MeanShiftModel}); with {@code cluster_all: false} a point
 *       farther than {@code bandwidth} from every centre is noise ({@code -1}).</li>
 * </ol>
 * Time {@code O(distinct steps * (blocks + boundary points) d)} for the climb (the estimate, when used, is
 * {@code O(m^2 d)} in the sample size m), plus {@code O(n k d)} for the labels; memory {@code O((n + seeds) d)}.
 * No randomness (the estimate's sample is numpy's {@code RandomState(0)}, as scikit-learn's); the result
 * does not depend on the thread count.
 *
 * <p><b>Errors and messages.</b> As scikit-learn: no point within bandwidth of any seed is a
 * {@link DataException} ("no point was within bandwidth=... of any seed"); bin seeding that gives every
 * point a cell of its own falls back to every point and says so in the final progress message. An
 * estimated bandwidth of 0 is refused (scikit-learn would run with a zero radius).
 *
 * <p><b>Result.</b> Labels; the centres as {@link ClusteringResult#centroids()} (in label order);
 * {@code iterations()} is scikit-learn's {@code n_iter_} (the most moves of any seed);
 * {@code converged()} whether every seed stopped by the threshold rather than by {@code max_iter}; a
 * {@link MeanShiftModel} that predicts the nearest centre and saves its state.
 *
 * {@snippet :
 * MeanShiftAlgorithm ms = new MeanShiftAlgorithm();
 * ClusteringResult r = ms.fit(data, new MeanShiftParams(2.0), context);   // bandwidth 2; 0 estimates it
 * MeanShiftModel model = (MeanShiftModel) r.model().orElseThrow();
 * double[] centres = model.centres();           // scikit-learn's cluster_centers_
 * int[] labels = model.predict(newPoints, context);
 * }
 *
 * <p><b>Parameters.</b> See {@link MeanShiftParams}.
 *
 * @since 0.2
 */
@Extension
@Reference(authors = "K. Fukunaga, L. Hostetler",
        title = "The estimation of the gradient of a density function, with applications in pattern recognition",
        venue = "IEEE Transactions on Information Theory 21(1), 32-40", year = 1975, doi = "10.1109/TIT.1975.1055330")
@Reference(authors = "Y. Cheng", title = "Mean shift, mode seeking, and clustering",
        venue = "IEEE Transactions on Pattern Analysis and Machine Intelligence 17(8), 790-799", year = 1995,
        doi = "10.1109/34.400568")
@Reference(authors = "D. Comaniciu, P. Meer", title = "Mean shift: a robust approach toward feature space analysis",
        venue = "IEEE Transactions on Pattern Analysis and Machine Intelligence 24(5), 603-619", year = 2002,
        doi = "10.1109/34.1000236")
public final class MeanShiftAlgorithm implements ClusteringAlgorithm {
    static final String ID = "mean_shift";
    private static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor(ID, List.of("meanshift"),
            "Mean Shift", "1.0",
            "Moves seeds (every point, or grid cells with bin_seeding) to the mean of the points within bandwidth until they "
                    + "settle, keeps the most intense of any modes closer than bandwidth, and labels points by the nearest "
                    + "mode; scikit-learn's MeanShift (flat kernel), bandwidth: 0 estimates it as estimate_bandwidth.",
            MeanShiftParams.SPECS, Citation.of(MeanShiftAlgorithm.class));

    /** Creates the (stateless) algorithm; PF4J calls it. @since 0.2 */
    public MeanShiftAlgorithm() {
    }

    @Override
    public AlgorithmDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** What the typed record refuses (free-text values, values that must agree), found before any fit. */
    @Override
    public java.util.List<dev.clusterlab.api.param.ParamViolation> validate(Params params) {
        try {
            MeanShiftParams.from(params);
            return java.util.List.of();
        } catch (dev.clusterlab.api.param.ParameterException e) {
            return e.problems();
        }
    }

    @Override
    public ClusteringResult fit(Dataset data, Params params, ExecutionContext context) {
        return fit(data, MeanShiftParams.from(params), context);
    }

    /**
     * Clusters the dataset with typed parameters.
     *
     * @param data the points; never modified
     * @param params the parameters ({@code bandwidth: 0} estimates it)
     * @param context kernels, threads, progress and cancellation (no randomness is used)
     * @return labels, centres and a {@link MeanShiftModel}
     * @throws DataException if the dataset is empty, no seed has a point within bandwidth, or bin seeding
     *     leaves no seed
     * @throws dev.clusterlab.api.param.ParameterException if {@code seeds} has another dimension than the data
     * @since 0.2
     */
    public ClusteringResult fit(Dataset data, MeanShiftParams params, ExecutionContext context) {
        int n = data.n();
        int d = data.d();
        if (n == 0) {
            throw new DataException(ID + ": the dataset '" + data.name() + "' is empty; Mean Shift needs at least 1 point");
        }
        float[] x = data.data();
        boolean estimated = params.bandwidth() == 0;
        double bandwidth = estimated
                ? BandwidthEstimate.estimate(x, n, d, params.quantile(), params.nSamples(), context)
                : params.bandwidth();
        MeanShiftParams used = params.withBandwidth(bandwidth);
        context.progress().progress(0.1, String.format(Locale.ROOT, "%s: bandwidth %s%s", ID, bandwidth,
                estimated ? " (estimated)" : ""));
        context.checkCancelled();
        Seeding seeding = Seeding.choose(x, n, d, used);
        Windows windows = new Windows(context.kernels().compactBlocks(x, n, d, Distance.EUCLIDEAN, Windows.BLOCK_ROWS), n, d);
        ModeSeeking.Outcome outcome = ModeSeeking.climb(windows, d, seeding.seeds(), seeding.count(), bandwidth,
                params.maxIter(), context, context.progress().stage(0.1, 0.9));
        context.checkCancelled();
        double[] centres = Modes.centres(outcome, d, bandwidth, context);
        int m = centres.length / d;
        int[] identity = new int[m];
        for (int c = 0; c < m; c++) {
            identity[c] = c;
        }
        MeanShiftModel provisional = new MeanShiftModel(used, centres, m, d, identity);
        int[] nearest = provisional.nearestCentres(data, context);
        int[] centreLabels = consecutive(nearest, m);
        int[] labels = new int[n];
        int noise = 0;
        double bw = bandwidth;
        for (int i = 0; i < n; i++) {
            // scikit-learn compares the distance itself (a square root) with the bandwidth
            if (!params.clusterAll() && !(Math.sqrt(provisional.squaredDistance(x, i, nearest[i])) <= bw)) {
                labels[i] = -1;
                noise++;
            } else {
                labels[i] = centreLabels[nearest[i]];
            }
        }
        MeanShiftModel model = new MeanShiftModel(used, centres, m, d, centreLabels);
        float[] centroids = new float[m * d];
        for (int c = 0; c < m; c++) {
            for (int j = 0; j < d; j++) {
                centroids[centreLabels[c] * d + j] = (float) centres[c * d + j];
            }
        }
        int maxIterations = 0;
        boolean converged = true;
        for (int i = 0; i < outcome.counts().length; i++) {
            maxIterations = Math.max(maxIterations, outcome.iterations()[i]);
            if (outcome.counts()[i] > 0 && !outcome.converged()[i]) {
                converged = false;
            }
        }
        String message = String.format(Locale.ROOT, "%s: %d clusters, bandwidth %s%s; %s; n_iter %d%s%s", ID, m, bandwidth,
                estimated ? " (estimated)" : "", seeding.note(), maxIterations,
                converged ? "" : "; some seeds stopped at max_iter", params.clusterAll() ? "" : "; " + noise + " orphans (-1)");
        context.progress().progress(1.0, message);
        return ClusteringResult.builder(labels)
                .centroids(centroids, m)
                .iterations(maxIterations)
                .converged(converged)
                .model(model)
                .build();
    }

    /** Labels 0.. for the centres some row is nearest to, in centre order, then the others. */
    private static int[] consecutive(int[] nearest, int m) {
        boolean[] used = new boolean[m];
        for (int c : nearest) {
            used[c] = true;
        }
        int[] label = new int[m];
        int next = 0;
        for (int c = 0; c < m; c++) {
            if (used[c]) {
                label[c] = next++;
            }
        }
        for (int c = 0; c < m; c++) {
            if (!used[c]) {
                label[c] = next++;
            }
        }
        return label;
    }

    @Override
    public Optional<ClusterModel> restoreModel(Map<String, Object> state) {
        return Optional.of(MeanShiftModel.restore(state));
    }
}

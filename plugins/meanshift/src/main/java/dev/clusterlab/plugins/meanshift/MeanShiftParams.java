package dev.clusterlab.plugins.meanshift;

import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParamViolation;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated parameters of {@link MeanShiftAlgorithm}, with scikit-learn's {@code MeanShift} names,
 * defaults and ranges. {@link #SPECS} is the single source of names, defaults, ranges and descriptions.
 * scikit-learn's {@code bandwidth=None} is {@code bandwidth: 0}: the bandwidth is then estimated as
 * scikit-learn's {@code estimate_bandwidth(X, quantile, n_samples, random_state=0)} (its
 * {@code MeanShift.fit} calls it with {@code quantile=0.3} and every sample, the defaults here).
 * scikit-learn's {@code seeds} array is written as text, rows separated by {@code ;} and coordinates by
 * {@code ,} ({@code seeds: "0,0; 5,5"}); empty is scikit-learn's {@code seeds=None}.
 *
 * @param bandwidth the radius of the flat kernel, in {@code (0, inf)}, or 0 to estimate it
 * @param quantile the quantile of the estimate: the average distance to the
 *     {@code int(quantile * n_samples)}-th nearest neighbour (the point itself first); in {@code [0, 1]}
 * @param nSamples how many points the estimate uses (numpy's {@code RandomState(0).permutation}, as
 *     scikit-learn), in {@code [1, inf)}, or 0 for all
 * @param seeds explicit starting points as text, or empty for scikit-learn's {@code None}
 * @param binSeeding start from the occupied cells of a grid of side {@code bandwidth} instead of from
 *     every point (ignored when {@code seeds} is given)
 * @param minBinFreq the fewest points a grid cell needs to give a seed, in {@code [1, inf)}
 * @param clusterAll whether points farther than {@code bandwidth} from every centre still get the
 *     nearest centre's label (true) or {@code -1} (false)
 * @param maxIter the most shifts per seed after the first, in {@code [0, inf)}
 * @since 0.2
 */
public record MeanShiftParams(double bandwidth, double quantile, int nSamples, String seeds, boolean binSeeding,
                              int minBinFreq, boolean clusterAll, int maxIter) implements AlgorithmParams {
    private static final String OWNER = MeanShiftAlgorithm.ID;
    private static final ParamSpec BANDWIDTH = ParamSpec.real("bandwidth", 0.0, 0, false, Double.POSITIVE_INFINITY, false,
                    "radius of the flat kernel: each seed moves to the mean of the points within this distance; "
                            + "0 = estimate_bandwidth(quantile, n_samples) as scikit-learn's bandwidth=None")
            .withSentinel(0, "estimate it from quantile and n_samples");
    private static final ParamSpec QUANTILE = ParamSpec.real("quantile", 0.3, 0, true, 1, true,
            "bandwidth estimate: average distance to the int(quantile * n_samples)-th nearest neighbour (0.5 = median)");
    private static final ParamSpec N_SAMPLES = ParamSpec.intAtLeast("n_samples", 0, 1,
                    "bandwidth estimate: number of points used, drawn as numpy's RandomState(0).permutation; 0 = all")
            .withSentinel(0, "all points");
    private static final ParamSpec SEEDS = ParamSpec.text("seeds", "",
            "starting points, rows separated by ';' and coordinates by ',' (\"0,0; 5,5\"); empty = every point, or bin seeding");
    private static final ParamSpec BIN_SEEDING = ParamSpec.flag("bin_seeding", false,
            "seed from the grid cells of side bandwidth holding >= min_bin_freq points instead of from every point");
    private static final ParamSpec MIN_BIN_FREQ = ParamSpec.intAtLeast("min_bin_freq", 1, 1,
            "bin seeding: fewest points a grid cell needs to give a seed");
    private static final ParamSpec CLUSTER_ALL = ParamSpec.flag("cluster_all", true,
            "true: every point gets the nearest centre; false: points farther than bandwidth from every centre are noise (-1)");
    private static final ParamSpec MAX_ITER = ParamSpec.intAtLeast("max_iter", 300, 0,
            "most iterations per seed before it stops where it is");

    /** Every parameter, in the order help shows them. @since 0.2 */
    public static final List<ParamSpec> SPECS = List.of(BANDWIDTH, QUANTILE, N_SAMPLES, SEEDS, BIN_SEEDING,
            MIN_BIN_FREQ, CLUSTER_ALL, MAX_ITER);

    /** Checks every value against {@link #SPECS} and the syntax of {@code seeds}; one exception names each violation. */
    public MeanShiftParams {
        seeds = seeds == null ? "" : seeds.strip();
        List<ParamViolation> problems = new ArrayList<>(ParamBinder.check(OWNER, SPECS, bandwidth, quantile, nSamples,
                seeds, binSeeding, minBinFreq, clusterAll, maxIter));
        String syntax = SeedText.problem(seeds);
        if (syntax != null) {
            problems.add(new ParamViolation.Invalid(OWNER, SEEDS.name(), SeedText.EXPECTED, syntax));
        }
        if (!problems.isEmpty()) {
            throw ParameterException.of(problems);
        }
    }

    /**
     * scikit-learn's defaults with the given bandwidth.
     *
     * @param bandwidth the kernel radius, or 0 to estimate it
     * @since 0.2
     */
    public MeanShiftParams(double bandwidth) {
        this(bandwidth, 0.3, 0, "", false, 1, true, 300);
    }

    /**
     * Reads values bound against {@link #SPECS}.
     *
     * @param p bound values
     * @return the parameters
     * @since 0.2
     */
    public static MeanShiftParams from(Params p) {
        return new MeanShiftParams(p.getDouble(BANDWIDTH.name()), p.getDouble(QUANTILE.name()), p.getInt(N_SAMPLES.name()),
                p.getString(SEEDS.name()), p.getBoolean(BIN_SEEDING.name()), p.getInt(MIN_BIN_FREQ.name()),
                p.getBoolean(CLUSTER_ALL.name()), p.getInt(MAX_ITER.name()));
    }

    /**
     * @param value the bandwidth to use instead
     * @return the same parameters with another bandwidth (the estimated one)
     * @since 0.2
     */
    public MeanShiftParams withBandwidth(double value) {
        return new MeanShiftParams(value, quantile, nSamples, seeds, binSeeding, minBinFreq, clusterAll, maxIter);
    }

    /** @return the algorithm's id @since 0.2 */
    @Override
    public String algorithmId() {
        return OWNER;
    }

    /** @return every parameter by its spec name, in spec order @since 0.2 */
    @Override
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(BANDWIDTH.name(), bandwidth);
        values.put(QUANTILE.name(), quantile);
        values.put(N_SAMPLES.name(), nSamples);
        values.put(SEEDS.name(), seeds);
        values.put(BIN_SEEDING.name(), binSeeding);
        values.put(MIN_BIN_FREQ.name(), minBinFreq);
        values.put(CLUSTER_ALL.name(), clusterAll);
        values.put(MAX_ITER.name(), maxIter);
        return values;
    }
}

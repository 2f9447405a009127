package dev.clusterlab.host.experiment;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.plugin.Loaded;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The gap statistic of Tibshirani, Walther and Hastie (2001, J. R. Statist. Soc. B 63, 411-423) for one
 * configuration: how much tighter its clusters are than those the same configuration finds in data with
 * no clusters. {@code W} is the pooled within-cluster sum of squares of a labelling (noise left out);
 * {@code references} datasets are drawn uniformly over the box the data span, feature by feature (the
 * paper's reference (a)), each refitted with the same parameters, and
 * {@code gap = mean(log W*) - log W}, {@code gap_sd = sd(log W*) sqrt(1 + 1/B)}. Over a sweep of k the
 * suggestion ({@code KSuggestion.gapRule}) is the smallest k with {@code gap(k) >= gap(k') - gap_sd(k')}
 * for the next k' swept.
 * Defined on numeric columns only: on categorical ones it is NaN.
 */
public final class GapStatistic {
    /** The two metric ids experiments list. */
    static final String GAP = "gap";
    static final String GAP_SD = "gap_sd";
    /** Both ids, in column order. */
    static final List<String> IDS = List.of(GAP, GAP_SD);

    /** @param references reference datasets B, at least 2 */
    public record Settings(int references) {
    }

    /**
     * @param gap the gap
     * @param sd its standard error
     */
    record Result(double gap, double sd) {
    }

    private GapStatistic() {
    }

    /**
     * @param lab the session
     * @param alg the algorithm
     * @param data the rows the fit saw
     * @param params its raw parameters
     * @param labels the fit's labels
     * @param s how many references
     * @param ctx the run's context: its seed draws the references, reference b is fitted with seed + 1 + b
     * @return the gap and its standard error (NaN on categorical data)
     */
    static Result of(ClusterLab lab, Loaded<ClusteringAlgorithm> alg, Dataset data, Map<String, ?> params, int[] labels, Settings s,
                     ExecutionContext ctx) {
        if (data.hasCategorical() || data.n() < 2) {
            return new Result(Double.NaN, Double.NaN);
        }
        int n = data.n();
        int d = data.d();
        float[] x = data.data();
        float[] lo = new float[d];
        float[] hi = new float[d];
        java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                lo[j] = Math.min(lo[j], x[i * d + j]);
                hi[j] = Math.max(hi[j], x[i * d + j]);
            }
        }
        SplittableRandom random = new SplittableRandom(ctx.seed() ^ 0x9E3779B97F4A7C15L);
        double[] logW = new double[s.references()];
        for (int b = 0; b < s.references(); b++) {
            ctx.checkCancelled();
            float[] u = new float[n * d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    u[i * d + j] = (float) (lo[j] + (hi[j] - lo[j]) * random.nextDouble());
                }
            }
            Dataset ref = Dataset.of(data.name() + "-reference", n, d, u, data.featureNames(), null);
            int[] refLabels = lab.fit(alg, ref, params, ctx.withSeed(ctx.seed() + 1 + b)).result().labels();
            logW[b] = Math.log(within(ref, refLabels));
        }
        double mean = java.util.Arrays.stream(logW).average().orElse(Double.NaN);
        double var = java.util.Arrays.stream(logW).map(v -> (v - mean) * (v - mean)).sum() / s.references();
        return new Result(mean - Math.log(within(data, labels)), Math.sqrt(var) * Math.sqrt(1 + 1.0 / s.references()));
    }

    /** @return the pooled within-cluster sum of squared distances to the cluster means, noise left out (double, two passes) */
    static double within(Dataset data, int[] labels) {
        int d = data.d();
        int k = java.util.Arrays.stream(labels).max().orElse(-1) + 1;
        double[] mean = new double[k * d];
        long[] count = new long[k];
        float[] x = data.data();
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c >= 0) {
                count[c]++;
                for (int j = 0; j < d; j++) {
                    mean[c * d + j] += x[i * d + j];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                mean[c * d + j] /= Math.max(1, count[c]);
            }
        }
        double w = 0;
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i];
            if (c >= 0) {
                for (int j = 0; j < d; j++) {
                    double t = x[i * d + j] - mean[c * d + j];
                    w += t * t;
                }
            }
        }
        return w;
    }
}

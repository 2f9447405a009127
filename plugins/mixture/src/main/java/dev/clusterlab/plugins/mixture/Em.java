package dev.clusterlab.plugins.mixture;

import dev.clusterlab.api.algorithm.IterationStats;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.plugins.mixture.GmmParams.CovarianceType;
import java.util.ArrayList;
import java.util.List;

/**
 * One EM run from given initial responsibilities, as scikit-learn's {@code fit} does for one
 * initialisation: the initial parameters from the responsibilities ({@code _initialize}, optionally with
 * given means, scikit-learn's {@code means_init}); then up to {@code max_iter} iterations of E-step and
 * M-step ({@link EmPass}: one pass each); the lower bound of an iteration is the mean log-likelihood
 * that iteration's E-step measured (so of the parameters before its M-step); stop when it changes by
 * less than {@code tol}.
 */
final class Em {
    /**
     * @param mixture the parameters after the last M-step
     * @param lowerBound the last lower bound ({@code -inf} with {@code max_iter 0})
     * @param iterations iterations run (scikit-learn's {@code n_iter_})
     * @param converged whether the change fell below {@code tol}
     * @param history one entry per iteration, the lower bound as objective
     */
    record Run(Gaussians mixture, double lowerBound, int iterations, boolean converged, List<IterationStats> history) {
    }

    private final float[] x;
    private final int n;
    private final int d;
    private final GmmParams params;
    private final double[] dataMean;
    /** tied: the data's scatter about its mean, the same every iteration. */
    private final double[] tiedScatter;

    Em(float[] x, int n, int d, GmmParams params, ExecutionContext context) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.params = params;
        dataMean = mean(x, n, d, context);
        tiedScatter = params.covarianceType() == CovarianceType.TIED ? scatter(x, n, d, dataMean, context) : null;
    }

    Run run(InitialResponsibilities initial, double[] meansInit, ExecutionContext context) {
        CovarianceType type = params.covarianceType();
        int k = params.k();
        double[] initShifts = type == CovarianceType.TIED ? dataMean : repeat(dataMean, k);
        Sufficient s = EmPass.run(x, n, d, null, initial, type, k, initShifts, null, null, context).stats();
        Gaussians g = estimate(s, true);
        if (meansInit != null) {
            g = g.withMeans(meansInit.clone());
        }
        double lowerBound = Double.NEGATIVE_INFINITY;
        boolean converged = false;
        int iteration = 0;
        List<IterationStats> history = new ArrayList<>();
        for (int it = 1; it <= params.maxIter(); it++) {
            context.checkCancelled();
            iteration = it;
            double previous = lowerBound;
            double[] shifts = type == CovarianceType.TIED ? dataMean : g.means;
            EmPass.Outcome o = EmPass.run(x, n, d, g, null, type, k, shifts, null, null, context);
            g = estimate(o.stats(), false);
            lowerBound = o.logLikelihood() / n;
            history.add(new IterationStats(it, lowerBound, 0, (long) n * k));
            context.progress().progress(Math.min(1.0, it / (double) params.maxIter()),
                    GaussianMixtureAlgorithm.ID + ": iteration " + it + ", lower bound " + lowerBound);
            if (Math.abs(lowerBound - previous) < params.tol()) {
                converged = true;
                break;
            }
        }
        return new Run(g, lowerBound, iteration, converged, List.copyOf(history));
    }

    private Gaussians estimate(Sufficient s, boolean initial) {
        if (tiedScatter != null) {
            s.scatter = tiedScatter;
        }
        return Gaussians.estimate(params.covarianceType(), s, params.regCovar(), n, initial);
    }

    private static double[] repeat(double[] v, int times) {
        double[] out = new double[v.length * times];
        for (int c = 0; c < times; c++) {
            System.arraycopy(v, 0, out, c * v.length, v.length);
        }
        return out;
    }

    /** Column means in double, summed per fixed chunk and added in chunk order. */
    static double[] mean(float[] x, int n, int d, ExecutionContext context) {
        List<double[]> parts = context.parallel().mapChunks(n, EmPass.CHUNK, (chunk, from, to) -> {
            double[] s = new double[d];
            for (int i = from; i < to; i++) {
                for (int j = 0; j < d; j++) {
                    s[j] += x[i * d + j];
                }
            }
            return s;
        });
        double[] m = new double[d];
        for (double[] p : parts) {
            for (int j = 0; j < d; j++) {
                m[j] += p[j];
            }
        }
        for (int j = 0; j < d; j++) {
            m[j] /= n;
        }
        return m;
    }

    /** The upper triangle of {@code sum_i (x_i - m)(x_i - m)^T}, in fixed chunks. */
    private static double[] scatter(float[] x, int n, int d, double[] m, ExecutionContext context) {
        List<double[]> parts = context.parallel().mapChunks(n, EmPass.CHUNK, (chunk, from, to) -> {
            double[] s = new double[d * d];
            double[] t = new double[d];
            for (int i = from; i < to; i++) {
                for (int j = 0; j < d; j++) {
                    t[j] = x[i * d + j] - m[j];
                }
                for (int a = 0; a < d; a++) {
                    for (int b = a; b < d; b++) {
                        s[a * d + b] += t[a] * t[b];
                    }
                }
            }
            return s;
        });
        double[] s = new double[d * d];
        for (double[] p : parts) {
            for (int i = 0; i < s.length; i++) {
                s[i] += p[i];
            }
        }
        return s;
    }
}

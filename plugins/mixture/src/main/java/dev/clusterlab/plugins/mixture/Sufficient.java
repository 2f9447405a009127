package dev.clusterlab.plugins.mixture;

import dev.clusterlab.plugins.mixture.GmmParams.CovarianceType;

/**
 * Responsibility-weighted sums of one pass over the data, from which the M-step estimates the
 * parameters ({@link Gaussians#estimate}): for each component {@code c} the mass {@code sum_i r_ic}, the
 * sums {@code sum_i r_ic (x_i - s_c)} about a shift {@code s_c}, and the scatter
 * {@code sum_i r_ic (x_i - s_c)(x_i - s_c)^T} (full: upper triangle of {@code k x d x d}; diag and
 * spherical: its diagonal, {@code k x d}). Tied covariances use one shift for all components (the data
 * mean) and the unweighted scatter of the data about it, which does not change between iterations.
 * Partial sums of fixed chunks are added in chunk order ({@link #add}), so the result does not depend on
 * the number of threads.
 */
final class Sufficient {
    final int k;
    final int d;
    final CovarianceType type;
    final double[] shifts;
    final double[] mass;
    final double[] sums;
    double[] scatter;

    /**
     * @param shifts {@code k x d} shifts, or for tied the {@code d} data mean
     */
    Sufficient(CovarianceType type, int k, int d, double[] shifts) {
        this.type = type;
        this.k = k;
        this.d = d;
        this.shifts = shifts;
        mass = new double[k];
        sums = new double[k * d];
        scatter = switch (type) {
            case FULL -> new double[k * d * d];
            case TIED -> null;
            case DIAG, SPHERICAL -> new double[k * d];
        };
    }

    /** @return the shift of component {@code c}, feature {@code j} */
    double shift(int c, int j) {
        return type == CovarianceType.TIED ? shifts[j] : shifts[c * d + j];
    }

    /** Adds another chunk's sums (in chunk order). */
    void add(Sufficient o) {
        for (int i = 0; i < mass.length; i++) {
            mass[i] += o.mass[i];
        }
        for (int i = 0; i < sums.length; i++) {
            sums[i] += o.sums[i];
        }
        if (scatter != null) {
            for (int i = 0; i < scatter.length; i++) {
                scatter[i] += o.scatter[i];
            }
        }
    }
}

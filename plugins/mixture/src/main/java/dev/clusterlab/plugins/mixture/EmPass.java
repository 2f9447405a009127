package dev.clusterlab.plugins.mixture;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.plugins.mixture.GmmParams.CovarianceType;
import java.util.List;

/**
 * One pass over the data, fusing scikit-learn's E-step with the sums of the following M-step: for each
 * row the weighted log-densities {@code log w_c + log N(x | mu_c, Sigma_c)}, their log-sum-exp (the row's
 * log-likelihood), the responsibilities, and their weighted sums ({@link Sufficient}) about the current
 * means. One pass reads the data once per EM iteration where scikit-learn makes about {@code 4k} numpy
 * passes.
 *
 * <p>Rows go in fixed chunks of {@value #CHUNK} through {@code context.parallel()}; within a chunk, in
 * blocks of {@value #BLOCK} rows held transposed in double ({@code x[j][r]}), so that every inner
 * loop runs over the rows of the block with unit stride (loops the JIT compiles to SIMD code). Per-chunk
 * sums are added in chunk order: the same bits for any thread count. Everything is double; the
 * exponentials of the log-sum-exp come from {@link FastExp} (vectorised, within about one ulp).
 *
 * <p>Densities: full, {@code |(x - mu_c) U_c|^2} with the triangular precision factor ({@code d(d+1)/2}
 * multiply-adds per row and component); tied, {@code |x U - mu_c U|^2} with {@code x U} formed once per
 * row; diag and spherical from direct differences (scikit-learn expands the square, which loses digits
 * far from the origin).
 */
final class EmPass {
    static final int CHUNK = 4096;
    static final int BLOCK = 128;
    static final int MAX_LANE_PAIRS = 1536;

    /**
     * @param stats the M-step's sums, or {@code null} when not asked for
     * @param logLikelihood {@code sum_i log p(x_i)} (NaN when starting from given responsibilities)
     */
    record Outcome(Sufficient stats, double logLikelihood) {
    }

    private EmPass() {
    }

    /**
     * Runs one pass.
     *
     * @param x row-major {@code n x d} data
     * @param model the current mixture, or {@code null} to take the responsibilities from {@code initial}
     * @param initial the responsibilities when {@code model} is null
     * @param type covariance form
     * @param k components
     * @param shifts what the sums are taken about ({@code k x d}; tied: the {@code d} data mean), or
     *     {@code null} for no sums
     * @param labels if not null, receives the most probable component of each row
     * @param resp if not null, receives the row-major {@code n x k} responsibilities
     */
    static Outcome run(float[] x, int n, int d, Gaussians model, InitialResponsibilities initial, CovarianceType type, int k,
                       double[] shifts, int[] labels, double[] resp, ExecutionContext context) {
        Plan plan = model == null ? null : new Plan(model);
        List<Outcome> parts = context.parallel().mapChunks(n, CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            Worker w = new Worker(d, k, type, plan, shifts == null ? null : new Sufficient(type, k, d, shifts));
            double ll = 0;
            for (int b = from; b < to; b += BLOCK) {
                int len = Math.min(BLOCK, to - b);
                w.load(x, b, len);
                if (plan == null) {
                    w.initial(initial, b, len);
                } else {
                    w.logDensities(len);
                    ll += w.responsibilities(len, b, labels, resp);
                }
                if (w.stats != null) {
                    w.accumulate(len);
                }
            }
            if (w.stats != null) {
                w.flush();
            }
            return new Outcome(w.stats, plan == null ? Double.NaN : ll);
        });
        Sufficient total = shifts == null ? null : new Sufficient(type, k, d, shifts);
        double ll = 0;
        for (Outcome o : parts) {
            if (total != null) {
                total.add(o.stats());
            }
            ll += o.logLikelihood();
        }
        return new Outcome(total, ll);
    }

    /** What the E-step needs of a mixture, prepared once per pass. */
    private static final class Plan {
        final Gaussians g;
        final double[] constants;
        /** diag and spherical: precisions {@code 1 / variance}; tied: {@code mu_c U}. */
        final double[] aux;

        Plan(Gaussians g) {
            this.g = g;
            constants = g.constants();
            int k = g.k;
            int d = g.d;
            switch (g.type) {
                case DIAG, SPHERICAL -> {
                    aux = new double[g.precisionCholesky.length];
                    for (int i = 0; i < aux.length; i++) {
                        aux[i] = g.precisionCholesky[i] * g.precisionCholesky[i];
                    }
                }
                case TIED -> {
                    aux = new double[k * d];
                    double[] u = g.precisionCholesky;
                    for (int c = 0; c < k; c++) {
                        for (int col = 0; col < d; col++) {
                            double s = 0;
                            for (int j = 0; j <= col; j++) {
                                s += g.means[c * d + j] * u[j * d + col];
                            }
                            aux[c * d + col] = s;
                        }
                    }
                }
                default -> aux = null;
            }
        }
    }

    /**
     * Buffers of one chunk. Every buffer is an array of its own per feature or component
     * ({@code xt[j][r]}, {@code resp[c][r]}), so that the inner loops index loads and stores with the
     * same {@code r}: the JIT cannot tell two {@code double[]} apart, and with different offsets into
     * them it must assume they overlap and keeps the loop scalar. The M-step sums are kept per row
     * position of the block ({@code BLOCK} lanes, element-wise multiply-adds that vectorise, where a dot
     * product is a strictly ordered reduction that does not) and folded lane by lane into
     * {@link #stats} at the end of the chunk ({@link #flush}): a fixed order whatever the thread count.
     */
    private static final class Worker {
        final int d;
        final int k;
        final CovarianceType type;
        final Plan plan;
        final Sufficient stats;
        final double[][] xt;
        final double[][] diff;
        /**
         * full: {@code x - mu_c} of every component, kept from the E-step for the sums about the same
         * means; else only {@link #diff}.
         */
        final double[][][] diffs;
        final double[] wd;
        final double[] y;
        final double[] maha;
        final double[][] wlp;
        final double[][] resp;
        /** scratch of {@link FastExp}. */
        final long[] scales;
        /** the initial responsibilities in {@link InitialResponsibilities}' layout. */
        final double[] flat;
        final double[][] massLanes;
        final double[][] sumLanes;
        /** full: the upper triangle, pair {@code (a, b)} of component {@code c} at {@code c d d + a d + b}; diag: {@code c d + j}. */
        final double[][] scatterLanes;

        Worker(int d, int k, CovarianceType type, Plan plan, Sufficient stats) {
            this.d = d;
            this.k = k;
            this.type = type;
            this.plan = plan;
            this.stats = stats;
            xt = new double[d][BLOCK];
            diffs = new double[type == CovarianceType.FULL ? k : 1][d][BLOCK];
            diff = diffs[0];
            wd = new double[BLOCK];
            y = new double[BLOCK];
            maha = new double[BLOCK];
            wlp = new double[k][BLOCK];
            resp = new double[k][BLOCK];
            scales = new long[BLOCK];
            flat = plan == null ? new double[k * BLOCK] : null;
            if (stats != null) {
                massLanes = new double[k][BLOCK];
                sumLanes = new double[k * d][BLOCK];
                scatterLanes = switch (type) {
                    case FULL -> laneScatter(k, d) ? new double[k * d * d][] : null;
                    case DIAG, SPHERICAL -> new double[k * d][BLOCK];
                    case TIED -> null;
                };
                if (type == CovarianceType.FULL && scatterLanes != null) {
                    for (int c = 0; c < k; c++) {
                        for (int a = 0; a < d; a++) {
                            for (int b = a; b < d; b++) {
                                scatterLanes[c * d * d + a * d + b] = new double[BLOCK];
                            }
                        }
                    }
                }
            } else {
                massLanes = null;
                sumLanes = null;
                scatterLanes = null;
            }
        }

        void load(float[] x, int from, int len) {
            for (int j = 0; j < d; j++) {
                double[] t = xt[j];
                for (int r = 0, o = from * d + j; r < len; r++, o += d) {
                    t[r] = x[o];
                }
            }
        }

        void initial(InitialResponsibilities initial, int from, int len) {
            initial.fill(from, len, k, flat, BLOCK);
            for (int c = 0; c < k; c++) {
                System.arraycopy(flat, c * BLOCK, resp[c], 0, len);
            }
        }

        /** {@code wlp[c][r] = log w_c + log N(x_r | c)}. */
        void logDensities(int len) {
            Gaussians g = plan.g;
            double[] mu = g.means;
            double[] u = g.precisionCholesky;
            switch (type) {
                case FULL -> {
                    for (int c = 0; c < k; c++) {
                        centre(mu, c * d, len, diffs[c]);
                        java.util.Arrays.fill(maha, 0, len, 0.0);
                        int uo = c * d * d;
                        for (int col = 0; col < d; col++) {
                            triangularColumn(u, uo, col, len, diffs[c]);
                        }
                        finish(c, len, -0.5);
                    }
                }
                case TIED -> {
                    // diff <- x U, once for all components
                    for (int col = 0; col < d; col++) {
                        double[] out = diff[col];
                        double u0 = u[col];
                        double[] x0 = xt[0];
                        for (int r = 0; r < len; r++) {
                            out[r] = x0[r] * u0;
                        }
                        for (int j = 1; j <= col; j++) {
                            double uj = u[j * d + col];
                            double[] in = xt[j];
                            for (int r = 0; r < len; r++) {
                                out[r] += in[r] * uj;
                            }
                        }
                    }
                    for (int c = 0; c < k; c++) {
                        java.util.Arrays.fill(maha, 0, len, 0.0);
                        for (int col = 0; col < d; col++) {
                            double m = plan.aux[c * d + col];
                            double[] t = diff[col];
                            for (int r = 0; r < len; r++) {
                                double v = t[r] - m;
                                maha[r] += v * v;
                            }
                        }
                        finish(c, len, -0.5);
                    }
                }
                case DIAG -> {
                    for (int c = 0; c < k; c++) {
                        java.util.Arrays.fill(maha, 0, len, 0.0);
                        for (int j = 0; j < d; j++) {
                            double m = mu[c * d + j];
                            double p = plan.aux[c * d + j];
                            double[] t = xt[j];
                            for (int r = 0; r < len; r++) {
                                double v = t[r] - m;
                                maha[r] += v * v * p;
                            }
                        }
                        finish(c, len, -0.5);
                    }
                }
                case SPHERICAL -> {
                    for (int c = 0; c < k; c++) {
                        java.util.Arrays.fill(maha, 0, len, 0.0);
                        for (int j = 0; j < d; j++) {
                            double m = mu[c * d + j];
                            double[] t = xt[j];
                            for (int r = 0; r < len; r++) {
                                double v = t[r] - m;
                                maha[r] += v * v;
                            }
                        }
                        finish(c, len, -0.5 * plan.aux[c]);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }

        /** {@code diff <- x - mu_c}. */
        private void centre(double[] mu, int offset, int len, double[][] diff) {
            for (int j = 0; j < d; j++) {
                double m = mu[offset + j];
                double[] in = xt[j];
                double[] out = diff[j];
                for (int r = 0; r < len; r++) {
                    out[r] = in[r] - m;
                }
            }
        }

        /**
         * {@code maha += (diff . U[:, col])^2} over the upper triangle's column, four terms of the dot
         * product per pass over the rows (so {@code y} is loaded and stored a quarter as often).
         */
        private void triangularColumn(double[] u, int uo, int col, int len, double[][] diff) {
            int j = 0;
            {
                double u0 = u[uo + col];
                double[] d0 = diff[0];
                for (int r = 0; r < len; r++) {
                    y[r] = d0[r] * u0;
                }
                j = 1;
            }
            for (; j + 3 <= col; j += 4) {
                double u0 = u[uo + j * d + col];
                double u1 = u[uo + (j + 1) * d + col];
                double u2 = u[uo + (j + 2) * d + col];
                double u3 = u[uo + (j + 3) * d + col];
                double[] d0 = diff[j];
                double[] d1 = diff[j + 1];
                double[] d2 = diff[j + 2];
                double[] d3 = diff[j + 3];
                for (int r = 0; r < len; r++) {
                    y[r] += (d0[r] * u0 + d1[r] * u1) + (d2[r] * u2 + d3[r] * u3);
                }
            }
            for (; j + 1 <= col; j += 2) {
                double u0 = u[uo + j * d + col];
                double u1 = u[uo + (j + 1) * d + col];
                double[] d0 = diff[j];
                double[] d1 = diff[j + 1];
                for (int r = 0; r < len; r++) {
                    y[r] += d0[r] * u0 + d1[r] * u1;
                }
            }
            for (; j <= col; j++) {
                double uj = u[uo + j * d + col];
                double[] in = diff[j];
                for (int r = 0; r < len; r++) {
                    y[r] += in[r] * uj;
                }
            }
            for (int r = 0; r < len; r++) {
                maha[r] += y[r] * y[r];
            }
        }

        private void finish(int c, int len, double scale) {
            double constant = plan.constants[c];
            double[] out = wlp[c];
            for (int r = 0; r < len; r++) {
                out[r] = constant + scale * maha[r];
            }
        }

        /**
         * Log-sum-exp per row, the responsibilities into {@code resp}, and the optional outputs.
         *
         * @return the block's summed log-likelihood, in row order
         */
        double responsibilities(int len, int from, int[] labels, double[] respOut) {
            // Component by component over the rows of the block (unit stride): the row maxima, then
            // exp(v - max) and its sum; the first component wins ties for the label, as numpy's argmax.
            double[] max = maha;
            double[] sum = y;
            System.arraycopy(wlp[0], 0, max, 0, len);
            for (int c = 1; c < k; c++) {
                double[] v = wlp[c];
                for (int r = 0; r < len; r++) {
                    max[r] = Math.max(max[r], v[r]);
                }
            }
            java.util.Arrays.fill(sum, 0, len, 0.0);
            for (int c = 0; c < k; c++) {
                double[] v = wlp[c];
                double[] e = resp[c];
                for (int r = 0; r < len; r++) {
                    e[r] = v[r] - max[r];
                }
                FastExp.expInPlace(e, 0, len, scales);
                for (int r = 0; r < len; r++) {
                    sum[r] += e[r];
                }
            }
            double ll = 0;
            for (int r = 0; r < len; r++) {
                ll += max[r] + Math.log(sum[r]);
                sum[r] = 1 / sum[r];
            }
            for (int c = 0; c < k; c++) {
                double[] e = resp[c];
                for (int r = 0; r < len; r++) {
                    e[r] *= sum[r];
                }
            }
            if (labels != null) {
                for (int r = 0; r < len; r++) {
                    int best = 0;
                    double m = wlp[0][r];
                    for (int c = 1; c < k; c++) {
                        if (wlp[c][r] > m) {
                            m = wlp[c][r];
                            best = c;
                        }
                    }
                    labels[from + r] = best;
                }
            }
            if (respOut != null) {
                for (int r = 0; r < len; r++) {
                    for (int c = 0; c < k; c++) {
                        respOut[(from + r) * k + c] = resp[c][r];
                    }
                }
            }
            return ll;
        }

        /** Adds the block's responsibility-weighted sums to the lanes. */
        void accumulate(int len) {
            Sufficient s = stats;
            if (type == CovarianceType.TIED) {
                for (int j = 0; j < d; j++) {
                    double m = s.shifts[j];
                    double[] in = xt[j];
                    double[] out = diff[j];
                    for (int r = 0; r < len; r++) {
                        out[r] = in[r] - m;
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                double[] rc = resp[c];
                double[] mass = massLanes[c];
                for (int r = 0; r < len; r++) {
                    mass[r] += rc[r];
                }
                double[][] diff = type == CovarianceType.FULL ? diffs[c] : this.diff;
                // full: the E-step left x - mu_c in diffs[c], and the sums are about the same means
                boolean centred = type == CovarianceType.FULL && plan != null && s.shifts == plan.g.means;
                if (type != CovarianceType.TIED && !centred) {
                    centre(s.shifts, c * d, len, diff);
                }
                for (int a = 0; a < d; a++) {
                    double[] da = diff[a];
                    double[] sa = sumLanes[c * d + a];
                    if (type == CovarianceType.DIAG || type == CovarianceType.SPHERICAL) {
                        // one pass for the sums and the diagonal scatter
                        double[] s0 = scatterLanes[c * d + a];
                        for (int r = 0; r < len; r++) {
                            double w = rc[r] * da[r];
                            sa[r] += w;
                            s0[r] += w * da[r];
                        }
                        continue;
                    }
                    for (int r = 0; r < len; r++) {
                        double w = rc[r] * da[r];
                        wd[r] = w;
                        sa[r] += w;
                    }
                    switch (type) {
                        case FULL -> {
                            int po = c * d * d + a * d;
                            if (scatterLanes == null) {
                                for (int b = a; b < d; b++) {
                                    s.scatter[po + b] += dot(wd, diff[b], len);
                                }
                                continue;
                            }
                            int b = a;
                            // four output columns per pass over the rows: wd is read once for all four
                            for (; b + 3 < d; b += 4) {
                                double[] s0 = scatterLanes[po + b];
                                double[] s1 = scatterLanes[po + b + 1];
                                double[] s2 = scatterLanes[po + b + 2];
                                double[] s3 = scatterLanes[po + b + 3];
                                double[] d0 = diff[b];
                                double[] d1 = diff[b + 1];
                                double[] d2 = diff[b + 2];
                                double[] d3 = diff[b + 3];
                                for (int r = 0; r < len; r++) {
                                    double w = wd[r];
                                    s0[r] += w * d0[r];
                                    s1[r] += w * d1[r];
                                    s2[r] += w * d2[r];
                                    s3[r] += w * d3[r];
                                }
                            }
                            for (; b + 1 < d; b += 2) {
                                double[] s0 = scatterLanes[po + b];
                                double[] s1 = scatterLanes[po + b + 1];
                                double[] d0 = diff[b];
                                double[] d1 = diff[b + 1];
                                for (int r = 0; r < len; r++) {
                                    double w = wd[r];
                                    s0[r] += w * d0[r];
                                    s1[r] += w * d1[r];
                                }
                            }
                            if (b < d) {
                                double[] s0 = scatterLanes[po + b];
                                double[] d0 = diff[b];
                                for (int r = 0; r < len; r++) {
                                    s0[r] += wd[r] * d0[r];
                                }
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
        }

        /** Folds the lanes into {@link #stats} (lane order). */
        void flush() {
            Sufficient s = stats;
            for (int c = 0; c < k; c++) {
                s.mass[c] += sum(massLanes[c], 0, BLOCK);
            }
            for (int i = 0; i < sumLanes.length; i++) {
                s.sums[i] += sum(sumLanes[i], 0, BLOCK);
            }
            if (scatterLanes != null) {
                for (int i = 0; i < scatterLanes.length; i++) {
                    if (scatterLanes[i] != null) {
                        s.scatter[i] += sum(scatterLanes[i], 0, BLOCK);
                    }
                }
            }
        }
    }

    /**
     * Whether the full scatter of a chunk is kept in lanes: {@code k d (d + 1) / 2} lane arrays of
     * {@value #BLOCK} doubles each, up to {@value #MAX_LANE_PAIRS} of them (1.5 MB), beyond which per-block
     * dot products take less memory traffic than the lanes.
     */
    static boolean laneScatter(int k, int d) {
        return (long) k * d * (d + 1) / 2 <= MAX_LANE_PAIRS;
    }

    /** Dot product of {@code len} values in four interleaved partial sums. */
    static double dot(double[] a, double[] b, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int r = 0;
        for (; r + 3 < len; r += 4) {
            s0 += a[r] * b[r];
            s1 += a[r + 1] * b[r + 1];
            s2 += a[r + 2] * b[r + 2];
            s3 += a[r + 3] * b[r + 3];
        }
        for (; r < len; r++) {
            s0 += a[r] * b[r];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Sum of {@code len} values in four interleaved partial sums (a fixed order, which the JIT need not keep serial). */
    static double sum(double[] a, int o, int len) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int r = 0;
        for (; r + 3 < len; r += 4) {
            s0 += a[o + r];
            s1 += a[o + r + 1];
            s2 += a[o + r + 2];
            s3 += a[o + r + 3];
        }
        for (; r < len; r++) {
            s0 += a[o + r];
        }
        return (s0 + s1) + (s2 + s3);
    }
}

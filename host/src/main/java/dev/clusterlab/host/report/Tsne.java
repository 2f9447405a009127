package dev.clusterlab.host.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A small, deterministic Barnes-Hut t-SNE for the report's embedding picture: van der Maaten and
 * Hinton (2008), "Visualizing data using t-SNE", JMLR 9, and van der Maaten (2014), "Accelerating
 * t-SNE using tree-based algorithms", JMLR 15, with scikit-learn's defaults where the papers leave a
 * choice.
 *
 * <ul>
 *   <li>Input affinities: for each point its {@code k = min(m - 1, floor(3u) + 1)} nearest neighbours
 *       by squared Euclidean distance (brute force in {@code double}, ties by index), the conditional
 *       {@code p_{j|i} ∝ exp(-β_i |x_i - x_j|²)} over them, {@code β_i} found by bisection so that the
 *       entropy is {@code ln u} within {@value #TOLERANCE} nats (at most {@value #SEARCH_STEPS} steps);
 *       then {@code p_ij = (p_{j|i} + p_{i|j}) / 2m}, sparse and symmetric.</li>
 *   <li>Output similarities: Student t with one degree of freedom, {@code q_ij = w_ij / Z},
 *       {@code w_ij = 1 / (1 + |y_i - y_j|²)}.</li>
 *   <li>Gradient {@code 4 Σ_j (α p_ij - q_ij) w_ij (y_i - y_j)}: the attractive part over the sparse
 *       {@code P}, the repulsive part and {@code Z} by Barnes-Hut on a {@link QuadTree}.</li>
 *   <li>Optimisation as scikit-learn's {@code _gradient_descent}: early exaggeration {@code α = 12} and
 *       momentum 0.5 for {@value #EXAGGERATED} iterations, then {@code α = 1} and momentum 0.8
 *       (momentum and gains reset at the switch); gains +0.2 where the step keeps its sign, ×0.8
 *       otherwise, at least {@value #MIN_GAIN} (Jacobs 1988, as the reference implementation);
 *       learning rate {@code max(m / 12 / 4, 50)} (scikit-learn's {@code 'auto'}).</li>
 *   <li>Start: the first two principal components, divided by the standard deviation of the first and
 *       multiplied by 1e-4 (scikit-learn's {@code init='pca'}); seeded Gaussian coordinates of the
 *       same size where a component is constant.</li>
 *   <li>The KL divergence reported is computed at the end with the exact {@code Z} (O(m²)).</li>
 * </ul>
 *
 * Everything runs on one thread in a fixed order with {@link StrictMath} for exponentials and
 * logarithms, so the same input and seed give the same embedding bit for bit.
 */
final class Tsne {
    static final double PERPLEXITY = 30;
    static final double TOLERANCE = 1e-5;
    static final int SEARCH_STEPS = 50;
    static final double EXAGGERATION = 12;
    static final int EXAGGERATED = 250;
    static final int ITERATIONS = 750;
    static final double THETA = 0.5;
    static final double MIN_GAIN = 0.01;
    /** Fewest points embedded. */
    static final int MIN_POINTS = 5;

    private Tsne() {
    }

    /**
     * @param k neighbours per point
     * @param ids {@code m x k} neighbour indices, nearest first
     * @param dist2 their squared distances
     */
    record Neighbours(int k, int[] ids, double[] dist2) {
    }

    /**
     * A sparse symmetric matrix in compressed rows.
     *
     * @param start row {@code i} is {@code [start[i], start[i + 1])}
     * @param column column of each entry
     * @param value value of each entry
     */
    record Sparse(int[] start, int[] column, double[] value) {
        int m() {
            return start.length - 1;
        }
    }

    /**
     * @param y interleaved positions {@code x0, y0, x1, y1, ...}
     * @param kl the final Kullback-Leibler divergence {@code KL(P || Q)}, exact
     * @param perplexity the perplexity used
     * @param neighbours neighbours per point
     * @param iterations iterations run
     */
    record Result(double[] y, double kl, double perplexity, int neighbours, int iterations) {
    }

    /** @return the perplexity for {@code m} points: {@value #PERPLEXITY}, at most {@code (m - 1) / 3} */
    static double perplexity(int m) {
        return Math.min(PERPLEXITY, (m - 1) / 3.0);
    }

    /**
     * The whole method.
     *
     * @param data row-major values with {@code d} columns
     * @param d columns
     * @param rows the rows to embed, at least {@value #MIN_POINTS}
     * @param seed seeds the start where principal components cannot
     * @param iterations iterations in all (the first {@value #EXAGGERATED} exaggerated)
     * @param theta Barnes-Hut accuracy
     * @return the embedding
     */
    static Result embed(float[] data, int d, int[] rows, long seed, int iterations, double theta) {
        int m = rows.length;
        if (m < MIN_POINTS) {
            throw new IllegalArgumentException("t-SNE needs at least " + MIN_POINTS + " points, got " + m);
        }
        double u = perplexity(m);
        Neighbours nb = neighbours(data, d, rows, Math.min(m - 1, (int) (3 * u) + 1));
        Sparse p = joint(nb, conditional(nb, u));
        double[] y = start(data, d, rows, seed);
        optimise(p, y, iterations, theta);
        return new Result(y, klDivergence(p, y), u, nb.k(), iterations);
    }

    /** @return the {@code k} nearest other rows of each row, brute force in double, ties by index */
    static Neighbours neighbours(float[] data, int d, int[] rows, int k) {
        int m = rows.length;
        double[] x = new double[m * d];
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < d; c++) {
                x[i * d + c] = data[rows[i] * d + c];
            }
        }
        int[] ids = new int[m * k];
        double[] dist2 = new double[m * k];
        double[] heapD = new double[k];
        int[] heapI = new int[k];
        for (int i = 0; i < m; i++) {
            int size = 0;
            for (int j = 0; j < m; j++) {
                if (j == i) {
                    continue;
                }
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double diff = x[i * d + c] - x[j * d + c];
                    s += diff * diff;
                }
                if (size < k) {
                    // sift up in a max-heap ordered by (distance, index)
                    int at = size++;
                    while (at > 0) {
                        int parent = (at - 1) >> 1;
                        if (!after(s, j, heapD[parent], heapI[parent])) {
                            break;
                        }
                        heapD[at] = heapD[parent];
                        heapI[at] = heapI[parent];
                        at = parent;
                    }
                    heapD[at] = s;
                    heapI[at] = j;
                } else if (after(heapD[0], heapI[0], s, j)) {
                    int at = 0;
                    while (true) {
                        int child = 2 * at + 1;
                        if (child >= k) {
                            break;
                        }
                        if (child + 1 < k && after(heapD[child + 1], heapI[child + 1], heapD[child], heapI[child])) {
                            child++;
                        }
                        if (!after(heapD[child], heapI[child], s, j)) {
                            break;
                        }
                        heapD[at] = heapD[child];
                        heapI[at] = heapI[child];
                        at = child;
                    }
                    heapD[at] = s;
                    heapI[at] = j;
                }
            }
            // heap to ascending order
            Integer[] order = new Integer[k];
            Arrays.setAll(order, t -> t);
            Arrays.sort(order, (a, b) -> heapD[a] != heapD[b] ? Double.compare(heapD[a], heapD[b]) : Integer.compare(heapI[a], heapI[b]));
            for (int t = 0; t < k; t++) {
                ids[i * k + t] = heapI[order[t]];
                dist2[i * k + t] = heapD[order[t]];
            }
        }
        return new Neighbours(k, ids, dist2);
    }

    /** @return whether {@code (da, ia)} comes after {@code (db, ib)}: larger distance, ties by larger index */
    private static boolean after(double da, int ia, double db, int ib) {
        return da > db || (da == db && ia > ib);
    }

    /**
     * The conditional probabilities {@code p_{j|i}} over each point's neighbours, each row's
     * {@code β_i} found by bisection on the entropy (in nats, distances shifted by the nearest one,
     * which leaves {@code p_{j|i}} unchanged and keeps the exponentials from underflowing).
     *
     * @param nb the neighbours
     * @param perplexity the target {@code u}: entropy {@code ln u}
     * @return {@code m x k} probabilities, each row summing to 1
     */
    static double[] conditional(Neighbours nb, double perplexity) {
        int k = nb.k();
        int m = nb.ids().length / k;
        double target = StrictMath.log(perplexity);
        double[] out = new double[m * k];
        double[] pr = new double[k];
        for (int i = 0; i < m; i++) {
            int base = i * k;
            double d0 = nb.dist2()[base];
            double mean = 0;
            for (int t = 0; t < k; t++) {
                mean += nb.dist2()[base + t] - d0;
            }
            mean /= k;
            double beta = mean > 0 ? 1 / mean : 1;
            double lo = Double.NaN;
            double hi = Double.NaN;
            for (int step = 0; step < SEARCH_STEPS; step++) {
                double sum = 0;
                double weighted = 0;
                for (int t = 0; t < k; t++) {
                    double dd = nb.dist2()[base + t] - d0;
                    pr[t] = StrictMath.exp(-beta * dd);
                    sum += pr[t];
                    weighted += dd * pr[t];
                }
                double entropy = StrictMath.log(sum) + beta * weighted / sum;
                for (int t = 0; t < k; t++) {
                    out[base + t] = pr[t] / sum;
                }
                double diff = entropy - target;
                if (Math.abs(diff) <= TOLERANCE) {
                    break;
                }
                if (diff > 0) { // too flat: sharpen
                    lo = beta;
                    beta = Double.isNaN(hi) ? beta * 2 : (beta + hi) / 2;
                } else {
                    hi = beta;
                    beta = Double.isNaN(lo) ? beta / 2 : (beta + lo) / 2;
                }
            }
        }
        return out;
    }

    /** @return {@code p_ij = (p_{j|i} + p_{i|j}) / 2m} over the union of the neighbour lists, rows sorted by column */
    static Sparse joint(Neighbours nb, double[] cond) {
        int k = nb.k();
        int m = nb.ids().length / k;
        int[] degree = new int[m];
        for (int i = 0; i < m; i++) {
            degree[i] += k;
            for (int t = 0; t < k; t++) {
                degree[nb.ids()[i * k + t]]++;
            }
        }
        int[] start = new int[m + 1];
        for (int i = 0; i < m; i++) {
            start[i + 1] = start[i] + degree[i];
        }
        // every (i, j, p_{j|i}) once as (i, j) and once as (j, i); duplicates merged after sorting each row
        int[] col = new int[start[m]];
        double[] val = new double[start[m]];
        int[] fill = Arrays.copyOf(start, m);
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < k; t++) {
                int j = nb.ids()[i * k + t];
                double v = cond[i * k + t];
                col[fill[i]] = j;
                val[fill[i]++] = v;
                col[fill[j]] = i;
                val[fill[j]++] = v;
            }
        }
        int[] outStart = new int[m + 1];
        int[] outCol = new int[start[m]];
        double[] outVal = new double[start[m]];
        int w = 0;
        double scale = 1.0 / (2.0 * m);
        long[] keys = new long[0];
        for (int i = 0; i < m; i++) {
            int from = start[i];
            int len = start[i + 1] - from;
            if (keys.length < len) {
                keys = new long[len];
            }
            for (int e = 0; e < len; e++) {
                keys[e] = ((long) col[from + e] << 32) | e; // column, then position: a stable order
            }
            Arrays.sort(keys, 0, len);
            outStart[i] = w;
            int last = -1;
            for (int e = 0; e < len; e++) {
                int c = (int) (keys[e] >>> 32);
                double v = val[from + (int) keys[e]];
                if (c == last) {
                    outVal[w - 1] += v * scale;
                } else {
                    outCol[w] = c;
                    outVal[w++] = v * scale;
                    last = c;
                }
            }
        }
        outStart[m] = w;
        return new Sparse(outStart, Arrays.copyOf(outCol, w), Arrays.copyOf(outVal, w));
    }

    /** @return the start: PCA coordinates scaled to standard deviation 1e-4 on the first, seeded noise where degenerate */
    static double[] start(float[] data, int d, int[] rows, long seed) {
        int m = rows.length;
        double[] y = new double[2 * m];
        Pca.Result pca = Pca.fit(data, d, rows, Math.min(2, d));
        double[][] pc = pca.project(data, rows);
        double sd0 = sd(pc[0]);
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < 2; c++) {
            boolean usable = c < pc.length && sd0 > 0 && sd(pc[c]) > 1e-12 * sd0;
            for (int i = 0; i < m; i++) {
                y[2 * i + c] = usable ? pc[c][i] / sd0 * 1e-4 : random.nextGaussian() * 1e-4;
            }
        }
        return y;
    }

    private static double sd(double[] v) {
        double mean = Arrays.stream(v).sum() / v.length;
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / v.length);
    }

    /**
     * Gradient descent with momentum and gains, in place.
     *
     * @param p the joint input affinities
     * @param y the start, then the embedding
     * @param iterations iterations in all
     * @param theta Barnes-Hut accuracy
     */
    static void optimise(Sparse p, double[] y, int iterations, double theta) {
        int m = p.m();
        double eta = Math.max(m / EXAGGERATION / 4, 50);
        double[] grad = new double[2 * m];
        double[] update = new double[2 * m];
        double[] gains = new double[2 * m];
        Arrays.fill(gains, 1);
        for (int it = 0; it < iterations; it++) {
            boolean early = it < EXAGGERATED;
            if (it == EXAGGERATED) {
                Arrays.fill(update, 0);
                Arrays.fill(gains, 1);
            }
            double momentum = early ? 0.5 : 0.8;
            gradient(p, y, early ? EXAGGERATION : 1, theta, grad);
            for (int c = 0; c < 2 * m; c++) {
                double g = gains[c];
                g = update[c] * grad[c] < 0 ? g + 0.2 : g * 0.8;
                g = Math.max(g, MIN_GAIN);
                gains[c] = g;
                update[c] = momentum * update[c] - eta * g * grad[c];
                y[c] += update[c];
            }
        }
    }

    /**
     * The KL gradient {@code 4 Σ_j (α p_ij - q_ij) w_ij (y_i - y_j)}, the repulsive part by Barnes-Hut.
     *
     * @param p the joint input affinities
     * @param y interleaved positions
     * @param exaggeration {@code α}
     * @param theta Barnes-Hut accuracy ({@code 0}: exact)
     * @param grad receives the gradient, interleaved like {@code y}
     * @return the normalisation {@code Z = Σ_{i≠j} w_ij} as estimated
     */
    static double gradient(Sparse p, double[] y, double exaggeration, double theta, double[] grad) {
        int m = p.m();
        QuadTree tree = new QuadTree(y, m);
        double[] f = new double[2];
        double z = 0;
        for (int i : tree.order()) {
            z += tree.repulsion(i, theta, f);
            grad[2 * i] = f[0];
            grad[2 * i + 1] = f[1];
        }
        finish(p, y, exaggeration, z, grad);
        return z;
    }

    /** The same gradient with every pair summed directly, O(m²); for tests. */
    static double exactGradient(Sparse p, double[] y, double exaggeration, double[] grad) {
        int m = p.m();
        double z = 0;
        for (int i = 0; i < m; i++) {
            double fx = 0;
            double fy = 0;
            for (int j = 0; j < m; j++) {
                if (j != i) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    double q = 1 / (1 + dx * dx + dy * dy);
                    z += q;
                    fx += q * q * dx;
                    fy += q * q * dy;
                }
            }
            grad[2 * i] = fx;
            grad[2 * i + 1] = fy;
        }
        finish(p, y, exaggeration, z, grad);
        return z;
    }

    /** Turns the repulsive sums in {@code grad} into the gradient, adding the attractive part. */
    private static void finish(Sparse p, double[] y, double exaggeration, double z, double[] grad) {
        for (int i = 0; i < p.m(); i++) {
            double ax = 0;
            double ay = 0;
            double xi = y[2 * i];
            double yi = y[2 * i + 1];
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                int j = p.column()[e];
                double dx = xi - y[2 * j];
                double dy = yi - y[2 * j + 1];
                double pq = p.value()[e] / (1 + dx * dx + dy * dy);
                ax += pq * dx;
                ay += pq * dy;
            }
            grad[2 * i] = 4 * (exaggeration * ax - grad[2 * i] / z);
            grad[2 * i + 1] = 4 * (exaggeration * ay - grad[2 * i + 1] / z);
        }
    }

    /** @return {@code KL(P || Q) = Σ p_ij ln(p_ij / q_ij)} with the exact {@code Z}, O(m²) */
    static double klDivergence(Sparse p, double[] y) {
        int m = p.m();
        double z = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                z += 2 / (1 + dx * dx + dy * dy);
            }
        }
        double kl = 0;
        double mass = 0;
        for (int i = 0; i < m; i++) {
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                double v = p.value()[e];
                if (v > 0) {
                    int j = p.column()[e];
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    kl += v * (StrictMath.log(v) + StrictMath.log(1 + dx * dx + dy * dy));
                    mass += v;
                }
            }
        }
        return kl + mass * StrictMath.log(z);
    }
}

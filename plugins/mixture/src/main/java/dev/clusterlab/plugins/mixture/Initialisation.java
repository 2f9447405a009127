package dev.clusterlab.plugins.mixture;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.plugins.kmeans.KMeansAlgorithm;
import dev.clusterlab.plugins.kmeans.KMeansParams;
import dev.clusterlab.plugins.mixture.GmmParams.InitParams;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The initial responsibilities of each {@code init_params} choice, as scikit-learn's
 * {@code _initialize_parameters} (with ClusterLab's random streams, from the run's seed):
 * <ul>
 *   <li>{@code kmeans}: one-hot labels of one k-means fit (the k-means plugin's k-means++ and Lloyd with
 *       scikit-learn's {@code KMeans} defaults: max_iter 300, tol 1e-4, n_init 1)</li>
 *   <li>{@code k-means++}: one-hot on the {@code k} rows greedy k-means++ picks, each its own component;
 *       every other row has no responsibility, so each initial mean is a data row and each initial
 *       covariance is {@code reg_covar} (scikit-learn's {@code resp[indices, arange(k)] = 1})</li>
 *   <li>{@code random}: uniform in {@code [0, 1)}, each row divided by its sum</li>
 *   <li>{@code random_from_data}: as k-means++ with {@code k} distinct rows drawn uniformly</li>
 * </ul>
 */
final class Initialisation {
    private Initialisation() {
    }

    static InitialResponsibilities of(InitParams init, Dataset data, int k, long seed, ExecutionContext context) {
        int n = data.n();
        return switch (init) {
            case KMEANS -> {
                KMeansParams kp = new KMeansParams(k, KMeansParams.Init.K_MEANS_PLUS_PLUS, 1, 300, 1e-4,
                        KMeansParams.Variant.LLOYD, "");
                ClusteringResult km = new KMeansAlgorithm().fit(data, kp, context.withSeed(seed));
                yield InitialResponsibilities.oneHot(km.labels());
            }
            case RANDOM -> {
                SplittableRandom random = new SplittableRandom(seed);
                double[] resp = new double[n * k];
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int c = 0; c < k; c++) {
                        double v = random.nextDouble();
                        resp[i * k + c] = v;
                        s += v;
                    }
                    for (int c = 0; c < k; c++) {
                        resp[i * k + c] /= s;
                    }
                }
                yield InitialResponsibilities.dense(resp);
            }
            case RANDOM_FROM_DATA -> oneHotRows(n, distinctRows(n, k, new SplittableRandom(seed)));
            case K_MEANS_PLUS_PLUS -> oneHotRows(n, kMeansPlusPlusRows(data, k, new SplittableRandom(seed), context));
        };
    }

    private static InitialResponsibilities oneHotRows(int n, int[] rows) {
        int[] component = new int[n];
        Arrays.fill(component, -1);
        for (int c = 0; c < rows.length; c++) {
            component[rows[c]] = c;
        }
        return InitialResponsibilities.oneHot(component);
    }

    /** {@code k} distinct rows, uniformly (Floyd's algorithm: {@code O(k)} memory whatever {@code n}), in draw order. */
    static int[] distinctRows(int n, int k, SplittableRandom random) {
        Set<Integer> chosen = new HashSet<>();
        int[] out = new int[k];
        int next = 0;
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            int pick = chosen.contains(t) ? j : t;
            chosen.add(pick);
            out[next++] = pick;
        }
        return out;
    }

    /**
     * Greedy k-means++ (Arthur and Vassilvitskii 2007, scikit-learn's {@code kmeans_plusplus}): the first row
     * uniformly; each further one the best of {@code 2 + floor(ln k)} candidates drawn with probability
     * proportional to the squared distance to the nearest row chosen so far, best meaning the smallest sum
     * of those squared distances once it is added. Distances from the engine's kernel (float); sums in double.
     *
     * @return the chosen rows, in order
     */
    static int[] kMeansPlusPlusRows(Dataset data, int k, SplittableRandom random, ExecutionContext context) {
        int n = data.n();
        int d = data.d();
        float[] x = data.data();
        int trials = 2 + (int) Math.floor(Math.log(k));
        int[] rows = new int[k];
        float[] closest = new float[n];
        float[] candidate = new float[n];
        float[] bestDistances = new float[n];
        rows[0] = random.nextInt(n);
        context.kernels().distances(Distance.SQUARED_EUCLIDEAN, x, rows[0] * d, x, 0, n, d, closest, 0);
        double[] cumulative = new double[n];
        for (int c = 1; c < k; c++) {
            context.checkCancelled();
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += closest[i];
                cumulative[i] = running;
            }
            double bestPotential = Double.POSITIVE_INFINITY;
            int best = -1;
            for (int t = 0; t < trials; t++) {
                int pick;
                if (!(running > 0)) {
                    pick = random.nextInt(n);
                } else {
                    double target = random.nextDouble() * running;
                    pick = Arrays.binarySearch(cumulative, target);
                    pick = pick >= 0 ? pick : -pick - 1;
                    pick = Math.min(pick, n - 1);
                }
                context.kernels().distances(Distance.SQUARED_EUCLIDEAN, x, pick * d, x, 0, n, d, candidate, 0);
                double potential = 0;
                for (int i = 0; i < n; i++) {
                    candidate[i] = Math.min(candidate[i], closest[i]);
                    potential += candidate[i];
                }
                if (potential < bestPotential || best < 0) {
                    bestPotential = potential;
                    best = pick;
                    System.arraycopy(candidate, 0, bestDistances, 0, n);
                }
            }
            rows[c] = best;
            System.arraycopy(bestDistances, 0, closest, 0, n);
        }
        return rows;
    }
}

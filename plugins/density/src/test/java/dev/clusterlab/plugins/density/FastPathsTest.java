package dev.clusterlab.plugins.density;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.NeighborIndex;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speed paths give exactly the results of the plain ones: DBSCAN's tiled scan (high dimensions) and
 * its grid (low dimensions) against a brute-force DBSCAN, at small and at very large eps. (The
 * strategies against each other: DbscanStrategiesTest; the spanning tree's fast paths are the engine's,
 * tested there: SpanningTreeTest.)
 */
class FastPathsTest {

    /** Gaussian blobs plus uniform noise, float32. */
    static float[][] blobs(int n, int d, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] centres = new float[k][d];
        for (float[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = (float) (rnd.nextDouble() * 20 - 10);
            }
        }
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            boolean noise = i % 10 == 0;
            float[] c = centres[rnd.nextInt(k)];
            for (int j = 0; j < d; j++) {
                rows[i][j] = noise ? (float) (rnd.nextDouble() * 24 - 12) : (float) (c[j] + rnd.nextGaussian());
            }
        }
        return rows;
    }

    /** Textbook DBSCAN with the documented border rule, neighbours decided by the engine's distance. */
    static int[] bruteForce(float[] x, int n, int d, double eps, int minSamples, Distance metric) {
        return bruteForce(x, n, d, eps, minSamples, metric, null);
    }

    static int[] bruteForce(float[] x, int n, int d, double eps, int minSamples, Distance metric, float[] weights) {
        var kernels = Fits.context(1).kernels();
        boolean[][] near = new boolean[n][n];
        boolean[] core = new boolean[n];
        for (int a = 0; a < n; a++) {
            double count = 0;
            for (int b = 0; b < n; b++) {
                near[a][b] = kernels.distance(metric, x, a * d, x, b * d, d) <= eps;
                count += near[a][b] ? (weights == null ? 1 : weights[b]) : 0;
            }
            core[a] = count >= minSamples;
        }
        int[] root = new int[n];
        Arrays.fill(root, -1);
        for (int a = 0; a < n; a++) { // flood fill from core points in row order: roots are smallest core rows
            if (!core[a] || root[a] >= 0) {
                continue;
            }
            int[] stack = new int[n];
            int top = 0;
            stack[top++] = a;
            root[a] = a;
            while (top > 0) {
                int p = stack[--top];
                for (int b = 0; b < n; b++) {
                    if (near[p][b] && core[b] && root[b] < 0) {
                        root[b] = a;
                        stack[top++] = b;
                    }
                }
            }
        }
        for (int a = 0; a < n; a++) {
            if (!core[a]) {
                for (int b = 0; b < n; b++) {
                    if (near[a][b] && core[b] && (root[a] < 0 || root[b] < root[a])) {
                        root[a] = root[b];
                    }
                }
            }
        }
        return DbscanAlgorithm.renumberByFirstAppearance(root);
    }

    @Test
    void tiledScanInHighDimensionsEqualsBruteForceAtSmallAndLargeEps() {
        int n = 900;
        int d = 12;
        Dataset data = Dataset.of("blobs12", blobs(n, d, 4, 11));
        NeighborIndex index = Fits.context(1).kernels().neighborIndex(data.data(), n, d, Distance.EUCLIDEAN);
        assertThat(index.kind()).as("the tiled path needs the engine's scan").isEqualTo(NeighborIndex.Kind.SCAN);
        // eps 3: small neighbourhoods; eps 30: about everything.
        for (double eps : new double[] {3.0, 4.5, 30.0}) {
            int[] expected = bruteForce(data.data(), n, d, eps, 5, Distance.EUCLIDEAN);
            for (int threads : new int[] {1, 3}) {
                ClusteringResult r = Fits.fit(new DbscanAlgorithm(), data, Map.of("eps", eps, "min_samples", 5), threads);
                assertThat(r.labels()).as("eps %s, %d threads", eps, threads).isEqualTo(expected);
            }
            if (eps < 10) {
                assertThat(Arrays.stream(expected).max().orElseThrow()).as("clusters at eps %s", eps).isGreaterThanOrEqualTo(1);
            }
        }
        // Sample weights: the neighbourhood weight decides coreness.
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (i % 7) * 0.5f;
        }
        assertThat(Fits.fit(new DbscanAlgorithm(), data.withWeights(w), Map.of("eps", 4.0, "min_samples", 8), 2).labels())
                .isEqualTo(bruteForce(data.data(), n, d, 4.0, 8, Distance.EUCLIDEAN, w));
        // A non-metric distance: tiles without the ball pruning.
        int[] cosine = bruteForce(data.data(), n, d, 0.05, 5, Distance.COSINE);
        assertThat(Fits.fit(new DbscanAlgorithm(), data, Map.of("eps", 0.05, "min_samples", 5, "metric", "cosine"), 2)
                .labels()).isEqualTo(cosine);
    }

    @Test
    void lowDimensionalPathEqualsBruteForceAtSmallAndLargeEps() {
        int n = 1500;
        int d = 2;
        Dataset data = Dataset.of("blobs2", blobs(n, d, 5, 12));
        // eps 0.3: a few neighbours per point; eps 15: hundreds.
        for (double eps : new double[] {0.3, 15.0}) {
            int[] expected = bruteForce(data.data(), n, d, eps, 5, Distance.EUCLIDEAN);
            ClusteringResult r = Fits.fit(new DbscanAlgorithm(), data, Map.of("eps", eps, "min_samples", 5), 2);
            assertThat(r.labels()).as("eps %s", eps).isEqualTo(expected);
        }
    }
}

package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.NeighborIndex;
import java.util.Arrays;

/**
 * Builds the three affinity graphs of scikit-learn's {@code SpectralClustering}.
 * <ul>
 *   <li>rbf: {@code A_ij = exp(-gamma |x_i - x_j|^2)}, squared distances from direct differences by the
 *       engine's many-to-many float kernel in tiles of 64 rows against the columns from the tile's first
 *       row on, {@code exp} in double, stored as float in the packed upper triangle ({@link DenseAffinity}):
 *       each value is computed once, so the matrix is exactly symmetric. {@code 2 n (n + 1)} bytes,
 *       refused before allocating when the heap cannot hold them.</li>
 *   <li>nearest_neighbors: {@code kneighbors_graph(X, n_neighbors, include_self=True)}, the connectivity
 *       {@code C} with a 1 for each of a point's {@code n_neighbors} nearest points (itself among them, at
 *       distance 0), from the engine's neighbour index (ties by ascending row), made symmetric as
 *       {@code 0.5 (C + C^T)}: weight 1 where both points list each other, 0.5 where one does.</li>
 *   <li>precomputed: the dataset's rows, after checking that the matrix is square, finite,
 *       non-negative and symmetric within rounding (relative {@value #SYMMETRY_TOLERANCE}), packed into
 *       its upper triangle (entries that differ by rounding averaged).</li>
 * </ul>
 * The diagonal never matters (the Laplacian leaves it out).
 */
final class AffinityGraphs {
    /** Relative asymmetry of a precomputed matrix accepted as rounding (float's, with room). */
    static final double SYMMETRY_TOLERANCE = 1e-5;

    private AffinityGraphs() {
    }

    /** Throws, naming the figures, when a packed {@code n x n} float triangle does not fit the heap. */
    static void checkDenseFits(String what, int n) {
        long bytes = 4 * DenseAffinity.packedLength(n);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (DenseAffinity.packedLength(n) > Integer.MAX_VALUE - 8 || bytes > free) {
            throw new DataException(SpectralAlgorithm.ID + ": " + what + " of " + n + " points needs the upper triangle of a dense "
                    + n + " x " + n + " float matrix, " + mb(bytes) + " MB, but the heap has " + mb(free) + " MB free (of "
                    + mb(rt.maxMemory()) + " MB maximum); use affinity: nearest_neighbors (sparse) or a larger heap (-Xmx, CLUSTERLAB_OPTS)");
        }
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** Rows per tile of the rbf matrix. */
    private static final int TILE = 64;

    /** The rbf affinity: each tile of rows against the columns from its first row on, each value computed once. */
    static DenseAffinity rbf(Dataset data, double gamma, ExecutionContext context) {
        int n = data.n();
        int d = data.d();
        checkDenseFits("affinity: rbf", n);
        float[] x = data.data();
        float[] a = new float[(int) DenseAffinity.packedLength(n)];
        context.parallel().forEachChunk(n, TILE, (chunk, from, to) -> {
            int width = n - from;
            float[] tile = new float[(to - from) * width];
            context.kernels().pairwise(Distance.SQUARED_EUCLIDEAN, x, from, to, x, from, n, d, tile);
            for (int i = from; i < to; i++) {
                int p = (int) DenseAffinity.rowStart(i, n) - i;
                int o = (i - from) * width - from;
                for (int j = i; j < n; j++) {
                    a[p + j] = (float) Math.exp(-gamma * tile[o + j]);
                }
            }
            context.checkCancelled();
        });
        return DenseAffinity.of(a, n, context.parallel());
    }

    /** The symmetrised k-nearest-neighbour connectivity. */
    static SparseAffinity nearestNeighbors(Dataset data, int nNeighbors, ExecutionContext context) {
        int n = data.n();
        if (nNeighbors > n) {
            throw new DataException(SpectralAlgorithm.ID + ": n_neighbors=" + nNeighbors + " (the point itself included) but the dataset '"
                    + data.name() + "' has only " + n + " points; n_neighbors must be at most the number of points");
        }
        int q = nNeighbors;
        NeighborIndex index = context.kernels().neighborIndex(data.data(), n, data.d(), Distance.EUCLIDEAN);
        int[] ids = new int[n * q];
        context.parallel().forEachChunk(n, 512, (chunk, from, to) -> {
            int[] part = new int[(to - from) * q];
            index.knn(from, to, q, part, new float[part.length]);
            System.arraycopy(part, 0, ids, from * q, part.length);
            context.checkCancelled();
        });
        // Forward lists (each row's neighbours, sorted, itself left out) and reverse lists (who lists me).
        int[] forwardCount = new int[n + 1];
        int[] reverseCount = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int o = i * q;
            Arrays.sort(ids, o, o + q);
            for (int p = o; p < o + q; p++) {
                int j = ids[p];
                if (j != i) {
                    forwardCount[i + 1]++;
                    reverseCount[j + 1]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            reverseCount[i + 1] += reverseCount[i];
        }
        int[] reverse = new int[reverseCount[n]];
        int[] fill = Arrays.copyOf(reverseCount, n);
        for (int i = 0; i < n; i++) {
            for (int p = i * q; p < i * q + q; p++) {
                int j = ids[p];
                if (j != i) {
                    reverse[fill[j]++] = i; // i ascending: every reverse list comes out sorted
                }
            }
        }
        // Merge the two sorted lists of each row: 0.5 for a listing, 1 for a mutual one.
        int[] rowStart = new int[n + 1];
        int[] cols = new int[reverse.length + n * q];
        float[] vals = new float[cols.length];
        int out = 0;
        for (int i = 0; i < n; i++) {
            int f = i * q;
            int fEnd = f + q;
            int r = reverseCount[i];
            int rEnd = reverseCount[i + 1];
            while (f < fEnd || r < rEnd) {
                if (f < fEnd && ids[f] == i) {
                    f++;
                    continue;
                }
                int jf = f < fEnd ? ids[f] : Integer.MAX_VALUE;
                int jr = r < rEnd ? reverse[r] : Integer.MAX_VALUE;
                if (jf == jr) {
                    cols[out] = jf;
                    vals[out++] = 1f;
                    f++;
                    r++;
                } else if (jf < jr) {
                    cols[out] = jf;
                    vals[out++] = 0.5f;
                    f++;
                } else {
                    cols[out] = jr;
                    vals[out++] = 0.5f;
                    r++;
                }
            }
            rowStart[i + 1] = out;
        }
        cols = Arrays.copyOf(cols, out);
        vals = Arrays.copyOf(vals, out);
        return new SparseAffinity(n, rowStart, cols, vals, SparseAffinity.degrees(n, rowStart, vals));
    }

    /** The dataset's rows as the affinity, checked. */
    static DenseAffinity precomputed(Dataset data, ExecutionContext context) {
        int n = data.n();
        if (data.d() != n) {
            throw new DataException(SpectralAlgorithm.ID + ": affinity: precomputed needs a square n x n similarity matrix, but the dataset '"
                    + data.name() + "' has " + n + " rows and " + data.d() + " columns");
        }
        float[] a = data.data();
        boolean exact = true;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                float v = a[i * n + j];
                float w = a[j * n + i];
                if (!(v >= 0) || !(w >= 0) || !Float.isFinite(v) || !Float.isFinite(w)) {
                    float bad = !(v >= 0) || !Float.isFinite(v) ? v : w;
                    int[] at = !(v >= 0) || !Float.isFinite(v) ? new int[] {i, j} : new int[] {j, i};
                    throw new DataException(SpectralAlgorithm.ID + ": affinity: precomputed needs non-negative finite similarities, but row "
                            + (at[0] + 1) + ", column " + (at[1] + 1) + " of the dataset '" + data.name() + "' is " + bad);
                }
                if (v != w) {
                    exact = false;
                    if (Math.abs(v - w) > SYMMETRY_TOLERANCE * Math.max(v, w)) {
                        throw new DataException(SpectralAlgorithm.ID + ": affinity: precomputed needs a symmetric similarity matrix, but in the dataset '"
                                + data.name() + "' row " + (i + 1) + ", column " + (j + 1) + " is " + v + " and row " + (j + 1) + ", column "
                                + (i + 1) + " is " + w + " (more than rounding apart: relative tolerance " + SYMMETRY_TOLERANCE + ")");
                    }
                }
            }
        }
        // Packed upper triangle; a matrix symmetric within rounding is averaged, so the operator is exactly symmetric.
        checkDenseFits("affinity: precomputed (its packed upper triangle)", n);
        float[] packed = new float[(int) DenseAffinity.packedLength(n)];
        for (int i = 0; i < n; i++) {
            int p = (int) DenseAffinity.rowStart(i, n) - i;
            for (int j = i; j < n; j++) {
                float v = a[i * n + j];
                float w = a[j * n + i];
                packed[p + j] = exact || v == w ? v : (float) (0.5 * ((double) v + w));
            }
        }
        return DenseAffinity.of(packed, n, context.parallel());
    }
}

package dev.clusterlab.plugins.kmedoids;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import java.util.Locale;

/**
 * The full {@code n x n} dissimilarity matrix, row-major in float: entry {@code (i, j)} at {@code i n + j}.
 * Every k-medoids step reads whole rows of it (the distances of one candidate to all points), which is
 * why it is kept square rather than as a triangle: a row is one contiguous read.
 *
 * <p>From features it is made with the engine's many-to-many kernel, in blocks of {@value #BLOCK_ROWS}
 * rows against all rows, in parallel over fixed blocks (each entry depends only on its two rows, so the
 * matrix is the same for any thread count). A precomputed matrix is the dataset's own array, validated
 * (square, finite, non-negative, symmetric within a tolerance), never copied.
 *
 * @since 0.2
 */
final class Dissimilarities {
    /** Rows per parallel block of the pairwise kernel. */
    static final int BLOCK_ROWS = 64;
    /** From this many features the rows go through the many-to-many kernel (its tiles), below it row by row. */
    static final int TILE_MIN_DIM = 32;
    /** The most entries one float array holds. */
    static final long MAX_ENTRIES = Integer.MAX_VALUE - 8;
    /**
     * Relative tolerance of the symmetry check of a precomputed matrix: {@code |a_ij - a_ji|} at most this
     * times {@code max(a_ij, a_ji)}, plus an absolute {@code 1e-6} times the largest entry (float matrices
     * written by a program that computed each half separately differ by rounding).
     */
    static final double SYMMETRY_TOLERANCE = 1e-5;

    final int n;
    final float[] d;

    private Dissimilarities(int n, float[] d) {
        this.n = n;
        this.d = d;
    }

    /** @return entry {@code (i, j)} */
    float get(int i, int j) {
        return d[i * n + j];
    }

    /**
     * The distances of the dataset's rows in the given distance.
     *
     * @param data the points
     * @param distance the distance
     * @param context kernels and threads
     * @return the matrix
     * @throws DataException if it does not fit in the heap or in one array, naming the GB needed
     */
    static Dissimilarities of(Dataset data, Distance distance, ExecutionContext context) {
        int n = data.n();
        int dim = data.d();
        checkHeap(n, data.name());
        float[] m = new float[n * n];
        float[] x = data.data();
        boolean tiles = dim >= TILE_MIN_DIM;
        context.parallel().forEachChunk(n, BLOCK_ROWS, (chunk, from, to) -> {
            context.checkCancelled();
            if (tiles) {
                // The many-to-many kernel's register tiles pay off in many dimensions; it writes from 0, hence the copy.
                float[] block = new float[(to - from) * n];
                context.kernels().pairwise(distance, x, from, to, x, 0, n, dim, block);
                System.arraycopy(block, 0, m, from * n, block.length);
            } else {
                // In few dimensions the engine runs the one-to-many kernel per row anyway: write straight into the matrix.
                for (int i = from; i < to; i++) {
                    context.kernels().distances(distance, x, i * dim, x, 0, n, dim, m, i * n);
                }
            }
        });
        return new Dissimilarities(n, m);
    }

    /**
     * The dataset itself as a dissimilarity matrix (not copied).
     *
     * @param data {@code n} rows of {@code n} columns
     * @return the matrix
     * @throws DataException if it is not square, not finite, negative somewhere or not symmetric, naming
     *     the shape or the first offending row and column (1-based)
     */
    static Dissimilarities precomputed(Dataset data) {
        int n = data.n();
        if (data.d() != n) {
            throw new DataException(String.format(Locale.ROOT, "%s: metric 'precomputed' reads the dataset '%s' as the n x n "
                    + "dissimilarity matrix, so it needs as many columns as rows; found %d rows and %d columns",
                    KMedoidsAlgorithm.ID, data.name(), n, data.d()));
        }
        if ((long) n * n > MAX_ENTRIES) {
            throw new DataException(KMedoidsAlgorithm.ID + ": a precomputed matrix of " + n + " rows is larger than one array holds");
        }
        float[] m = data.data();
        float max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float v = m[i * n + j];
                if (!(v >= 0) || v == Float.POSITIVE_INFINITY) {
                    throw new DataException(String.format(Locale.ROOT, "%s: the precomputed dissimilarity in row %d, column %d of "
                            + "'%s' is %s; dissimilarities must be finite and non-negative", KMedoidsAlgorithm.ID, i + 1, j + 1,
                            data.name(), v));
                }
                max = Math.max(max, v);
            }
        }
        double absolute = 1e-6 * max;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float a = m[i * n + j];
                float b = m[j * n + i];
                if (Math.abs((double) a - b) > SYMMETRY_TOLERANCE * Math.max(a, b) + absolute) {
                    throw new DataException(String.format(Locale.ROOT, "%s: the precomputed matrix '%s' is not symmetric: row %d, "
                            + "column %d is %s but row %d, column %d is %s", KMedoidsAlgorithm.ID, data.name(), i + 1, j + 1, a,
                            j + 1, i + 1, b));
                }
            }
        }
        return new Dissimilarities(n, m);
    }

    /** @return the bytes the matrix of {@code n} points takes @since 0.2 */
    static long bytesNeeded(int n) {
        return 4L * n * n;
    }

    /**
     * Refuses, before allocating, a matrix that the heap cannot hold, with the figure.
     *
     * @throws DataException if it needs more than the free heap or more entries than one array holds
     */
    static void checkHeap(int n, String where) {
        if ((long) n * n > MAX_ENTRIES) {
            throw new DataException(String.format(Locale.ROOT, "%s: %,d points of '%s' are more than k-medoids takes here: its "
                    + "n x n dissimilarity matrix holds at most %,d entries (n <= %,d); cluster a sample (%.2f GB would be needed)",
                    KMedoidsAlgorithm.ID, n, where, MAX_ENTRIES, (int) Math.sqrt(MAX_ENTRIES), bytesNeeded(n) / 1e9));
        }
        long need = bytesNeeded(n) + 64L * n;
        long free = freeHeap();
        if (need > free) {
            // Garbage counts as used until collected (an earlier fit's matrix, say): collect once before refusing.
            System.gc();
            free = freeHeap();
        }
        if (need > free) {
            throw new DataException(String.format(Locale.ROOT, "%s: %,d points of '%s' need %.2f GB for the n x n dissimilarity "
                    + "matrix (4 n^2 bytes), but the heap has %.2f GB free; give the JVM more (CLUSTERLAB_OPTS=-Xmx..., the child "
                    + "JVM: CLUSTERLAB_CHILD_OPTS) or cluster fewer points", KMedoidsAlgorithm.ID, n, where, need / 1e9, free / 1e9));
        }
    }

    private static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }
}

package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;

/**
 * The {@code n(n-1)/2} pairwise distances of the rows, as a condensed float matrix (SciPy's {@code pdist}
 * layout: pair {@code i < j} at {@code n i - i(i+1)/2 + j - i - 1}), for the linkages that need every
 * pair (complete, average, weighted). Refuses, before allocating, a matrix that does not fit the heap.
 */
final class CondensedMatrix {
    /** Rows per parallel chunk when filling: fixed, and the values never depend on the split. */
    private static final int CHUNK = 64;

    final float[] values;
    final int n;

    private CondensedMatrix(float[] values, int n) {
        this.values = values;
        this.n = n;
    }

    /** @return the position of pair {@code (i, j)}, {@code i != j} */
    long index(int i, int j) {
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        return (long) n * lo - (long) lo * (lo + 1) / 2 + (hi - lo - 1);
    }

    float get(int i, int j) {
        return values[(int) index(i, j)];
    }

    void set(int i, int j, float v) {
        values[(int) index(i, j)] = v;
    }

    /** @return the bytes the matrix of {@code n} rows takes */
    static long bytes(int n) {
        return 4L * n * (n - 1) / 2;
    }

    /**
     * @param owner who needs it, for the message (e.g. {@code "agglomerative linkage=complete"})
     * @throws DataException if the matrix cannot be held in one array or does not fit the free heap
     */
    static void checkFits(String owner, int n) {
        long pairs = (long) n * (n - 1) / 2;
        long need = bytes(n);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        String advice = "; ward and single linkage (and genie) need no matrix, or raise the heap (-Xmx, or JAVA_OPTS for clusterlab)";
        if (pairs > Integer.MAX_VALUE - 8) {
            throw new DataException(owner + " keeps all n(n-1)/2 pairwise distances: " + pairs + " for n=" + n
                    + ", more than one Java array holds (at most n = 65,535)" + advice);
        }
        if (need > free) {
            throw new DataException(owner + " keeps all n(n-1)/2 pairwise distances: " + mb(need) + " for n=" + n
                    + ", but only " + mb(free) + " of the heap is free" + advice);
        }
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,d MB", (bytes + (1 << 20) - 1) >> 20);
    }

    static CondensedMatrix of(String owner, float[] x, int n, int d, Distance metric, ExecutionContext context) {
        checkFits(owner, n);
        CondensedMatrix m = new CondensedMatrix(new float[(int) ((long) n * (n - 1) / 2)], n);
        context.parallel().forEachChunk(n, CHUNK, (chunk, from, to) -> {
            context.checkCancelled();
            for (int i = from; i < to; i++) {
                if (i + 1 < n) {
                    context.kernels().distances(metric, x, i * d, x, i + 1, n, d, m.values, (int) m.index(i, i + 1));
                }
            }
        });
        return m;
    }
}

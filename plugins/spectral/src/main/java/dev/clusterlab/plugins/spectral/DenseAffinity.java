package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.kernel.UnionFind;
import java.util.List;

/**
 * A dense symmetric affinity matrix held as its packed upper triangle in floats (row {@code i} holds
 * columns {@code i..n-1}, diagonal included): {@code 2 n (n + 1)} bytes, 50 MB for 5,000 points and
 * 800 MB for 20,000. The rbf kernel and precomputed matrices use it.
 *
 * <p><b>Product.</b> {@code y = (A - diag A) x} reads every stored entry once: row {@code i} gives the
 * dot product {@code sum_{j > i} a_ij x_j} for {@code y_i} and scatters {@code a_ij x_i} to the
 * {@code y_j} below. Rows are split into a fixed number of chunks that depends on {@code n} only; each
 * chunk scatters into its own buffer and the buffers are added in chunk order, so the result does not
 * depend on the thread count. The product is bound by memory bandwidth, which the packed triangle
 * halves against a full matrix. Sums in double.
 */
final class DenseAffinity extends NormalizedAffinity {
    /** Chunks of rows per product (fewer for small n): bounds the scatter buffers to {@code CHUNKS n} doubles. */
    static final int CHUNKS = 32;
    private final float[] packed;
    private final double[] degree;

    private DenseAffinity(float[] packed, int n, double[] degree) {
        super(n, degree);
        this.packed = packed;
        this.degree = degree;
    }

    /**
     * @param packed the upper triangle (taken over)
     * @param n order
     * @param parallel for the degrees
     * @return the normalised affinity
     */
    static DenseAffinity of(float[] packed, int n, Parallel parallel) {
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        double[] degree = new double[n];
        symmetricProduct(packed, n, ones, degree, parallel);
        return new DenseAffinity(packed, n, degree);
    }

    /** @return the start of row i in the packed triangle */
    static long rowStart(int i, int n) {
        return (long) i * n - (long) i * (i - 1) / 2;
    }

    /** @return the length of the packed triangle, {@code n (n + 1) / 2} */
    static long packedLength(int n) {
        return (long) n * (n + 1) / 2;
    }

    /** {@code y = (A - diag A) x} for the packed triangle {@code a}. */
    static void symmetricProduct(float[] a, int n, double[] x, double[] y, Parallel parallel) {
        int rowsPerChunk = Math.max(64, (n + CHUNKS - 1) / CHUNKS);
        List<double[]> scattered = parallel.mapChunks(n, rowsPerChunk, (chunk, from, to) -> {
            double[] z = new double[n];
            for (int i = from; i < to; i++) {
                int p = (int) rowStart(i, n) + 1 - (i + 1); // a_ij at p + j, for j > i
                double xi = x[i];
                // Four partial sums: independent chains the processor can overlap; their order is fixed.
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int j = i + 1;
                for (; j + 3 < n; j += 4) {
                    s0 += a[p + j] * x[j];
                    s1 += a[p + j + 1] * x[j + 1];
                    s2 += a[p + j + 2] * x[j + 2];
                    s3 += a[p + j + 3] * x[j + 3];
                }
                for (; j < n; j++) {
                    s0 += a[p + j] * x[j];
                }
                z[i] += (s0 + s1) + (s2 + s3);
                // The transpose's part, a separate loop so that the compiler can vectorise it.
                for (j = i + 1; j < n; j++) {
                    z[j] += a[p + j] * xi;
                }
            }
            return z;
        });
        parallel.forEachChunk(n, 4096, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (double[] z : scattered) {
                    s += z[i];
                }
                y[i] = s;
            }
        });
    }

    @Override
    void multiply(double[] x, double[] y, Parallel parallel) {
        double[] t = new double[n];
        for (int j = 0; j < n; j++) {
            t[j] = scale[j] * x[j];
        }
        symmetricProduct(packed, n, t, y, parallel);
        for (int i = 0; i < n; i++) {
            y[i] *= scale[i];
        }
    }

    @Override
    double[] toDense() {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            int p = (int) rowStart(i, n) - i;
            for (int j = i + 1; j < n; j++) {
                double v = scale[i] * packed[p + j] * scale[j];
                m[i * n + j] = v;
                m[j * n + i] = v;
            }
        }
        return m;
    }

    @Override
    int[] components() {
        UnionFind uf = new UnionFind(n);
        for (int i = 0; i < n; i++) {
            int p = (int) rowStart(i, n) - i;
            int ri = uf.find(i);
            for (int j = i + 1; j < n; j++) {
                // Roots are smallest members, so in a complete graph every find after row 0 is one hop.
                if (packed[p + j] != 0 && uf.find(j) != ri) {
                    uf.union(i, j);
                    ri = uf.find(i);
                }
            }
        }
        int[] comp = new int[n];
        int[] rootComp = new int[n];
        java.util.Arrays.fill(rootComp, -1);
        int count = 0;
        for (int i = 0; i < n; i++) {
            int r = uf.find(i);
            if (rootComp[r] < 0) {
                rootComp[r] = count++;
            }
            comp[i] = rootComp[r];
        }
        return comp;
    }

    @Override
    long entries() {
        return (long) n * n;
    }

    @Override
    boolean degreeZero(int i) {
        return degree[i] == 0;
    }
}

package dev.clusterlab.plugins.spectral;

import dev.clusterlab.api.exec.Parallel;
import dev.clusterlab.api.kernel.UnionFind;

/**
 * A sparse symmetric affinity in compressed rows (CSR, columns ascending, no diagonal): the
 * k-nearest-neighbour graph {@code 0.5 (C + C^T)}. Memory 12 bytes per stored entry (at most
 * {@code 2 n n_neighbors} of them) plus {@code 4 (n + 1)}: about 12 MB for 50,000 points and 10 neighbours.
 */
final class SparseAffinity extends NormalizedAffinity {
    private final int[] rowStart;
    private final int[] columns;
    private final float[] values;
    private final double[] degree;

    SparseAffinity(int n, int[] rowStart, int[] columns, float[] values, double[] degree) {
        super(n, degree);
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
        this.degree = degree;
    }

    /** @return the row sums, in double, in column order */
    static double[] degrees(int n, int[] rowStart, float[] values) {
        double[] degree = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                s += values[p];
            }
            degree[i] = s;
        }
        return degree;
    }

    @Override
    void multiply(double[] x, double[] y, Parallel parallel) {
        parallel.forEachChunk(n, ROW_CHUNK * 16, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                double s = 0;
                for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                    int j = columns[p];
                    s += values[p] * scale[j] * x[j];
                }
                y[i] = scale[i] * s;
            }
        });
    }

    @Override
    double[] toDense() {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                m[i * n + columns[p]] = scale[i] * values[p] * scale[columns[p]];
            }
        }
        return m;
    }

    @Override
    int[] components() {
        UnionFind uf = new UnionFind(n);
        for (int i = 0; i < n; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                uf.union(i, columns[p]);
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
        return columns.length;
    }

    @Override
    boolean degreeZero(int i) {
        return degree[i] == 0;
    }
}

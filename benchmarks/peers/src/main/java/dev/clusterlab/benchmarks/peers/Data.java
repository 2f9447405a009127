package dev.clusterlab.benchmarks.peers;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded synthetic data shared by every library in a run, plus the conversions each peer needs (done outside timing). */
final class Data {
    final String name;
    final int n;
    final int d;
    final float[] rows;

    private Data(String name, int n, int d, float[] rows) {
        this.name = name;
        this.n = n;
        this.d = d;
        this.rows = rows;
    }

    /**
     * Gaussian blobs: {@code centres} centres uniform in [-box, box]^d, unit standard deviation times {@code spread},
     * and a share {@code noise} of points uniform in the box.
     */
    static Data blobs(String name, int n, int d, int centres, double box, double spread, double noise, long seed) {
        // -Dpeers.scale=0.02 shrinks every dataset for a smoke test of the harness.
        n = Math.max(500, (int) (n * Double.parseDouble(System.getProperty("peers.scale", "1"))));
        SplittableRandom r = new SplittableRandom(seed);
        double[] c = new double[centres * d];
        for (int i = 0; i < c.length; i++) {
            c[i] = (r.nextDouble() * 2 - 1) * box;
        }
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < noise) {
                for (int j = 0; j < d; j++) {
                    x[i * d + j] = (float) ((r.nextDouble() * 2 - 1) * box);
                }
            } else {
                int b = r.nextInt(centres);
                for (int j = 0; j < d; j++) {
                    x[i * d + j] = (float) (c[b * d + j] + gaussian(r) * spread);
                }
            }
        }
        return new Data(name, n, d, x);
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private double[][] doubles;
    private org.tribuo.MutableDataset<org.tribuo.clustering.ClusterID> tribuo;

    double[][] doublesCached() {
        if (doubles == null) {
            doubles = doubles();
        }
        return doubles;
    }

    org.tribuo.MutableDataset<org.tribuo.clustering.ClusterID> tribuoCached() {
        if (tribuo == null) {
            tribuo = Peers.tribuo(this);
        }
        return tribuo;
    }

    /** Rows as double[][] (the values of the float data, widened exactly). */
    double[][] doubles() {
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = rows[i * d + j];
            }
        }
        return out;
    }

    float[][] floats() {
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(rows, i * d, (i + 1) * d);
        }
        return out;
    }

    /**
     * The radius at which the average point has {@code neighbours} neighbours (itself included), estimated from the
     * exact distances of 400 sampled points to all points.
     */
    double epsForAverageNeighbours(int neighbours, long seed) {
        int s = Math.min(400, n);
        SplittableRandom r = new SplittableRandom(seed);
        float[] all = new float[s * n];
        for (int q = 0; q < s; q++) {
            int i = r.nextInt(n);
            for (int p = 0; p < n; p++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    double diff = rows[i * d + j] - rows[p * d + j];
                    sum += diff * diff;
                }
                all[q * n + p] = (float) sum;
            }
        }
        Arrays.sort(all);
        return Math.sqrt(all[neighbours * s - 1]);
    }
}

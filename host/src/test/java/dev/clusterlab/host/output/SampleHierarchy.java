package dev.clusterlab.host.output;

import dev.clusterlab.api.algorithm.ClusterHierarchy;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made condensed tree over 300 points and its HDBSCAN labels, for the file and report tests:
 * points 0-4 fall out of the root (300) at lambda 0.2; the root splits at 0.5 into 301 (points 5-154)
 * and 302; points 155-159 fall out of 302 at 0.8; 302 splits at 1 into 303 (160-239) and 304 (240-299).
 * Points fall out of the leaves gradually up to lambda 3; two points of 304 are duplicates (lambda inf).
 * The selected clusters are 301 (label 0) and 302 (label 1).
 */
public final class SampleHierarchy {
    public static final int N = 300;

    private SampleHierarchy() {
    }

    public static ClusterHierarchy tree() {
        List<int[]> ids = new ArrayList<>();
        List<Double> lambdas = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            add(ids, lambdas, 300, p, 0.2, 1);
        }
        add(ids, lambdas, 300, 301, 0.5, 150);
        add(ids, lambdas, 300, 302, 0.5, 145);
        for (int p = 5; p < 155; p++) {
            add(ids, lambdas, 301, p, 0.5 + 2.5 * (p - 5) / 150.0, 1);
        }
        for (int p = 155; p < 160; p++) {
            add(ids, lambdas, 302, p, 0.8, 1);
        }
        add(ids, lambdas, 302, 303, 1, 80);
        add(ids, lambdas, 302, 304, 1, 60);
        for (int p = 160; p < 240; p++) {
            add(ids, lambdas, 303, p, 1 + 2.0 * (p - 160) / 80.0, 1);
        }
        for (int p = 240; p < 300; p++) {
            add(ids, lambdas, 304, p, p >= 298 ? Double.POSITIVE_INFINITY : 1 + 2.0 * (p - 240) / 60.0, 1);
        }
        int rows = ids.size();
        int[] parent = new int[rows];
        int[] child = new int[rows];
        int[] size = new int[rows];
        double[] lambda = new double[rows];
        for (int r = 0; r < rows; r++) {
            parent[r] = ids.get(r)[0];
            child[r] = ids.get(r)[1];
            size[r] = ids.get(r)[2];
            lambda[r] = lambdas.get(r);
        }
        return new ClusterHierarchy(parent, child, lambda, size);
    }

    public static int[] labels() {
        int[] labels = new int[N];
        for (int p = 0; p < N; p++) {
            labels[p] = p < 5 ? -1 : p < 155 ? 0 : 1;
        }
        return labels;
    }

    private static void add(List<int[]> ids, List<Double> lambdas, int parent, int child, double lambda, int size) {
        ids.add(new int[] {parent, child, size});
        lambdas.add(lambda);
    }
}

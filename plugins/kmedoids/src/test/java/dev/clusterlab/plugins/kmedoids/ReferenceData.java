package dev.clusterlab.plugins.kmedoids;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The committed data of {@code scripts/reference/kmedoids_reference.py} and the test helpers around it:
 * contexts, brute-force losses and a seeded generator of more data.
 */
final class ReferenceData {
    /** Relative tolerance between two double sums of the same float dissimilarities in another order. */
    static final double SAME_LOSS = 1e-9;

    private ReferenceData() {
    }

    /** A run of {@code exhaustive.csv}: the float64 optimum over all k-subsets. */
    record Exhaustive(String run, String dataset, String metric, int k, double loss, int[] medoids) {
        @Override
        public String toString() {
            return run;
        }
    }

    static ExecutionContext context(int threads) {
        return context(threads, 1);
    }

    static ExecutionContext context(int threads, long seed) {
        return ExecutionContextFactory.load().create(threads, seed);
    }

    static List<String> lines(String resource) {
        InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource /reference/" + resource
                    + "; run scripts/reference/kmedoids_reference.py");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dataset dataset(String name) {
        List<String> lines = lines(name + ".data.csv");
        int d = lines.getFirst().split(",").length;
        int n = lines.size() - 1;
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            for (int j = 0; j < d; j++) {
                x[i * d + j] = Float.parseFloat(f[j]);
            }
        }
        return Dataset.of(name, n, d, x, Arrays.asList(lines.getFirst().split(",")), null);
    }

    static List<Exhaustive> exhaustive() {
        List<String> lines = lines("exhaustive.csv");
        List<Exhaustive> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add(new Exhaustive(f[0], f[1], f[2], Integer.parseInt(f[3]), Double.parseDouble(f[4]),
                    Arrays.stream(f[5].split(" ")).mapToInt(Integer::parseInt).toArray()));
        }
        return out;
    }

    /** Seeded Gaussian blobs (our own generator): {@code centres} centres uniform in [-box, box]^d, unit spread. */
    static Dataset blobs(String name, int n, int d, int centres, double box, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] c = new double[centres * d];
        for (int i = 0; i < c.length; i++) {
            c[i] = (r.nextDouble() * 2 - 1) * box;
        }
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            int b = r.nextInt(centres);
            for (int j = 0; j < d; j++) {
                double u = r.nextDouble();
                double v = r.nextDouble();
                x[i * d + j] = (float) (c[b * d + j] + Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v));
            }
        }
        return Dataset.of(name, n, d, x, null, null);
    }

    /** The total deviation of a medoid set, by brute force over the float matrix, in double. */
    static double loss(Dissimilarities d, int[] medoids) {
        double sum = 0;
        for (int o = 0; o < d.n; o++) {
            float best = Float.POSITIVE_INFINITY;
            for (int m : medoids) {
                best = Math.min(best, d.get(o, m));
            }
            sum += best;
        }
        return sum;
    }

    /** The smallest total deviation over all k-subsets of the rows, by brute force, and the first subset attaining it. */
    static int[] exhaustiveBest(Dissimilarities d, int k) {
        int[] current = new int[k];
        for (int i = 0; i < k; i++) {
            current[i] = i;
        }
        int[] best = current.clone();
        double bestLoss = loss(d, current);
        while (true) {
            int i = k - 1;
            while (i >= 0 && current[i] == d.n - k + i) {
                i--;
            }
            if (i < 0) {
                return best;
            }
            current[i]++;
            for (int j = i + 1; j < k; j++) {
                current[j] = current[j - 1] + 1;
            }
            double l = loss(d, current);
            if (l < bestLoss) {
                bestLoss = l;
                best = current.clone();
            }
        }
    }

    static int[] sorted(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        return s;
    }
}

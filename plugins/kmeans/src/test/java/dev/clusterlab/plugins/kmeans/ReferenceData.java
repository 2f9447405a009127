package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the files written by {@code scripts/reference/kmeans_reference.py} from the test class path:
 * datasets with their ground truth, and scikit-learn's k-means runs on them.
 */
final class ReferenceData {
    private ReferenceData() {
    }

    /**
     * One scikit-learn run.
     *
     * @param dataset dataset name
     * @param k clusters asked for
     * @param nInit restarts
     * @param seed random_state
     * @param inertia scikit-learn's inertia_
     * @param ari adjusted Rand index against the truth
     */
    record SklearnRun(String dataset, int k, int nInit, long seed, double inertia, double ari) {
    }

    /**
     * One scikit-learn run of {@code sklearn_kmeans_variants.csv}.
     *
     * @param dataset dataset name
     * @param estimator kmeans, minibatch_kmeans or bisecting_kmeans
     * @param variant lloyd, elkan, minibatch, biggest_inertia or largest_cluster
     * @param init k-means++ or random
     * @param weighted whether the dataset's sample weights were given
     * @param seed random_state
     * @param inertia scikit-learn's inertia_
     * @param ari adjusted Rand index against the truth
     */
    record VariantRun(String dataset, String estimator, String variant, String init, boolean weighted, long seed,
                      double inertia, double ari) {
    }

    /** @return scikit-learn's runs of one estimator configuration on {@code dataset}, seeds 0..9 */
    static List<VariantRun> variantRuns(String dataset, String estimator, String variant, String init, boolean weighted) {
        return rows("sklearn_kmeans_variants.csv").stream()
                .map(r -> new VariantRun(r[0], r[1], r[2], r[3], r[4].equals("1"), Long.parseLong(r[6]),
                        Double.parseDouble(r[7]), Double.parseDouble(r[8])))
                .filter(r -> r.dataset().equals(dataset) && r.estimator().equals(estimator) && r.variant().equals(variant)
                        && r.init().equals(init) && r.weighted() == weighted)
                .toList();
    }

    /** @return the sample weights written for {@code name} */
    static float[] weights(String name) {
        List<String[]> rows = rows(name + ".weights.csv");
        float[] w = new float[rows.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Float.parseFloat(rows.get(i)[0]);
        }
        return w;
    }

    /** @return the number of ground-truth clusters of {@code name} */
    static int clusters(String name) {
        return (int) java.util.Arrays.stream(dataset(name).truth().orElseThrow()).distinct().count();
    }

    /** @return the median of the values */
    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** @return the dataset {@code name} with its truth labels */
    static Dataset dataset(String name) {
        List<String[]> points = rows(name + ".data.csv");
        List<String[]> labels = rows(name + ".labels.csv");
        int n = points.size();
        int d = points.getFirst().length;
        float[] x = new float[n * d];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = Float.parseFloat(points.get(i)[j]);
            }
            truth[i] = Integer.parseInt(labels.get(i)[0]);
        }
        return Dataset.of(name, n, d, x, null, truth);
    }

    /** @return scikit-learn's runs on {@code dataset} with {@code nInit} restarts */
    static List<SklearnRun> sklearnRuns(String dataset, int nInit) {
        return rows("sklearn_kmeans.csv").stream()
                .map(r -> new SklearnRun(r[0], Integer.parseInt(r[1]), Integer.parseInt(r[2]), Long.parseLong(r[3]),
                        Double.parseDouble(r[4]), Double.parseDouble(r[5])))
                .filter(r -> r.dataset().equals(dataset) && r.nInit() == nInit)
                .toList();
    }

    /**
     * One row of {@code sklearn_kmeans_seeding.csv} (written by {@code kmeans_seeding_reference.py}).
     *
     * @param mode best_known, float64 or float32
     * @param seed random_state (-1 for best_known)
     * @param inertia scikit-learn's inertia_ (for best_known: the lowest found)
     * @param ari adjusted Rand index against the truth (NaN for best_known)
     */
    record SeedingRun(String mode, long seed, double inertia, double ari) {
    }

    /** @return every row of {@code sklearn_kmeans_seeding.csv} */
    static List<SeedingRun> seedingRuns() {
        return rows("sklearn_kmeans_seeding.csv").stream()
                .map(r -> new SeedingRun(r[0], Long.parseLong(r[1]), Double.parseDouble(r[3]),
                        r[4].isEmpty() ? Double.NaN : Double.parseDouble(r[4])))
                .toList();
    }

    /** @return the rows of a CSV resource, header skipped */
    private static List<String[]> rows(String file) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource reference/" + file
                        + "; regenerate with /usr/bin/python3 scripts/reference/kmeans_reference.py");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.split(",", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.clusterlab.plugins.hierarchical;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the files written by {@code scripts/reference/birch_reference.py} from the test class path
 * ({@code reference/birch/}): datasets, probe points, and scikit-learn's {@code Birch} runs on them;
 * plus the test helpers the BIRCH tests share.
 */
final class BirchReferenceData {
    private BirchReferenceData() {
    }

    /**
     * One scikit-learn run from {@code runs.csv}.
     *
     * @param run run name (its files are {@code <run>.*.csv})
     * @param dataset dataset name
     * @param params ClusterLab parameter names and values, plus {@code partial} (the first row of the
     *     second chunk) for a partial_fit run
     * @param subclusters scikit-learn's {@code subcluster_centers_.shape[0]} at the end
     * @param warned whether scikit-learn raised its ConvergenceWarning
     */
    record Run(String run, String dataset, Map<String, Object> params, int subclusters, boolean warned) {
        /** @return the parameters to bind, without {@code partial} */
        Map<String, Object> bindable() {
            Map<String, Object> p = new LinkedHashMap<>(params);
            p.remove("partial");
            return p;
        }

        /** @return the first row of the second chunk, or -1 for a plain fit */
        int partial() {
            return params.containsKey("partial") ? ((Number) params.get("partial")).intValue() : -1;
        }

        BirchParams typed() {
            return new BirchParams(((Number) params.get("threshold")).doubleValue(),
                    ((Number) params.get("branching_factor")).intValue(), ((Number) params.get("k")).intValue());
        }

        @Override
        public String toString() {
            return run + " " + params;
        }
    }

    /** scikit-learn's subcluster centroids (row-major, {@code m x d}) and labels, in its order. */
    record Subclusters(double[] centroids, int[] labels, int d) {
        int count() {
            return labels.length;
        }
    }

    /** @return every run, or the partial ones only, or the plain fits only */
    static List<Run> runs(Boolean partial) {
        List<Run> out = new ArrayList<>();
        for (String[] r : rows("runs.csv")) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (String kv : r[2].split(";")) {
                String[] parts = kv.split("=", 2);
                params.put(parts[0], parts[1].matches("-?\\d+") ? (Object) Long.parseLong(parts[1]) : (Object) Double.parseDouble(parts[1]));
            }
            Run run = new Run(r[0], r[1], params, Integer.parseInt(r[3]), r[4].equals("1"));
            if (partial == null || partial == (run.partial() >= 0)) {
                out.add(run);
            }
        }
        return out;
    }

    /** @return the points of {@code <name>.data.csv} or, with {@code probes}, {@code <name>.probes.csv} */
    static Dataset dataset(String name, boolean probes) {
        List<String[]> points = rows(name + (probes ? ".probes.csv" : ".data.csv"));
        int n = points.size();
        int d = points.getFirst().length;
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = Float.parseFloat(points.get(i)[j]);
            }
        }
        return Dataset.of(name + (probes ? "-probes" : ""), n, d, x, null, null);
    }

    /** @return one label per row of {@code <file>} (a one-column {@code label} file) */
    static int[] labels(String file) {
        return rows(file).stream().mapToInt(r -> Integer.parseInt(r[0])).toArray();
    }

    /** @return the subclusters of {@code <file>} ({@code c1..cd,label}) */
    static Subclusters subclusters(String file) {
        List<String[]> rows = rows(file);
        int d = rows.getFirst().length - 1;
        double[] c = new double[rows.size() * d];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < d; j++) {
                c[i * d + j] = Double.parseDouble(rows.get(i)[j]);
            }
            labels[i] = Integer.parseInt(rows.get(i)[d]);
        }
        return new Subclusters(c, labels, d);
    }

    /** @return rows {@code [from, to)} of {@code data} as a dataset of their own */
    static Dataset rows(Dataset data, int from, int to) {
        int d = data.d();
        return Dataset.of(data.name() + "[" + from + ":" + to + "]", to - from, d,
                Arrays.copyOfRange(data.data(), from * d, to * d), null, null);
    }

    static ExecutionContext context(int threads) {
        return ExecutionContextFactory.load().create(threads, 1);
    }

    /**
     * Whether two labelings are the same partition with the clusters renamed one to one: there is a
     * bijection between the labels of {@code a} and those of {@code b} that maps {@code a[i]} to
     * {@code b[i]} for every {@code i}.
     *
     * @return null if so, else the first row that breaks it
     */
    static String renamingMismatch(int[] a, int[] b) {
        if (a.length != b.length) {
            return "lengths " + a.length + " and " + b.length;
        }
        Map<Integer, Integer> forward = new HashMap<>();
        Map<Integer, Integer> backward = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            Integer f = forward.putIfAbsent(a[i], b[i]);
            Integer g = backward.putIfAbsent(b[i], a[i]);
            if ((f != null && f != b[i]) || (g != null && g != a[i])) {
                return "row " + i + ": " + a[i] + " -> " + b[i] + " but earlier " + a[i] + " -> " + forward.get(a[i])
                        + " / " + backward.get(b[i]) + " -> " + b[i];
            }
        }
        return null;
    }

    /** @return the arrays one after the other */
    static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    /** @return the rows of a CSV resource, header skipped */
    private static List<String[]> rows(String file) {
        try (InputStream in = BirchReferenceData.class.getResourceAsStream("/reference/birch/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource reference/birch/" + file
                        + "; regenerate with /usr/bin/python3 scripts/reference/birch_reference.py");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.split(","));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

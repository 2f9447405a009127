package dev.clusterlab.plugins.density;

import dev.clusterlab.api.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the files written by {@code scripts/reference/density_reference.py} from the test class path:
 * datasets, sample weights, and scikit-learn's DBSCAN and OPTICS runs on them.
 */
final class ReferenceData {
    private ReferenceData() {
    }

    /**
     * One scikit-learn run from {@code runs.csv}.
     *
     * @param run run name (the file {@code <run>.<algorithm>.csv} holds its output)
     * @param dataset dataset name
     * @param algorithm {@code dbscan} or {@code optics}
     * @param params ClusterLab parameter names and values; {@code weights=True} means sample weights were used
     */
    record Run(String run, String dataset, String algorithm, Map<String, Object> params) {
        /** @return the parameters to bind, without the {@code weights} marker */
        Map<String, Object> bindable() {
            Map<String, Object> p = new LinkedHashMap<>(params);
            p.remove("weights");
            return p;
        }

        boolean weighted() {
            return params.containsKey("weights");
        }
    }

    /** @return the runs of {@code algorithm} */
    static List<Run> runs(String algorithm) {
        List<Run> out = new ArrayList<>();
        for (String[] r : rows("runs.csv")) {
            if (!r[2].equals(algorithm)) {
                continue;
            }
            Map<String, Object> params = new LinkedHashMap<>();
            for (String kv : r[3].split(";")) {
                String[] parts = kv.split("=", 2);
                params.put(parts[0], parts[1].matches("-?\\d+") ? (Object) Long.parseLong(parts[1]) : parts[1]);
            }
            out.add(new Run(r[0], r[1], r[2], params));
        }
        return out;
    }

    /** @return the dataset {@code name}, with its sample weights when {@code weighted} */
    static Dataset dataset(String name, boolean weighted) {
        List<String[]> points = rows(name + ".data.csv");
        int n = points.size();
        int d = points.getFirst().length;
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = Float.parseFloat(points.get(i)[j]);
            }
        }
        Dataset data = Dataset.of(name, n, d, x, null, null);
        if (!weighted) {
            return data;
        }
        List<String[]> w = rows(name + ".weights.csv");
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Float.parseFloat(w.get(i)[0]);
        }
        return data.withWeights(weights);
    }

    /** @return the rows of a run's output file, header skipped */
    static List<String[]> output(Run run) {
        return rows(run.run() + "." + run.algorithm() + ".csv");
    }

    /** @return column {@code column} of {@code rows} as integers */
    static int[] ints(List<String[]> rows, int column) {
        return rows.stream().mapToInt(r -> Integer.parseInt(r[column])).toArray();
    }

    /** @return column {@code column} of {@code rows} as doubles ({@code inf} included) */
    static double[] doubles(List<String[]> rows, int column) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r[column].replace("inf", "Infinity"))).toArray();
    }

    /** @return the rows of a CSV resource, header skipped */
    private static List<String[]> rows(String file) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource reference/" + file
                        + "; regenerate with /usr/bin/python3 scripts/reference/density_reference.py");
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

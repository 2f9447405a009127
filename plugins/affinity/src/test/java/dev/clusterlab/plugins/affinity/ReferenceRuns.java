package dev.clusterlab.plugins.affinity;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the files written by {@code scripts/reference/affinity_reference.py} from the test class path. */
final class ReferenceRuns {
    private ReferenceRuns() {
    }

    /**
     * One line of {@code runs.csv}.
     *
     * @param run run name
     * @param dataset dataset file stem
     * @param params ClusterLab parameter names and values, as YAML would give them
     * @param iterations scikit-learn's {@code n_iter_}
     * @param converged whether scikit-learn gave no ConvergenceWarning
     * @param preference the preference scikit-learn used (NaN for per-point preferences)
     * @param stable whether scikit-learn's exemplars stay the same under rounding-sized perturbations
     * @param minClusters the fewest exemplars scikit-learn found under those perturbations
     * @param maxClusters the most
     */
    record Run(String run, String dataset, Map<String, Object> params, int iterations, boolean converged, double preference,
               boolean stable, int minClusters, int maxClusters) {
        @Override
        public String toString() {
            return run;
        }
    }

    static List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (String[] r : rows("runs.csv")) {
            Map<String, Object> params = new LinkedHashMap<>();
            if (!r[2].isEmpty()) {
                for (String kv : r[2].split(";")) {
                    String[] parts = kv.split("=", 2);
                    Object v = parts[1].matches("-?\\d+") ? (Object) Long.parseLong(parts[1])
                            : parts[1].matches("-?\\d+\\.\\d*") ? (Object) Double.parseDouble(parts[1]) : parts[1];
                    params.put(parts[0], v);
                }
            }
            out.add(new Run(r[0], r[1], params, Integer.parseInt(r[3]), Boolean.parseBoolean(r[4]), r[5].equals("nan") ? Double.NaN : Double.parseDouble(r[5]),
                    Boolean.parseBoolean(r[6]), Integer.parseInt(r[7]), Integer.parseInt(r[8])));
        }
        return out;
    }

    static Dataset dataset(String name) {
        List<String[]> all = rows(name.endsWith(".probes") ? name + ".csv" : name + ".data.csv", true);
        List<String> names = Arrays.asList(all.getFirst());
        int n = all.size() - 1;
        int d = names.size();
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = Float.parseFloat(all.get(i + 1)[j]);
            }
        }
        return Dataset.of(name, n, d, x, names, null);
    }

    static int[] ints(String file) {
        return rows(file).stream().mapToInt(r -> Integer.parseInt(r[0])).toArray();
    }

    static boolean exists(String file) {
        return ReferenceRuns.class.getResource("/reference/" + file) != null;
    }

    static ExecutionContext context(int threads) {
        return ExecutionContextFactory.load().create(threads, 1);
    }

    private static List<String[]> rows(String file) {
        List<String[]> all = rows(file, true);
        return all.subList(1, all.size());
    }

    private static List<String[]> rows(String file, boolean withHeader) {
        String path = "/reference/" + file;
        try (InputStream in = ReferenceRuns.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path + "; run /usr/bin/python3 scripts/reference/affinity_reference.py");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
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

package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the files written by {@code scripts/reference/hierarchical_reference.py} from the test class path. */
final class ReferenceData {
    private ReferenceData() {
    }

    /**
     * One reference run from {@code runs.csv}.
     *
     * @param run run name ({@code <run>.linkage.csv} or {@code <run>.labels.csv})
     * @param dataset dataset name
     * @param kind {@code linkage} (SciPy's Z) or {@code labels} (scikit-learn's labels_)
     * @param params ClusterLab parameter names and values
     */
    record Run(String run, String dataset, String kind, Map<String, Object> params) {
        @Override
        public String toString() {
            return run;
        }
    }

    static List<Run> runs(String kind) {
        List<Run> out = new ArrayList<>();
        for (String[] r : rows("runs.csv")) {
            if (!r[2].equals(kind)) {
                continue;
            }
            Map<String, Object> params = new LinkedHashMap<>();
            for (String kv : r[3].split(";")) {
                String[] parts = kv.split("=", 2);
                Object v = parts[1].matches("-?\\d+") ? (Object) Long.parseLong(parts[1])
                        : parts[1].matches("-?\\d+\\.\\d*") ? (Object) Double.parseDouble(parts[1]) : parts[1];
                params.put(parts[0], v);
            }
            out.add(new Run(r[0], r[1], r[2], params));
        }
        return out;
    }

    private static final Map<String, Dataset> CACHE = new HashMap<>();

    static synchronized Dataset dataset(String name) {
        return CACHE.computeIfAbsent(name, ReferenceData::read);
    }

    private static Dataset read(String name) {
        List<String[]> points = rows(name + ".data.csv");
        int n = points.size();
        int d = points.getFirst().length;
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = Float.parseFloat(points.get(i)[j]);
            }
        }
        return Dataset.of(name, n, d, x, null, null);
    }

    /** @return the file's rows after its header */
    static List<String[]> rows(String file) {
        String path = "/reference/" + file;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path
                        + "; run /usr/bin/python3 scripts/reference/hierarchical_reference.py");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            r.readLine();
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

    /** @return whether two labelings are the same partition (a bijection between their labels) */
    static boolean samePartition(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        Map<Integer, Integer> ab = new HashMap<>();
        Map<Integer, Integer> ba = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            Integer x = ab.putIfAbsent(a[i], b[i]);
            Integer y = ba.putIfAbsent(b[i], a[i]);
            if ((x != null && x != b[i]) || (y != null && y != a[i])) {
                return false;
            }
        }
        return true;
    }
}

package dev.clusterlab.plugins.spectral;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the files written by {@code scripts/reference/spectral_reference.py} from the test class path. */
final class ReferenceData {
    private ReferenceData() {
    }

    /**
     * One reference run from {@code runs.csv}.
     *
     * @param run run name
     * @param dataset dataset name
     * @param params ClusterLab parameter names and values
     */
    record Run(String run, String dataset, Map<String, Object> params) {
        @Override
        public String toString() {
            return run;
        }

        int k() {
            return ((Number) params.get("k")).intValue();
        }
    }

    static List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (String[] r : rows("runs.csv")) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (String kv : r[2].split(";")) {
                String[] parts = kv.split("=", 2);
                Object v = parts[1].matches("-?\\d+") ? (Object) Long.parseLong(parts[1])
                        : parts[1].matches("-?\\d+\\.\\d*") ? (Object) Double.parseDouble(parts[1]) : parts[1];
                params.put(parts[0], v);
            }
            out.add(new Run(r[0], r[1], params));
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

    static int[] labels(String run) {
        List<String[]> r = rows(run + ".labels.csv");
        int[] out = new int[r.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.parseInt(r.get(i)[0]);
        }
        return out;
    }

    /** @return the run's scikit-learn embedding, row-major n x k */
    static double[] embedding(String run) {
        List<String[]> r = rows(run + ".embedding.csv");
        int k = r.getFirst().length;
        double[] out = new double[r.size() * k];
        for (int i = 0; i < r.size(); i++) {
            for (int c = 0; c < k; c++) {
                out[i * k + c] = Double.parseDouble(r.get(i)[c]);
            }
        }
        return out;
    }

    /** @return the k + 1 smallest Laplacian eigenvalues, ascending */
    static double[] eigenvalues(String run) {
        return rows(run + ".eigenvalues.csv").stream().mapToDouble(s -> Double.parseDouble(s[0])).toArray();
    }

    static ExecutionContext context(int threads) {
        return ExecutionContextFactory.load().create(threads, 1);
    }

    /** @return the file's rows after its header */
    static List<String[]> rows(String file) {
        String path = "/reference/" + file;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path
                        + "; run /usr/bin/python3 scripts/reference/spectral_reference.py");
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

    /** @return the number of distinct labels */
    static long clusters(int[] labels) {
        return java.util.Arrays.stream(labels).distinct().count();
    }

    /** @return column c of a row-major n x k matrix */
    static double[] column(double[] x, int k, int c) {
        int n = x.length / k;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x[i * k + c];
        }
        return out;
    }

    /** @return |a . b| / (|a| |b|) */
    static double absCosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return Math.abs(ab) / Math.sqrt(aa * bb);
    }

    /** @return the cosines of the principal angles between the column spaces of two n x k matrices */
    static double[] principalCosines(double[] a, double[] b, int k) {
        double[][] qa = orthonormalColumns(a, k);
        double[][] qb = orthonormalColumns(b, k);
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int r = 0; r < qa[i].length; r++) {
                    s += qa[i][r] * qb[j][r];
                }
                m[i][j] = s;
            }
        }
        return SmallSvd.of(m).s.clone();
    }

    private static double[][] orthonormalColumns(double[] x, int k) {
        double[][] q = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] v = column(x, k, c);
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int r = 0; r < v.length; r++) {
                        dot += q[p][r] * v[r];
                    }
                    for (int r = 0; r < v.length; r++) {
                        v[r] -= dot * q[p][r];
                    }
                }
            }
            double norm = 0;
            for (double t : v) {
                norm += t * t;
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < v.length; r++) {
                v[r] /= norm;
            }
            q[c] = v;
        }
        return q;
    }
}

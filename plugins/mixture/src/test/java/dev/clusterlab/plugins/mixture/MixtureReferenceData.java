package dev.clusterlab.plugins.mixture;

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
import java.util.List;

/** Reads the files written by {@code scripts/reference/mixture_reference.py} from the test class path. */
final class MixtureReferenceData {
    private MixtureReferenceData() {
    }

    /** One line of {@code runs.csv}. */
    record Run(String run, String dataset, GmmParams params, boolean meansInit) {
        @Override
        public String toString() {
            return run;
        }
    }

    static List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (String[] r : rows("runs.csv")) {
            GmmParams.CovarianceType type = GmmParams.CovarianceType.valueOf(r[2].toUpperCase());
            GmmParams.InitParams init = r[3].equals("kmeans") ? GmmParams.InitParams.KMEANS : GmmParams.InitParams.RANDOM;
            GmmParams p = new GmmParams(Integer.parseInt(r[4]), type, Double.parseDouble(r[5]), Double.parseDouble(r[6]),
                    Integer.parseInt(r[7]), 1, init);
            out.add(new Run(r[0], r[1], p, r[8].equals("1")));
        }
        return out;
    }

    static Dataset points(String file) {
        double[][] m = matrix(file);
        int n = m.length;
        int d = m[0].length;
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) m[i][j];
            }
        }
        return Dataset.of(file, n, d, x, null, null);
    }

    static double[][] matrix(String file) {
        List<String[]> rows = rows(file);
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            String[] r = rows.get(i);
            out[i] = new double[r.length];
            for (int j = 0; j < r.length; j++) {
                out[i][j] = Double.parseDouble(r[j]);
            }
        }
        return out;
    }

    static double[] flat(String file) {
        double[][] m = matrix(file);
        double[] out = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
        }
        return out;
    }

    static int[] labels(String file) {
        double[][] m = matrix(file);
        int[] out = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = (int) m[i][0];
        }
        return out;
    }

    static ExecutionContext context(int threads) {
        return ExecutionContextFactory.load().create(threads, 1);
    }

    /** @return the file's rows after its header */
    static List<String[]> rows(String file) {
        String path = "/reference/" + file;
        try (InputStream in = MixtureReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path
                        + "; run /usr/bin/python3 scripts/reference/mixture_reference.py");
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
}

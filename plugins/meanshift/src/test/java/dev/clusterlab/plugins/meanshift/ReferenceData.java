package dev.clusterlab.plugins.meanshift;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamSpec;
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
 * Reads the files written by {@code scripts/reference/meanshift_reference.py} from the test class path
 * ({@code reference/}): datasets, probe points, and scikit-learn's {@code MeanShift} runs on them.
 */
final class ReferenceData {
    private ReferenceData() {
    }

    /**
     * One scikit-learn run from {@code runs.csv}.
     *
     * @param run run name (its files are {@code <run>.*.csv})
     * @param dataset dataset name
     * @param params ClusterLab parameter names and values, typed as their specs read them
     * @param bandwidth the bandwidth scikit-learn used (the estimate, for bandwidth 0)
     * @param clusters {@code cluster_centers_.shape[0]}
     * @param nIter {@code n_iter_}
     * @param warned whether get_bin_seeds warned that binning failed
     */
    record Run(String run, String dataset, Map<String, Object> params, double bandwidth, int clusters, int nIter,
               boolean warned) {
        @Override
        public String toString() {
            return run;
        }
    }

    static List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (String[] r : rows("runs.csv", true)) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (String kv : r[2].split(";(?=[a-z_]+=)")) {
                String[] parts = kv.split("=", 2);
                ParamSpec spec = MeanShiftParams.SPECS.stream().filter(s -> s.name().equals(parts[0])).findFirst().orElseThrow();
                params.put(parts[0], switch (spec.type()) {
                    case REAL -> Double.parseDouble(parts[1]);
                    case INTEGER -> Long.parseLong(parts[1]);
                    case BOOLEAN -> Boolean.parseBoolean(parts[1]);
                    default -> parts[1];
                });
            }
            out.add(new Run(r[0], r[1], params, Double.parseDouble(r[3]), Integer.parseInt(r[4]), Integer.parseInt(r[5]),
                    r[6].equals("1")));
        }
        return out;
    }

    /** @return the points of {@code <name>.data.csv} or, with {@code probes}, {@code <name>.probes.csv} */
    static Dataset dataset(String name, boolean probes) {
        List<String[]> points = rows(name + (probes ? ".probes.csv" : ".data.csv"), false);
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

    /** @return one label per row of {@code <file>} */
    static int[] labels(String file) {
        return rows(file, false).stream().mapToInt(r -> Integer.parseInt(r[0])).toArray();
    }

    /** @return the rows of {@code <file>} as one row-major array of doubles */
    static double[] numbers(String file) {
        List<String[]> rows = rows(file, false);
        int d = rows.getFirst().length;
        double[] out = new double[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = Double.parseDouble(rows.get(i)[j]);
            }
        }
        return out;
    }

    static ExecutionContext context(int threads) {
        return ExecutionContextFactory.load().create(threads, 1);
    }

    /** @return the rows of a CSV resource, header skipped; quoted cells (the seeds) are kept whole */
    private static List<String[]> rows(String file, boolean quoted) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource reference/" + file
                        + "; regenerate with /usr/bin/python3 scripts/reference/meanshift_reference.py");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    out.add(quoted ? splitQuoted(line) : line.split(","));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] splitQuoted(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inQuotes = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == ',' && !inQuotes) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }

    /** @return {@code outer} with every progress message of the fit added to {@code messages} */
    static ExecutionContext recording(ExecutionContext outer, java.util.List<String> messages) {
        java.util.List<String> shared = java.util.Collections.synchronizedList(messages);
        return outer.withProgress((fraction, message) -> {
            if (message != null) {
                shared.add(message);
            }
        });
    }
}

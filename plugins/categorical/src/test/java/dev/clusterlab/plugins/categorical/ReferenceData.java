package dev.clusterlab.plugins.categorical;

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

/** Reads the files written by {@code scripts/reference/categorical_reference.py} from the test class path. */
final class ReferenceData {
    private ReferenceData() {
    }

    /**
     * One reference run from {@code runs.csv}.
     *
     * @param run run name
     * @param dataset dataset name
     * @param algorithm kmodes or kprototypes
     * @param k clusters asked for
     * @param start cao (the script chose the Cao rows) or rows (given initial rows)
     * @param rows the initial rows
     * @param gamma the gamma used (1 for k-modes)
     * @param defaultGamma whether gamma was the default (gamma: 0)
     * @param maxIter max_iter
     * @param cost the script's cost
     * @param iterations updates made
     * @param converged whether the last assignment moved nothing
     */
    record Run(String run, String dataset, String algorithm, int k, String start, int[] rows, double gamma,
               boolean defaultGamma, int maxIter, double cost, int iterations, boolean converged) {
        @Override
        public String toString() {
            return run;
        }
    }

    static List<Run> runs(String algorithm) {
        List<Run> out = new ArrayList<>();
        for (String[] r : rows("runs.csv")) {
            if (!r[2].equals(algorithm)) {
                continue;
            }
            int[] init = Arrays.stream(r[5].split(";")).mapToInt(Integer::parseInt).toArray();
            boolean defaultGamma = Double.parseDouble(r[6]) == 0;
            out.add(new Run(r[0], r[1], r[2], Integer.parseInt(r[3]), r[4], init, Double.parseDouble(r[7]), defaultGamma,
                    Integer.parseInt(r[8]), Double.parseDouble(r[9]), Integer.parseInt(r[10]), Boolean.parseBoolean(r[11])));
        }
        return out;
    }

    private static final Map<String, Dataset> CACHE = new HashMap<>();

    /** The table with its categorical columns marked, codes in the order of the columns file. */
    static synchronized Dataset dataset(String name) {
        return CACHE.computeIfAbsent(name, ReferenceData::read);
    }

    private static Dataset read(String name) {
        List<String[]> columns = rows(name + ".columns.csv");
        List<String[]> cells = rows(name + ".data.csv");
        int d = columns.size();
        int n = cells.size();
        float[] x = new float[n * d];
        Map<Integer, List<String>> levels = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add(columns.get(j)[0]);
            if (columns.get(j)[1].equals("categorical")) {
                levels.put(j, List.of(columns.get(j)[2].split(";")));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                String cell = cells.get(i)[j];
                if (levels.containsKey(j)) {
                    int code = levels.get(j).indexOf(cell);
                    if (code < 0) {
                        throw new IllegalStateException(name + ": unknown level " + cell);
                    }
                    x[i * d + j] = code;
                } else {
                    x[i * d + j] = Float.parseFloat(cell);
                }
            }
        }
        return Dataset.of(name, n, d, x, names, labels(name + ".truth.csv")).withCategorical(levels);
    }

    static int[] labels(String file) {
        return rows(file).stream().mapToInt(r -> Integer.parseInt(r[0])).toArray();
    }

    /** @return the prototypes file: one row of numbers per cluster (means, codes, or modal values) */
    static double[][] prototypes(String run) {
        return rows(run + ".prototypes.csv").stream()
                .map(r -> Arrays.stream(r).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
    }

    static long[] density(String name) {
        return rows(name + ".density.csv").stream().mapToLong(r -> Long.parseLong(r[0])).toArray();
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
                        + "; run /usr/bin/python3 scripts/reference/categorical_reference.py");
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

    /** The script's raw cluster indices made consecutive as ClusterLab reports them (empty clusters left out). */
    static int[] consecutive(int[] raw, int k) {
        boolean[] used = new boolean[k];
        for (int l : raw) {
            used[l] = true;
        }
        int[] renumber = new int[k];
        int next = 0;
        for (int c = 0; c < k; c++) {
            renumber[c] = used[c] ? next++ : -1;
        }
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = renumber[raw[i]];
        }
        return out;
    }

    /** The prototypes of the clusters used by {@code raw}, in cluster order. */
    static double[][] usedPrototypes(double[][] all, int[] raw) {
        boolean[] used = new boolean[all.length];
        for (int l : raw) {
            used[l] = true;
        }
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c < all.length; c++) {
            if (used[c]) {
                out.add(all[c]);
            }
        }
        return out.toArray(double[][]::new);
    }
}

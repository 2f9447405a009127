package dev.clusterlab.plugins.preprocess;

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
 * Reads what {@code scripts/reference/preprocess_reference.py} wrote with scikit-learn into
 * {@code src/test/resources/reference/}: input tables, expected outputs and fitted attributes.
 */
final class ReferenceData {
    private ReferenceData() {
    }

    /**
     * One step fitted on one dataset by scikit-learn.
     *
     * @param name case name, also the stem of the expected file
     * @param dataset input dataset name
     * @param step step id
     * @param params raw parameters, text as on the command line
     */
    record Case(String name, String dataset, String step, Map<String, String> params) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A table with a header.
     *
     * @param names column names
     * @param rows rows of doubles (NaN where missing)
     */
    record Table(List<String> names, double[][] rows) {
        int n() {
            return rows.length;
        }

        int d() {
            return names.size();
        }
    }

    /** @return every row of {@code cases.csv} */
    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String[] row : read("cases.csv", new ArrayList<>())) {
            Map<String, String> params = new LinkedHashMap<>();
            if (row.length > 3 && !row[3].isEmpty()) {
                for (String pair : row[3].split(";")) {
                    String[] kv = pair.split("=", 2);
                    params.put(kv[0], kv[1]);
                }
            }
            cases.add(new Case(row[0], row[1], row[2], params));
        }
        return cases;
    }

    /**
     * @param name dataset name
     * @return the input as float32, NaN where missing, feature names from the header
     */
    static Dataset dataset(String name) {
        Table t = table(name + ".data.csv");
        float[] values = new float[t.n() * t.d()];
        for (int i = 0; i < t.n(); i++) {
            for (int j = 0; j < t.d(); j++) {
                values[i * t.d() + j] = (float) t.rows()[i][j]; // exact: the file holds float32 decimals
            }
        }
        return Dataset.withMissingValues(name, t.n(), t.d(), values, t.names(), null);
    }

    /**
     * @param c a case
     * @return scikit-learn's output
     */
    static Table expected(Case c) {
        return table(c.name() + ".expected.csv");
    }

    /**
     * @param c a case
     * @return the fitted attributes scikit-learn reported for it, by key (numbers or names as text)
     */
    static Map<String, List<String>> summary(Case c) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String[] row : read("summary.csv", new ArrayList<>())) {
            if (row[0].equals(c.name())) {
                out.put(row[1], row.length > 2 && !row[2].isEmpty() ? List.of(row[2].split(";")) : List.of());
            }
        }
        return out;
    }

    private static Table table(String file) {
        List<String> header = new ArrayList<>();
        List<String[]> rows = read(file, header);
        double[][] values = new double[rows.size()][];
        for (int i = 0; i < values.length; i++) {
            String[] r = rows.get(i);
            values[i] = new double[r.length];
            for (int j = 0; j < r.length; j++) {
                values[i][j] = Double.parseDouble(r[j]);
            }
        }
        return new Table(List.copyOf(header), values);
    }

    /** Rows after the header, which goes to {@code header}. The files hold no quoted fields. */
    private static List<String[]> read(String file, List<String> header) {
        String path = "/reference/" + file;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path
                        + "; regenerate with /usr/bin/python3 scripts/reference/preprocess_reference.py");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            header.addAll(List.of(reader.readLine().split(",", -1)));
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}

package dev.clusterlab.plugins.metrics;

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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the files that {@code scripts/reference/metrics_reference.py} wrote with scikit-learn into
 * {@code src/test/resources/reference/}: points, labellings and the expected metric values.
 */
final class ReferenceData {
    private static final Map<String, Dataset> DATASETS = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, int[]>> LABELLINGS = new ConcurrentHashMap<>();

    private ReferenceData() {
    }

    /**
     * One expected value.
     *
     * @param dataset dataset name
     * @param labelling labelling name (a column of the labels file)
     * @param metric metric id
     * @param expected scikit-learn's value, NaN where undefined
     */
    record Case(String dataset, String labelling, String metric, double expected) {
        @Override
        public String toString() {
            return dataset + "/" + labelling + "/" + metric;
        }
    }

    /** @return every row of {@code expected.csv} */
    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String[] row : read("expected.csv")) {
            cases.add(new Case(row[0], row[1], row[2], Double.parseDouble(row[3])));
        }
        return cases;
    }

    /**
     * @param name dataset name
     * @return the points, with the {@code truth} column as ground truth
     */
    static Dataset dataset(String name) {
        return DATASETS.computeIfAbsent(name, ReferenceData::load);
    }

    /**
     * @param dataset dataset name
     * @param labelling column of its labels file
     * @return a fresh copy of the labels
     */
    static int[] labels(String dataset, String labelling) {
        int[] labels = LABELLINGS.computeIfAbsent(dataset, ReferenceData::loadLabels).get(labelling);
        if (labels == null) {
            throw new IllegalArgumentException("no labelling '" + labelling + "' for dataset '" + dataset + "'");
        }
        return labels.clone();
    }

    /**
     * A label pair without data, from {@code label_pairs.csv}.
     *
     * @param name pair name
     * @param truth ground truth, {@code -1} noise
     * @param predicted predicted labels, {@code -1} noise
     */
    record Pair(String name, int[] truth, int[] predicted) {
        /** @return a dataset of the right length (one zero column) carrying the ground truth */
        Dataset dataset() {
            return Dataset.of(name, truth.length, 1, new float[truth.length], null, truth.clone());
        }

        @Override
        public String toString() {
            return name + " (n = " + truth.length + ")";
        }
    }

    /**
     * One expected value for a label pair.
     *
     * @param pair the pair
     * @param metric metric id
     * @param expected scikit-learn's value, NaN where undefined
     */
    record PairCase(Pair pair, String metric, double expected) {
        @Override
        public String toString() {
            return pair.name() + "/" + metric;
        }
    }

    /** @return the label pairs, in file order */
    static Map<String, Pair> pairs() {
        Map<String, List<int[]>> rows = new LinkedHashMap<>();
        for (String[] row : read("label_pairs.csv")) {
            rows.computeIfAbsent(row[0], k -> new ArrayList<>())
                    .add(new int[] {Integer.parseInt(row[1]), Integer.parseInt(row[2])});
        }
        Map<String, Pair> pairs = new LinkedHashMap<>();
        rows.forEach((name, list) -> {
            int[] truth = new int[list.size()];
            int[] predicted = new int[list.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = list.get(i)[0];
                predicted[i] = list.get(i)[1];
            }
            pairs.put(name, new Pair(name, truth, predicted));
        });
        return pairs;
    }

    /** @return every row of {@code label_pairs.expected.csv} */
    static List<PairCase> pairCases() {
        Map<String, Pair> pairs = pairs();
        List<PairCase> cases = new ArrayList<>();
        for (String[] row : read("label_pairs.expected.csv")) {
            Pair pair = pairs.get(row[0]);
            if (pair == null) {
                throw new IllegalStateException("label_pairs.expected.csv names an unknown pair " + row[0]);
            }
            cases.add(new PairCase(pair, row[1], Double.parseDouble(row[2])));
        }
        return cases;
    }

    private static Dataset load(String name) {
        List<String[]> rows = read(name + ".data.csv");
        int n = rows.size();
        int d = rows.getFirst().length;
        float[] values = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                values[i * d + j] = Float.parseFloat(rows.get(i)[j]); // the float32 scikit-learn saw
            }
        }
        return Dataset.of(name, n, d, values, null, labels(name, "truth"));
    }

    private static Map<String, int[]> loadLabels(String dataset) {
        List<String> header = new ArrayList<>();
        List<String[]> rows = read(dataset + ".labels.csv", header);
        Map<String, int[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            int[] labels = new int[rows.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = Integer.parseInt(rows.get(i)[c]);
            }
            columns.put(header.get(c), labels);
        }
        return columns;
    }

    private static List<String[]> read(String file) {
        return read(file, new ArrayList<>());
    }

    /** Rows after the header, which goes to {@code header}. The files hold no quoted fields. */
    private static List<String[]> read(String file, List<String> header) {
        String path = "/reference/" + file;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path
                        + "; regenerate with /usr/bin/python3 scripts/reference/metrics_reference.py");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            header.addAll(List.of(reader.readLine().split(",")));
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}

package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.DataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code init_centroids}: a CSV file of {@code k} rows and {@code d} comma-separated numbers
 * (an optional header line of non-numbers is skipped, blank lines are ignored).
 */
final class GivenCentroids {
    private GivenCentroids() {
    }

    /**
     * @param owner algorithm id, for messages
     * @param file the CSV file
     * @param k rows expected
     * @param d columns expected
     * @return row-major {@code k x d} centroids
     * @throws DataException if the file cannot be read, a value is not a finite number, or the shape is
     *     not {@code k x d}, naming the file and both shapes
     */
    static float[] read(String owner, String file, int k, int d) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new DataException(owner + ": cannot read init_centroids file '" + file + "': " + e.getMessage());
        }
        List<float[]> rows = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            float[] row = new float[cells.length];
            boolean header = rows.isEmpty();
            for (int j = 0; j < cells.length; j++) {
                try {
                    row[j] = Float.parseFloat(cells[j].strip());
                    header = false;
                } catch (NumberFormatException e) {
                    if (!header) {
                        throw new DataException(owner + ": init_centroids file '" + file + "', line " + (ln + 1)
                                + ", column " + (j + 1) + ": expected a number; got '" + cells[j].strip() + "'");
                    }
                }
                if (!header && !Float.isFinite(row[j])) {
                    throw new DataException(owner + ": init_centroids file '" + file + "', line " + (ln + 1)
                            + ", column " + (j + 1) + ": expected a finite number; got " + cells[j].strip());
                }
            }
            if (!header) {
                rows.add(row);
            }
        }
        int columns = rows.isEmpty() ? 0 : rows.getFirst().length;
        boolean ragged = rows.stream().anyMatch(r -> r.length != columns);
        if (rows.size() != k || columns != d || ragged) {
            throw new DataException(owner + ": init_centroids file '" + file + "' has " + rows.size() + " rows x "
                    + (ragged ? "ragged" : String.valueOf(columns)) + " columns; expected k=" + k
                    + " rows x d=" + d + " columns (one centroid per row, one column per feature)");
        }
        float[] out = new float[k * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(rows.get(c), 0, out, c * d, d);
        }
        return out;
    }
}

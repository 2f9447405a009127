package dev.clusterlab.spark;

import dev.clusterlab.api.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Centres as a CSV file, one per row: what {@code init_centroids} of the local k-means reads. */
public final class CentroidsCsv {
    private CentroidsCsv() {
    }

    public static float[] read(Path file, int k, int d) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<float[]> rows = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty() || (rows.isEmpty() && !isNumber(line.split(",")[0].strip()))) {
                continue; // blank, or a header line
            }
            String[] cells = line.split(",");
            float[] row = new float[cells.length];
            for (int j = 0; j < cells.length; j++) {
                try {
                    row[j] = Float.parseFloat(cells[j].strip());
                } catch (NumberFormatException e) {
                    throw new UserInputException(file + ":" + (ln + 1) + ":" + (j + 1) + ": expected a number; got '" + cells[j].strip() + "'");
                }
            }
            rows.add(row);
        }
        if (rows.size() != k || rows.stream().anyMatch(r -> r.length != d)) {
            throw new UserInputException(file + ": expected k=" + k + " rows of d=" + d + " numbers; got " + rows.size() + " rows");
        }
        float[] out = new float[k * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(rows.get(c), 0, out, c * d, d);
        }
        return out;
    }

    private static boolean isNumber(String cell) {
        try {
            Float.parseFloat(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public static void write(Path file, float[] centres, List<String> columns) {
        int d = columns.size();
        StringBuilder s = new StringBuilder(String.join(",", columns)).append('\n');
        for (int c = 0; c < centres.length / d; c++) {
            for (int j = 0; j < d; j++) {
                s.append(j == 0 ? "" : ",").append(centres[c * d + j]);
            }
            s.append('\n');
        }
        try {
            Files.writeString(file, s);
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}

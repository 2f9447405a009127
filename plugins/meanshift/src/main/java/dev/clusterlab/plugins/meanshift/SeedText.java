package dev.clusterlab.plugins.meanshift;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of scikit-learn's {@code seeds} array, which YAML and the command line can carry: rows
 * separated by {@code ;}, coordinates by {@code ,}, blanks ignored ({@code "0,0; 5,5.5"}). Every row
 * must have as many finite numbers as the first; the dimension is checked against the data at fit time.
 */
final class SeedText {
    /** What {@code seeds} must look like, for messages. */
    static final String EXPECTED = "empty, or rows of numbers separated by ';', coordinates by ',' (\"0,0; 5,5\")";

    private SeedText() {
    }

    /**
     * @param text the parameter's value, stripped
     * @return null if the text is empty or well formed, else what is wrong with it
     */
    static String problem(String text) {
        try {
            parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * @param text the parameter's value, stripped
     * @return the rows, each of the same length; empty for empty text
     * @throws IllegalArgumentException saying what is wrong, quoting the culprit
     */
    static List<double[]> parse(String text) {
        List<double[]> rows = new ArrayList<>();
        if (text.isEmpty()) {
            return rows;
        }
        String[] parts = text.split(";", -1);
        for (int r = 0; r < parts.length; r++) {
            String row = parts[r].strip();
            if (row.isEmpty()) {
                // a trailing ';' is harmless; an empty row in the middle is a typo worth naming
                if (r == parts.length - 1 && r > 0) {
                    continue;
                }
                throw new IllegalArgumentException("row " + (r + 1) + " is empty in \"" + shortened(text) + "\"");
            }
            String[] cells = row.split(",", -1);
            double[] values = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                String cell = cells[j].strip();
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("row " + (r + 1) + " has \"" + cell + "\", not a number");
                }
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + (r + 1) + " has \"" + cell + "\", not a finite number");
                }
                values[j] = v;
            }
            if (!rows.isEmpty() && values.length != rows.getFirst().length) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + values.length + " coordinates but row 1 has "
                        + rows.getFirst().length);
            }
            rows.add(values);
        }
        return rows;
    }

    private static String shortened(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}

package dev.clusterlab.host.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console table: one row per run with dataset, algorithm, parameters, clusters, every metric and
 * the fit time, columns aligned for a terminal.
 */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    /**
     * @param runs the runs, in plan order
     * @param metricIds metric columns
     * @return the table, ending with a newline
     */
    public static String render(List<RunRecord> runs, List<String> metricIds) {
        List<String> header = new ArrayList<>(List.of("dataset", "algorithm", "params", "seed", "clusters", "noise"));
        header.addAll(metricIds);
        header.add("seconds");
        header.add("status");
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            List<String> row = new ArrayList<>(List.of(r.dataset(), r.algorithm(), r.paramsText(), Long.toString(r.seed()),
                    ok(r) ? Integer.toString(r.clusters()) : "", ok(r) ? Integer.toString(r.noise()) : ""));
            for (String m : metricIds) {
                row.add(ok(r) ? format(r.metrics().getOrDefault(m, Double.NaN)) : "");
            }
            row.add(ok(r) ? String.format(Locale.ROOT, "%.3f", r.seconds()) : "");
            row.add(r.status().name());
            rows.add(row);
        }
        return align(header, rows, 3);
    }

    /**
     * Aligns cells in columns two spaces apart under a dashed rule; columns from {@code firstNumeric}
     * on, except the last, are right-aligned.
     *
     * @param header column titles
     * @param rows cells
     * @param firstNumeric index of the first right-aligned column
     * @return the text, one line per row
     */
    static String align(List<String> header, List<List<String>> rows, int firstNumeric) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (List<String> row : rows) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, header, width, firstNumeric);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(s, rule, width, firstNumeric);
        for (List<String> row : rows) {
            line(s, row, width, firstNumeric);
        }
        return s.toString();
    }

    private static boolean ok(RunRecord r) {
        return r.ok();
    }

    private static void line(StringBuilder s, List<String> cells, int[] width, int firstNumeric) {
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            boolean numeric = c >= firstNumeric && c < cells.size() - 1;
            String pad = c == cells.size() - 1 ? "" : " ".repeat(width[c] - cell.length());
            s.append(numeric ? pad + cell : cell + pad);
            s.append(c == cells.size() - 1 ? "" : "  ");
        }
        s.append('\n');
    }

    /** Four significant decimals, {@code n/a} where a metric is undefined. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}

package dev.clusterlab.host.report;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The profile of each cluster of a run, as a segmentation report shows it: its size, the mean of each
 * numeric column, and for each categorical column the shares of its most common levels in the
 * cluster (PyCaret's and every BI tool's "segment profile").
 */
final class ClusterProfiles {
    /** Columns shown, so that a wide table stays readable. */
    static final int MAX_COLUMNS = 10;
    /** Levels shown per categorical cell. */
    static final int TOP_LEVELS = 3;

    private ClusterProfiles() {
    }

    /**
     * @param table the rows as the experiment read and preprocessed them, before the host's one-hot encoding
     * @param labels the run's labels
     * @param who the run, for the caption
     * @return a table, or an empty string when the labels do not fit the rows
     */
    static String render(Dataset table, int[] labels, String who) {
        if (table == null || labels.length != table.n() || table.n() == 0) {
            return "";
        }
        int k = Labels.clusterCount(labels);
        boolean noise = Labels.noiseCount(labels) > 0;
        int groups = k + (noise ? 1 : 0);
        int d = Math.min(table.d(), MAX_COLUMNS);
        long[] size = new long[groups];
        double[][] sum = new double[groups][d];
        List<long[][]> levelCounts = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            levelCounts.add(table.isCategorical(j) ? new long[groups][table.levels(j).size()] : null);
        }
        float[] v = table.data();
        for (int i = 0; i < table.n(); i++) {
            int g = labels[i] < 0 ? k : labels[i];
            size[g]++;
            for (int j = 0; j < d; j++) {
                float x = v[i * table.d() + j];
                if (table.isCategorical(j)) {
                    if (x >= 0) {
                        levelCounts.get(j)[g][(int) x]++;
                    }
                } else {
                    sum[g][j] += x;
                }
            }
        }
        StringBuilder s = new StringBuilder("<figure class=\"wide\"><div class=\"scroll\"><table class=\"ranking profile\">\n<thead><tr><th>cluster</th><th>points</th>");
        for (int j = 0; j < d; j++) {
            s.append("<th>").append(Html.esc(table.featureNames().get(j))).append(table.isCategorical(j) ? " (levels)" : " (mean)").append("</th>");
        }
        s.append("</tr></thead>\n<tbody>\n");
        for (int g = 0; g < groups; g++) {
            s.append("<tr><td>").append(g < k ? String.valueOf(g) : "noise").append("</td><td>").append(size[g])
                    .append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * size[g] / table.n())).append("</td>");
            for (int j = 0; j < d; j++) {
                s.append("<td>").append(Html.esc(table.isCategorical(j) ? shares(table.levels(j), levelCounts.get(j)[g], size[g])
                        : String.format(Locale.ROOT, "%.4g", size[g] == 0 ? Double.NaN : sum[g][j] / size[g]))).append("</td>");
            }
            s.append("</tr>\n");
        }
        s.append("</tbody></table></div><figcaption>Cluster profiles of ").append(Html.esc(who))
                .append(": points per cluster, the mean of each numeric column and the shares of the ").append(TOP_LEVELS)
                .append(" most common levels of each categorical column, in the values clustered (after preprocessing)")
                .append(table.d() > d ? "; the first " + d + " of " + table.d() + " columns" : "").append(".</figcaption></figure>");
        return s.toString();
    }

    /** @return {@code pro 62%, basic 30%, free 8%}: the most common levels first, ties in level order */
    private static String shares(List<String> levels, long[] counts, long size) {
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            order.add(c);
        }
        order.sort((a, b) -> counts[b] != counts[a] ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b));
        List<String> parts = new ArrayList<>();
        for (int c : order.subList(0, Math.min(TOP_LEVELS, order.size()))) {
            if (counts[c] > 0) {
                parts.add(levels.get(c) + " " + Math.round(100.0 * counts[c] / size) + "%");
            }
        }
        return String.join(", ", parts);
    }
}

package dev.clusterlab.host.report;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.host.output.ConfigSummary;
import dev.clusterlab.host.output.RunRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pictures of one run (the best configuration's first OK run): its points in 2-D coloured by
 * cluster, projected with {@link Pca} when the data has more than two features, and its cluster sizes.
 * At most {@value #MAX_POINTS} evenly spaced rows are drawn, which keeps the file small and the choice
 * deterministic; sizes count every row. The same rows embedded by t-SNE come next ({@link TsnePlot}),
 * then the cluster sizes. The run's artifacts follow ({@link ArtifactFigures}), then the
 * silhouette plot ({@link SvgSilhouette}), the inter-cluster distance map ({@link ClusterMap}), the
 * feature distributions per cluster ({@link FeatureBoxes}) and the cluster profiles ({@link ClusterProfiles}).
 */
final class BestRunPlots {
    static final int MAX_POINTS = 5000;
    private static final int MAX_SIZE_BARS = 40;

    private BestRunPlots() {
    }

    /**
     * @param r the report inputs
     * @param data the dataset
     * @param best the configuration to show
     * @return figures, or a note saying why there are none
     */
    static String render(Report r, Dataset data, ConfigSummary best) {
        RunRecord run = best.runs().stream().filter(x -> x.ok()).findFirst().orElse(null);
        if (run == null) {
            return note("No run of the best configuration finished, so there is nothing to draw.");
        }
        int[] labels;
        try {
            labels = r.labels().labels(run, data.n());
        } catch (RuntimeException ex) {
            return note("The labels of run " + run.runId() + " could not be read: " + ex.getMessage());
        }
        if (labels == null || labels.length != data.n() || data.n() == 0) {
            return note("The labels of run " + run.runId() + " are not available.");
        }
        String who = run.algorithm() + (run.paramsText().isEmpty() ? "" : " " + run.paramsText()) + ", seed " + run.seed();
        StringBuilder s = new StringBuilder();
        s.append("<div class=\"figures\">");
        s.append(scatter(data, labels, who));
        s.append(TsnePlot.figure(data, labels, run.seed(), who));
        s.append("<figure style=\"max-width:").append(SvgBars.WIDTH).append("px\">")
                .append(SvgBars.render(sizeBars(labels), "points", "Cluster sizes of " + who))
                .append("<figcaption>Cluster sizes of ").append(Html.esc(who)).append(" (all ").append(data.n())
                .append(" points).</figcaption></figure>");
        s.append(ArtifactFigures.render(r, run, labels, who));
        s.append(SvgSilhouette.figure(data, labels, run.seed(), who));
        s.append(ClusterMap.figure(data, labels, who));
        Dataset table = r.tables().getOrDefault(run.dataset(), data);
        s.append(FeatureBoxes.figure(table, labels, who));
        s.append(ClusterProfiles.render(table, labels, who));
        s.append("</div>\n");
        return s.toString();
    }

    private static String scatter(Dataset data, int[] labels, String who) {
        int[] rows = subsample(data.n(), MAX_POINTS);
        int[] shown = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            shown[i] = labels[rows[i]];
        }
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        String xTitle;
        String yTitle;
        String how;
        int d = data.d();
        float[] v = data.data();
        if (d == 1) {
            for (int i = 0; i < rows.length; i++) {
                x[i] = v[rows[i]];
                y[i] = rows[i] + 1;
            }
            xTitle = data.featureNames().getFirst();
            yTitle = "row";
            how = "The single feature against the row number.";
        } else if (d == 2) {
            for (int i = 0; i < rows.length; i++) {
                x[i] = v[rows[i] * 2];
                y[i] = v[rows[i] * 2 + 1];
            }
            xTitle = data.featureNames().get(0);
            yTitle = data.featureNames().get(1);
            how = "The two features, same scale on both axes.";
        } else {
            Pca.Result pca = Pca.fit(v, d, rows, 2);
            double[][] p = pca.project(v, rows);
            x = p[0];
            y = p[1];
            xTitle = String.format(Locale.ROOT, "PC1 (%.1f%% of variance)", 100 * pca.explained(0));
            yTitle = String.format(Locale.ROOT, "PC2 (%.1f%% of variance)", 100 * pca.explained(1));
            how = String.format(Locale.ROOT, "First two principal components of the %d features (%.1f%% of the variance),"
                    + " same scale on both axes.", d, 100 * (pca.explained(0) + pca.explained(1)));
        }
        String title = "Clusters of " + who;
        StringBuilder s = new StringBuilder();
        s.append("<figure style=\"max-width:").append(SvgScatter.WIDTH).append("px\">")
                .append(SvgScatter.render(x, y, shown, xTitle, yTitle, d > 1, title));
        s.append("<figcaption>").append(Html.esc(title)).append(". ").append(Html.esc(how));
        if (rows.length < data.n()) {
            s.append(" Showing ").append(rows.length).append(" of ").append(data.n()).append(" points, evenly spaced.");
        }
        s.append("</figcaption>").append(legend(labels)).append("</figure>");
        return s.toString();
    }

    static String legend(int[] labels) {
        Map<Integer, Integer> sizes = sizes(labels);
        StringBuilder s = new StringBuilder("<ul class=\"legend\">");
        int shown = 0;
        for (Map.Entry<Integer, Integer> e : sizes.entrySet()) {
            if (shown++ == 24) {
                s.append("<li>\u2026 ").append(sizes.size() - 24).append(" more</li>");
                break;
            }
            s.append("<li><span class=\"swatch\" style=\"background:").append(Palette.cluster(e.getKey())).append("\"></span>")
                    .append(e.getKey() < 0 ? "noise" : "cluster " + e.getKey()).append(" (").append(e.getValue()).append(")</li>");
        }
        return s.append("</ul>").toString();
    }

    private static List<SvgBars.Bar> sizeBars(int[] labels) {
        Map<Integer, Integer> sizes = sizes(labels);
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(sizes.entrySet());
        int others = 0;
        int otherPoints = 0;
        if (entries.size() > MAX_SIZE_BARS) {
            entries.sort(Map.Entry.<Integer, Integer>comparingByValue(Comparator.reverseOrder()));
            for (Map.Entry<Integer, Integer> e : entries.subList(MAX_SIZE_BARS - 1, entries.size())) {
                others++;
                otherPoints += e.getValue();
            }
            entries = new ArrayList<>(entries.subList(0, MAX_SIZE_BARS - 1));
        }
        List<SvgBars.Bar> bars = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : entries) {
            bars.add(new SvgBars.Bar(e.getKey() < 0 ? "noise" : "cluster " + e.getKey(), e.getValue(), 0, Palette.cluster(e.getKey()),
                    share(e.getValue(), labels.length)));
        }
        if (others > 0) {
            bars.add(new SvgBars.Bar(others + " smaller clusters", otherPoints, 0, Palette.NOISE, share(otherPoints, labels.length)));
        }
        return bars;
    }

    private static String share(int count, int n) {
        return count + String.format(Locale.ROOT, " (%.0f%%)", 100.0 * count / n);
    }

    static Map<Integer, Integer> sizes(int[] labels) {
        Map<Integer, Integer> sizes = new TreeMap<>();
        for (int l : labels) {
            sizes.merge(l, 1, Integer::sum);
        }
        return sizes;
    }

    /**
     * @param n rows
     * @param max most rows to keep
     * @return {@code min(n, max)} ascending row indices spread evenly over {@code 0..n-1}
     */
    static int[] subsample(int n, int max) {
        int m = Math.min(n, max);
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = (int) ((long) i * n / m);
        }
        return rows;
    }

    static String note(String text) {
        return "<p class=\"note\">" + Html.esc(text) + "</p>\n";
    }
}

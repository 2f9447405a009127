package dev.clusterlab.host.report;

import dev.clusterlab.api.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A silhouette plot as inline SVG, as scikit-learn's example "Selecting the number of clusters with
 * silhouette analysis" and PyCaret's {@code plot_model(plot='silhouette')} draw it: per cluster the
 * sorted silhouettes of its points as horizontal bars, clusters stacked top to bottom in label order,
 * each band as tall as its number of points, and a dashed line at the mean. Each band is one path (a
 * staircase, one step per point), so two thousand points stay a few tens of kilobytes.
 */
final class SvgSilhouette {
    static final int WIDTH = SvgScatter.WIDTH;
    static final int HEIGHT = SvgScatter.HEIGHT;
    private static final int LEFT = 62;
    private static final int RIGHT = 14;
    private static final int TOP = 22;
    private static final int BOTTOM = 46;
    private static final double GAP = 6;

    private SvgSilhouette() {
    }

    /**
     * @param data the values clustered
     * @param labels the run's labels
     * @param seed the run's seed, for the sample
     * @param who the run in words
     * @return the figure with its caption, or a note saying why there is none
     */
    static String figure(Dataset data, int[] labels, long seed, String who) {
        int[] scatterRows = BestRunPlots.subsample(data.n(), BestRunPlots.MAX_POINTS);
        long clusters = Arrays.stream(labels).filter(l -> l >= 0).distinct().count();
        if (clusters < 2) {
            return BestRunPlots.note("No silhouette plot for " + who + ": it has " + (clusters == 0 ? "no cluster" : "a single cluster")
                    + ", and a silhouette compares each point's own cluster with the nearest other one.");
        }
        SilhouetteValues.Sample sample = SilhouetteValues.compute(data.data(), data.d(), labels, scatterRows, seed);
        if (sample.clusters() < 2) {
            return BestRunPlots.note("No silhouette plot for " + who + ": fewer than two clusters among the points sampled.");
        }
        String title = "Silhouette plot of " + who;
        StringBuilder s = new StringBuilder();
        s.append("<figure style=\"max-width:").append(WIDTH).append("px\">").append(render(sample, title));
        s.append("<figcaption>").append(Html.esc(title)).append(String.format(Locale.ROOT,
                ": the silhouette s = (b \u2212 a) / max(a, b) of each point (Rousseeuw 1987; a: mean Euclidean distance to the other"
                        + " points of its cluster, b: the smallest mean distance to the points of another cluster), one horizontal bar"
                        + " per point, sorted within each cluster, clusters stacked in label order; the dashed line is the mean, %.4f."
                        + " Computed here in double precision on the values clustered, a and b taken among the %d points plotted",
                sample.mean(), sample.rows().length));
        if (sample.rows().length < sample.candidates()) {
            s.append(": a uniform random sample (seed ").append(seed).append(") of ").append(sample.candidates())
                    .append(" points of the scatter");
        } else {
            s.append(", the points of the scatter");
        }
        if (sample.noise() > 0) {
            s.append(" without its ").append(sample.noise()).append(" noise points");
        }
        s.append(". The experiment's silhouette metric, which ranks the runs, is computed on all non-noise points and may differ"
                + " slightly.</figcaption></figure>");
        return s.toString();
    }

    /**
     * @param sample the silhouettes
     * @param title accessible title
     * @return the SVG element
     */
    static String render(SilhouetteValues.Sample sample, String title) {
        TreeMap<Integer, List<Double>> byCluster = new TreeMap<>();
        double[] v = sample.values();
        for (int i = 0; i < v.length; i++) {
            byCluster.computeIfAbsent(sample.labels()[i], l -> new ArrayList<>()).add(v[i]);
        }
        double min = Arrays.stream(v).min().orElse(0);
        Scale x = Scale.of(Math.min(0, min), 1, LEFT, WIDTH - RIGHT, 6);
        int plotBottom = HEIGHT - BOTTOM;
        int k = byCluster.size();
        double gap = k > 1 ? Math.min(GAP, (plotBottom - TOP) * 0.25 / (k - 1)) : 0;
        double perPoint = (plotBottom - TOP - gap * (k - 1)) / Math.max(1, v.length);
        StringBuilder s = new StringBuilder(v.length * 12 + 4096);
        Svg.open(s, "silhouette", WIDTH, HEIGHT, title);
        Svg.xAxis(s, x, plotBottom, TOP, "silhouette value");
        double zero = x.map(0);
        String z = Html.px(zero);
        double top = TOP;
        for (var e : byCluster.entrySet()) {
            int label = e.getKey();
            double[] values = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(values);
            double band = values.length * perPoint;
            double mean = Arrays.stream(values).sum() / values.length;
            s.append("<g class=\"cluster\" fill=\"").append(Palette.cluster(label)).append("\"><title>cluster ").append(label).append(": ")
                    .append(values.length).append(values.length == 1 ? " point" : " points").append(", mean silhouette ")
                    .append(Html.esc(SvgBars.format(mean))).append("</title><path d=\"M").append(z).append(' ').append(Html.px(top));
            // largest first, from the top of the band: the knife shape of scikit-learn's plot
            for (int i = values.length - 1, step = 0; i >= 0; i--, step++) {
                s.append('H').append(Html.px(x.map(values[i]))).append('V').append(Html.px(top + (step + 1) * perPoint));
            }
            s.append('H').append(z).append("Z\"/>");
            if (band >= 9) {
                s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(Html.px(top + band / 2 + 4))
                        .append("\" text-anchor=\"end\">").append(label).append("</text>");
            }
            s.append("</g>\n");
            top += band + gap;
        }
        s.append("<text class=\"title\" transform=\"translate(").append(LEFT - 40).append(',').append(Html.px((TOP + plotBottom) / 2.0))
                .append(") rotate(-90)\" text-anchor=\"middle\" fill=\"#59636e\">cluster</text>\n");
        s.append("<line class=\"zero\" x1=\"").append(z).append("\" x2=\"").append(z).append("\" y1=\"").append(TOP).append("\" y2=\"")
                .append(plotBottom).append("\"/>");
        double mean = sample.mean();
        String mx = Html.px(x.map(mean));
        s.append("<line class=\"mark\" x1=\"").append(mx).append("\" x2=\"").append(mx).append("\" y1=\"").append(TOP - 4)
                .append("\" y2=\"").append(plotBottom).append("\"/><text class=\"mark\" x=\"").append(Html.px(x.map(mean) + (mean > 0.7 ? -4 : 4)))
                .append("\" y=\"").append(TOP - 8).append(mean > 0.7 ? "\" text-anchor=\"end\">mean " : "\">mean ").append(Html.esc(String.format(Locale.ROOT, "%.3f", mean)))
                .append("</text>\n");
        s.append("</svg>");
        return s.toString();
    }
}

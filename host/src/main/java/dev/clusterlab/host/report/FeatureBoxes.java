package dev.clusterlab.host.report;

import dev.clusterlab.api.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Feature distributions per cluster (PyCaret's {@code plot_model(plot='distribution')}) as small box
 * plots, one panel per numeric column, one box per cluster side by side (noise last, grey). Quartiles
 * are numpy's default ({@code method='linear'}: the value at position {@code (n - 1) p} of the sorted
 * values, interpolated linearly between its neighbours); whiskers reach the most extreme value within
 * 1.5 IQR of the box (matplotlib's {@code whis=1.5}); points beyond are not drawn, to keep the file small.
 * The values are those of {@link Report#tables()}, before one-hot encoding: categorical columns are
 * skipped, their level shares are in {@link ClusterProfiles}.
 */
final class FeatureBoxes {
    /** Numeric columns drawn. */
    static final int MAX_COLUMNS = 6;
    /** Clusters drawn per panel (the largest), noise aside. */
    static final int MAX_CLUSTERS = 20;
    static final int WIDTH = SvgBars.WIDTH;
    private static final int PANEL_W = WIDTH / 2;
    private static final int PANEL_H = 170;
    private static final int LEFT = 50;
    private static final int RIGHT = 10;
    private static final int TOP = 22;
    private static final int BOTTOM = 20;

    private FeatureBoxes() {
    }

    /**
     * One box.
     *
     * @param n values
     * @param q1 first quartile
     * @param median second quartile
     * @param q3 third quartile
     * @param low lower whisker end: the smallest value at or above {@code q1 - 1.5 IQR}
     * @param high upper whisker end: the largest value at or below {@code q3 + 1.5 IQR}
     */
    record Box(int n, double q1, double median, double q3, double low, double high) {
    }

    /**
     * @param sorted values in ascending order, at least one
     * @param p the probability, in {@code [0, 1]}
     * @return numpy's {@code quantile(x, p)} with the default linear method
     */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * @param values any values (sorted in place), at least one
     * @return their box
     */
    static Box box(double[] values) {
        Arrays.sort(values);
        double q1 = quantile(values, 0.25);
        double q3 = quantile(values, 0.75);
        double iqr = q3 - q1;
        double low = q1;
        double high = q3;
        for (double v : values) {
            if (v >= q1 - 1.5 * iqr) {
                low = Math.min(q1, v);
                break;
            }
        }
        for (int i = values.length - 1; i >= 0; i--) {
            if (values[i] <= q3 + 1.5 * iqr) {
                high = Math.max(q3, values[i]);
                break;
            }
        }
        return new Box(values.length, q1, quantile(values, 0.5), q3, low, high);
    }

    /**
     * @param table the rows before one-hot encoding
     * @param labels the run's labels
     * @param who the run in words
     * @return the figure with its caption; empty when the labels do not fit the rows or no column is numeric
     */
    static String figure(Dataset table, int[] labels, String who) {
        if (table == null || labels.length != table.n() || table.n() == 0) {
            return "";
        }
        int[] numeric = IntStream.range(0, table.d()).filter(j -> !table.isCategorical(j)).toArray();
        if (numeric.length == 0) {
            return "";
        }
        int[] columns = Arrays.copyOf(numeric, Math.min(MAX_COLUMNS, numeric.length));
        int k = 0;
        for (int l : labels) {
            k = Math.max(k, l + 1);
        }
        int[] size = new int[k + 1]; // index k: noise
        for (int l : labels) {
            size[l < 0 ? k : l]++;
        }
        int kk = k;
        int[] clusters = IntStream.range(0, k).filter(c -> size[c] > 0).boxed()
                .sorted(Comparator.comparingInt((Integer c) -> -size[c]).thenComparingInt(c -> c)).limit(MAX_CLUSTERS)
                .mapToInt(Integer::intValue).sorted().toArray();
        int totalClusters = (int) IntStream.range(0, k).filter(c -> size[c] > 0).count();
        int[] groups = size[kk] > 0 ? IntStream.concat(Arrays.stream(clusters), IntStream.of(-1)).toArray() : clusters;
        int[] slot = new int[k + 1];
        Arrays.fill(slot, -1);
        for (int g = 0; g < groups.length; g++) {
            slot[groups[g] < 0 ? k : groups[g]] = g;
        }
        List<String> names = new ArrayList<>();
        List<Box[]> boxes = new ArrayList<>();
        float[] v = table.data();
        for (int j : columns) {
            double[][] values = new double[groups.length][];
            int[] fill = new int[groups.length];
            for (int g = 0; g < groups.length; g++) {
                values[g] = new double[size[groups[g] < 0 ? k : groups[g]]];
            }
            for (int i = 0; i < labels.length; i++) {
                int g = slot[labels[i] < 0 ? k : labels[i]];
                float x = v[i * table.d() + j];
                if (g >= 0 && Float.isFinite(x)) {
                    values[g][fill[g]++] = x;
                }
            }
            Box[] row = new Box[groups.length];
            for (int g = 0; g < groups.length; g++) {
                row[g] = fill[g] == 0 ? null : box(Arrays.copyOf(values[g], fill[g]));
            }
            names.add(table.featureNames().get(j));
            boxes.add(row);
        }
        String title = "Feature distributions per cluster of " + who;
        StringBuilder s = new StringBuilder();
        s.append("<figure style=\"max-width:").append(WIDTH).append("px\">").append(render(names, groups, boxes, title));
        s.append("<figcaption>").append(Html.esc(title)).append(": for ")
                .append(columns.length == numeric.length ? "each numeric column" : "the first " + columns.length + " of "
                        + numeric.length + " numeric columns")
                .append(", one box per cluster")
                .append(size[kk] > 0 ? " (noise last, grey)" : "")
                .append(" over all its points: the box spans the first to the third quartile with the median marked (quartiles by"
                        + " linear interpolation between order statistics, numpy's default), the whiskers reach the most extreme"
                        + " value within 1.5 IQR of the box; values beyond them are not drawn. Values as clustered, after"
                        + " preprocessing and before one-hot encoding");
        if (numeric.length < table.d()) {
            s.append("; categorical columns are left out (their level shares are in the cluster profiles)");
        }
        s.append('.');
        if (clusters.length < totalClusters) {
            s.append(" The ").append(clusters.length).append(" largest of ").append(totalClusters).append(" clusters are drawn.");
        }
        return s.append("</figcaption></figure>").toString();
    }

    /**
     * @param names column names, one panel each
     * @param groups cluster label per box, {@code -1} noise
     * @param boxes per panel, one box per group ({@code null} when the group has no value)
     * @param title accessible title
     * @return the SVG element
     */
    static String render(List<String> names, int[] groups, List<Box[]> boxes, String title) {
        int rows = (names.size() + 1) / 2;
        int height = rows * PANEL_H + 4;
        StringBuilder s = new StringBuilder(2048 + names.size() * groups.length * 360);
        Svg.open(s, "boxes", WIDTH, height, title);
        for (int p = 0; p < names.size(); p++) {
            panel(s, (p % 2) * PANEL_W, (p / 2) * PANEL_H, names.get(p), groups, boxes.get(p));
        }
        s.append("</svg>");
        return s.toString();
    }

    private static void panel(StringBuilder s, int ox, int oy, String name, int[] groups, Box[] boxes) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Box b : boxes) {
            if (b != null) {
                lo = Math.min(lo, b.low());
                hi = Math.max(hi, b.high());
            }
        }
        int bottom = oy + PANEL_H - BOTTOM;
        int left = ox + LEFT;
        int right = ox + PANEL_W - RIGHT;
        Scale y = Scale.of(lo, hi, bottom, oy + TOP, 4);
        s.append("<g class=\"panel\">");
        String shown = Html.shorten(name, 38);
        s.append("<text class=\"title\" x=\"").append(Html.px((left + right) / 2.0)).append("\" y=\"").append(oy + 14)
                .append("\" text-anchor=\"middle\" font-weight=\"600\">");
        if (!shown.equals(name)) {
            s.append("<title>").append(Html.esc(name)).append("</title>");
        }
        s.append(Html.esc(shown)).append("</text>");
        s.append("<g class=\"axis\">");
        for (double t : y.ticks()) {
            String py = Html.px(y.map(t));
            s.append("<line class=\"grid\" x1=\"").append(left).append("\" x2=\"").append(right).append("\" y1=\"").append(py)
                    .append("\" y2=\"").append(py).append("\"/><text x=\"").append(left - 4).append("\" y=\"")
                    .append(Html.px(y.map(t) + 4)).append("\" text-anchor=\"end\">").append(Html.esc(y.label(t))).append("</text>");
        }
        s.append("<line x1=\"").append(left).append("\" x2=\"").append(left).append("\" y1=\"").append(oy + TOP).append("\" y2=\"")
                .append(bottom).append("\"/></g>\n");
        double slot = (double) (right - left) / Math.max(1, groups.length);
        double w = Math.max(1, Math.min(28, slot * 0.6));
        for (int g = 0; g < groups.length; g++) {
            int label = groups[g];
            double cx = left + slot * (g + 0.5);
            String name1 = label < 0 ? "noise" : "cluster " + label;
            if (slot >= 9) {
                s.append("<text x=\"").append(Html.px(cx)).append("\" y=\"").append(bottom + 13).append("\" text-anchor=\"middle\">")
                        .append(label < 0 ? "n" : String.valueOf(label)).append("</text>");
            }
            Box b = boxes[g];
            if (b == null) {
                continue;
            }
            String colour = Palette.cluster(label);
            String x = Html.px(cx);
            String l = Html.px(cx - w / 4);
            String r = Html.px(cx + w / 4);
            s.append("<g class=\"box\"><title>").append(Html.esc(name)).append(", ").append(name1).append(": ").append(b.n())
                    .append(" values, quartiles ").append(Html.esc(SvgBars.format(b.q1()))).append(" / ")
                    .append(Html.esc(SvgBars.format(b.median()))).append(" / ").append(Html.esc(SvgBars.format(b.q3())))
                    .append(", whiskers ").append(Html.esc(SvgBars.format(b.low()))).append(" to ")
                    .append(Html.esc(SvgBars.format(b.high()))).append("</title>");
            s.append("<path d=\"M").append(x).append(' ').append(Html.px(y.map(b.low()))).append("V").append(Html.px(y.map(b.q1())))
                    .append("M").append(x).append(' ').append(Html.px(y.map(b.q3()))).append("V").append(Html.px(y.map(b.high())))
                    .append("M").append(l).append(' ').append(Html.px(y.map(b.low()))).append("H").append(r)
                    .append("M").append(l).append(' ').append(Html.px(y.map(b.high()))).append("H").append(r)
                    .append("\" stroke=\"#57606a\" fill=\"none\"/>");
            double top = y.map(b.q3());
            s.append("<rect x=\"").append(Html.px(cx - w / 2)).append("\" y=\"").append(Html.px(top)).append("\" width=\"")
                    .append(Html.px(w)).append("\" height=\"").append(Html.px(Math.max(0.5, y.map(b.q1()) - top)))
                    .append("\" fill=\"").append(colour).append("\" fill-opacity=\"0.7\" stroke=\"").append(colour).append("\"/>");
            String m = Html.px(y.map(b.median()));
            s.append("<path d=\"M").append(Html.px(cx - w / 2)).append(' ').append(m).append("H").append(Html.px(cx + w / 2))
                    .append("\" stroke=\"#1f2328\" stroke-width=\"1.5\"/></g>\n");
        }
        s.append("</g>\n");
    }
}

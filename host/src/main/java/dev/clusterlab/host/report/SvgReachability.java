package dev.clusterlab.host.report;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * OPTICS' reachability plot as inline SVG: one bar per point in the cluster ordering, its height the
 * reachability distance, coloured by the point's cluster (valleys are clusters, peaks separate them).
 * Infinite reachabilities (the first point, and every point not reachable within {@code max_eps} of
 * those before it) have no height: they are drawn pale up to the top of the plot with a dark cap, at
 * least 2 pixels wide.
 * Beyond {@value #MAX_BARS} points each bar stands for a run of consecutive points: its height is their
 * largest reachability (so the peaks between clusters stay visible), its colour their most common label.
 * Bars of one colour share one {@code <path>}, which keeps the file small.
 */
final class SvgReachability {
    static final int WIDTH = 540;
    static final int HEIGHT = 320;
    static final int MAX_BARS = 1000;
    private static final double MIN_INF_WIDTH = 2;
    private static final int LEFT = 62;
    private static final int RIGHT = 14;
    private static final int TOP = 16;
    private static final int BOTTOM = 46;

    private SvgReachability() {
    }

    /**
     * @param n the number of points
     * @return how many consecutive points each bar stands for
     */
    static int pointsPerBar(int n) {
        return Math.max(1, (n + MAX_BARS - 1) / MAX_BARS);
    }

    /**
     * @param reachability per position of the ordering ({@code inf} where undefined)
     * @param labels per position, the cluster label ({@code -1} noise)
     * @param title accessible title
     * @return the SVG element
     */
    static String render(double[] reachability, int[] labels, String title) {
        int n = reachability.length;
        double max = 0;
        for (double v : reachability) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        Scale y = Scale.of(0, max > 0 ? max * 1.08 : 1, HEIGHT - BOTTOM, TOP, 5);
        Scale x = Scale.exact(0, Math.max(1, n), LEFT, WIDTH - RIGHT, 6);
        int per = pointsPerBar(n);
        StringBuilder s = new StringBuilder(8192 + n / per * 40);
        Svg.open(s, "reachability", WIDTH, HEIGHT, title);
        Svg.xAxis(s, x, HEIGHT - BOTTOM, TOP, per > 1 ? "position in the cluster ordering (" + per + " points per bar)"
                : "position in the cluster ordering");
        Svg.yAxis(s, y, LEFT, WIDTH - RIGHT, "reachability distance");
        TreeMap<Integer, StringBuilder> finite = new TreeMap<>();
        TreeMap<Integer, StringBuilder> infinite = new TreeMap<>();
        StringBuilder caps = new StringBuilder();
        String base = Html.px(y.map(0));
        for (int from = 0; from < n; from += per) {
            int to = Math.min(n, from + per);
            double h = 0;
            Map<Integer, Integer> counts = new HashMap<>();
            int label = labels[from];
            int best = 0;
            for (int i = from; i < to; i++) {
                h = Math.max(h, reachability[i]);
                int c = counts.merge(labels[i], 1, Integer::sum);
                if (c > best || (c == best && labels[i] < label)) {
                    best = c;
                    label = labels[i];
                }
            }
            boolean inf = Double.isInfinite(h);
            double left = x.map(from);
            double right = x.map(to);
            if (inf && right - left < MIN_INF_WIDTH) {
                // An infinite bar marks where a region starts: wide enough to see even among thousands of bars.
                double mid = (left + right) / 2;
                left = mid - MIN_INF_WIDTH / 2;
                right = mid + MIN_INF_WIDTH / 2;
            }
            String x0 = Html.px(left);
            String x1 = Html.px(right);
            String top = Html.px(inf ? y.to() : y.map(h));
            (inf ? infinite : finite).computeIfAbsent(label, l -> new StringBuilder())
                    .append('M').append(x0).append(' ').append(base).append('V').append(top).append('H').append(x1).append('V')
                    .append(base).append('Z');
            if (inf) {
                caps.append('M').append(x0).append(' ').append(top).append('H').append(x1);
            }
        }
        finite.forEach((label, d) -> group(s, label, d, "bar", "0.9"));
        infinite.forEach((label, d) -> group(s, label, d, "bar inf", "0.35"));
        if (!caps.isEmpty()) {
            s.append("<path class=\"cap\" d=\"").append(caps).append("\"><title>infinite reachability (capped)</title></path>\n");
            s.append("<text class=\"cap\" x=\"").append(WIDTH - RIGHT - 4).append("\" y=\"").append(TOP - 4)
                    .append("\" text-anchor=\"end\">\u221e drawn capped</text>\n");
        }
        s.append("</svg>");
        return s.toString();
    }

    private static void group(StringBuilder s, int label, StringBuilder d, String cssClass, String opacity) {
        s.append("<path class=\"").append(cssClass).append("\" fill=\"").append(Palette.cluster(label)).append("\" fill-opacity=\"")
                .append(opacity).append("\" d=\"").append(d).append("\"><title>").append(label < 0 ? "noise" : "cluster " + label)
                .append(cssClass.contains("inf") ? ", infinite reachability" : "").append("</title></path>\n");
    }

    /**
     * @param reachability per position
     * @return how many values are infinite
     */
    static int infinite(double[] reachability) {
        int count = 0;
        for (double v : reachability) {
            if (Double.isInfinite(v)) {
                count++;
            }
        }
        return count;
    }
}

package dev.clusterlab.host.report;

import java.util.TreeMap;

/**
 * A 2-D scatter plot of points coloured by cluster, as inline SVG. Points are grouped in one
 * {@code <g>} per cluster (fill set once, so thousands of points stay small), noise drawn first and
 * grey so that clusters sit on top. With {@code equalAspect} one unit is the same length on both axes,
 * so a projection shows distances undistorted.
 */
final class SvgScatter {
    static final int WIDTH = 520;
    static final int HEIGHT = 440;
    private static final int LEFT = 62;
    private static final int RIGHT = 14;
    private static final int TOP = 12;
    private static final int BOTTOM = 46;

    private SvgScatter() {
    }

    /**
     * @param x horizontal coordinates
     * @param y vertical coordinates
     * @param labels cluster per point, {@code -1} noise
     * @param xTitle horizontal axis title
     * @param yTitle vertical axis title
     * @param equalAspect whether both axes use the same units per pixel
     * @param title accessible title
     * @return the SVG element
     */
    static String render(double[] x, double[] y, int[] labels, String xTitle, String yTitle, boolean equalAspect, String title) {
        return render(x, y, labels, xTitle, yTitle, equalAspect, title, "scatter");
    }

    /**
     * The same with another plot class, for scatters of other kinds (the t-SNE embedding).
     *
     * @param cssClass the plot class
     */
    static String render(double[] x, double[] y, int[] labels, String xTitle, String yTitle, boolean equalAspect, String title,
                         String cssClass) {
        double[] xr = range(x);
        double[] yr = range(y);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        if (equalAspect) {
            double unit = Math.max((xr[1] - xr[0]) / plotW, (yr[1] - yr[0]) / plotH);
            if (unit > 0) {
                double cx = (xr[0] + xr[1]) / 2;
                double cy = (yr[0] + yr[1]) / 2;
                xr = new double[] {cx - unit * plotW / 2, cx + unit * plotW / 2};
                yr = new double[] {cy - unit * plotH / 2, cy + unit * plotH / 2};
            }
        }
        Scale sx = Scale.exact(xr[0], xr[1], LEFT, WIDTH - RIGHT, 6);
        Scale sy = Scale.exact(yr[0], yr[1], HEIGHT - BOTTOM, TOP, 6);
        StringBuilder s = new StringBuilder(x.length * 40 + 4096);
        Svg.open(s, cssClass, WIDTH, HEIGHT, title);
        Svg.xAxis(s, sx, HEIGHT - BOTTOM, TOP, xTitle);
        Svg.yAxis(s, sy, LEFT, WIDTH - RIGHT, yTitle);
        TreeMap<Integer, StringBuilder> groups = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            StringBuilder g = groups.computeIfAbsent(labels[i], l -> new StringBuilder());
            g.append("<circle cx=\"").append(Html.px(sx.map(x[i]))).append("\" cy=\"").append(Html.px(sy.map(y[i])))
                    .append("\" r=\"2.3\"/>");
        }
        groups.forEach((label, points) -> {
            s.append("<g class=\"").append(label < 0 ? "noise" : "cluster").append("\" fill=\"").append(Palette.cluster(label))
                    .append("\" fill-opacity=\"").append(label < 0 ? "0.55" : "0.8").append("\"><title>")
                    .append(label < 0 ? "noise" : "cluster " + label).append("</title>").append(points).append("</g>\n");
        });
        s.append("</svg>");
        return s.toString();
    }

    private static double[] range(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        double pad = (hi - lo) * 0.03;
        return new double[] {lo - pad, hi + pad};
    }
}

package dev.clusterlab.host.report;

import java.util.List;

/**
 * A line plot of one value against {@code k} (the elbow of the objective, silhouette per k), as inline
 * SVG, with the suggested k marked by a dashed line so the choice can be checked by eye. Undefined
 * (NaN) values leave a gap.
 */
final class SvgLines {
    static final int WIDTH = 400;
    static final int HEIGHT = 260;
    private static final int LEFT = 66;
    private static final int RIGHT = 16;
    private static final int TOP = 14;
    private static final int BOTTOM = 46;

    private SvgLines() {
    }

    /**
     * @param ks the x values, ascending
     * @param values one y value per k
     * @param marked the suggested k, or -1 for none
     * @param yTitle vertical axis title
     * @param title accessible title
     * @return the SVG element
     */
    static String render(List<Integer> ks, List<Double> values, int marked, String yTitle, String title) {
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ymin = Math.min(ymin, v);
                ymax = Math.max(ymax, v);
            }
        }
        Scale x = Scale.of(ks.getFirst(), ks.getLast(), LEFT, WIDTH - RIGHT, Math.min(8, Math.max(1, ks.getLast() - ks.getFirst())));
        Scale y = Scale.of(ymin, ymax, HEIGHT - BOTTOM, TOP, 5);
        StringBuilder s = new StringBuilder(2048);
        Svg.open(s, "lines", WIDTH, HEIGHT, title);
        Svg.xAxis(s, x, HEIGHT - BOTTOM, TOP, "k");
        Svg.yAxis(s, y, LEFT, WIDTH - RIGHT, yTitle);
        if (marked > 0) {
            String mx = Html.px(x.map(marked));
            s.append("<line class=\"mark\" x1=\"").append(mx).append("\" x2=\"").append(mx).append("\" y1=\"").append(TOP)
                    .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/><text class=\"mark\" x=\"").append(Html.px(x.map(marked) + 4))
                    .append("\" y=\"").append(TOP + 12).append("\">k = ").append(marked).append("</text>\n");
        }
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < ks.size(); i++) {
            double v = values.get(i);
            if (!Double.isFinite(v)) {
                pen = false;
                continue;
            }
            d.append(pen ? "L" : "M").append(Html.px(x.map(ks.get(i)))).append(' ').append(Html.px(y.map(v)));
            pen = true;
        }
        if (!d.isEmpty()) {
            s.append("<path class=\"line\" d=\"").append(d).append("\"/>\n");
        }
        for (int i = 0; i < ks.size(); i++) {
            double v = values.get(i);
            if (Double.isFinite(v)) {
                s.append("<circle class=\"").append(ks.get(i) == marked ? "point chosen" : "point").append("\" cx=\"")
                        .append(Html.px(x.map(ks.get(i)))).append("\" cy=\"").append(Html.px(y.map(v))).append("\" r=\"")
                        .append(ks.get(i) == marked ? "5" : "3.5").append("\"><title>k = ").append(ks.get(i)).append(": ")
                        .append(Html.esc(SvgBars.format(v))).append("</title></circle>");
            }
        }
        s.append("</svg>");
        return s.toString();
    }
}

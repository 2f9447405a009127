package dev.clusterlab.host.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart with optional error bars, as inline SVG. Horizontal, because the categories
 * are algorithm configurations whose labels ({@code kmeans k=3 init=k-means++}) are long: each gets
 * its own row, shortened if needed with the full text as a tooltip. When no value is negative (times,
 * sizes, most metrics) the axis starts at zero and error bars are cut there.
 */
final class SvgBars {
    static final int WIDTH = 540;
    private static final int LABEL = 190;
    private static final int VALUE = 78;
    private static final int ROW = 22;
    private static final int TOP = 8;
    private static final int BOTTOM = 44;

    private SvgBars() {
    }

    /**
     * One bar.
     *
     * @param label category label (unescaped)
     * @param value bar length, NaN for "no value"
     * @param error half-length of the error bar (a standard deviation), 0 or NaN for none
     * @param colour fill, one of {@link Palette}'s colours
     * @param text the value as printed after the bar
     */
    record Bar(String label, double value, double error, String colour, String text) {
    }

    /**
     * @param bars the bars, top to bottom
     * @param axisTitle title of the value axis
     * @param title accessible title
     * @return the SVG element
     */
    static String render(List<Bar> bars, String axisTitle, String title) {
        double min = 0;
        double max = 0;
        boolean negative = bars.stream().anyMatch(b -> b.value() < 0);
        for (Bar b : bars) {
            if (Double.isFinite(b.value())) {
                double e = err(b);
                min = Math.min(min, negative ? b.value() - e : 0);
                max = Math.max(max, b.value() + e);
            }
        }
        int height = TOP + ROW * Math.max(1, bars.size()) + BOTTOM;
        int plotBottom = height - BOTTOM;
        Scale x = Scale.of(min, max, LABEL, WIDTH - VALUE, 5);
        StringBuilder s = new StringBuilder(512 + bars.size() * 400);
        Svg.open(s, "bars", WIDTH, height, title);
        Svg.xAxis(s, x, plotBottom, TOP, axisTitle);
        double zero = x.map(0);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double top = TOP + i * ROW + 3;
            double mid = top + (ROW - 6) / 2.0;
            s.append("<g class=\"bar\"><title>").append(Html.esc(b.label() + ": " + b.text())).append("</title>");
            s.append("<text class=\"label\" x=\"").append(LABEL - 6).append("\" y=\"").append(Html.px(mid + 4))
                    .append("\" text-anchor=\"end\">").append(Html.esc(Html.shorten(b.label(), 28))).append("</text>");
            if (Double.isFinite(b.value())) {
                double end = x.map(b.value());
                s.append("<rect x=\"").append(Html.px(Math.min(zero, end))).append("\" y=\"").append(Html.px(top))
                        .append("\" width=\"").append(Html.px(Math.max(0.5, Math.abs(end - zero)))).append("\" height=\"")
                        .append(ROW - 6).append("\" fill=\"").append(b.colour()).append("\"/>");
                double e = err(b);
                if (e > 0) {
                    String lo = Html.px(x.map(negative ? b.value() - e : Math.max(0, b.value() - e)));
                    String hi = Html.px(x.map(b.value() + e));
                    s.append("<path class=\"err\" d=\"M").append(lo).append(' ').append(Html.px(mid)).append("H").append(hi)
                            .append("M").append(lo).append(' ').append(Html.px(mid - 5)).append("v10M").append(hi).append(' ')
                            .append(Html.px(mid - 5)).append("v10\"/>");
                }
            }
            s.append("<text class=\"value\" x=\"").append(WIDTH - VALUE + 6).append("\" y=\"").append(Html.px(mid + 4)).append("\">")
                    .append(Html.esc(Html.shorten(b.text(), 12))).append("</text></g>\n");
        }
        s.append("<line class=\"zero\" x1=\"").append(Html.px(zero)).append("\" x2=\"").append(Html.px(zero)).append("\" y1=\"")
                .append(TOP).append("\" y2=\"").append(plotBottom).append("\"/>");
        s.append("</svg>");
        return s.toString();
    }

    private static double err(Bar b) {
        return Double.isFinite(b.error()) && b.error() > 0 ? b.error() : 0;
    }

    /**
     * @param v a value
     * @return four significant decimals, or exponent form, as the tables print it; {@code n/a} for NaN
     */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v != 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}

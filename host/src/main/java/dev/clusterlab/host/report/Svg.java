package dev.clusterlab.host.report;

/**
 * The parts every plot shares: the {@code <svg>} element with its accessible title, and the drawing of
 * axes with ticks and titles. Callers pass unescaped text; escaping happens here.
 */
final class Svg {
    private Svg() {
    }

    /**
     * Opens an SVG element.
     *
     * @param s where to write
     * @param cssClass plot kind, for styling and tests
     * @param width width in pixels
     * @param height height in pixels
     * @param title accessible title (tooltip)
     */
    static void open(StringBuilder s, String cssClass, int width, int height, String title) {
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot ").append(cssClass).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\"><title>").append(Html.esc(title)).append("</title>\n");
    }

    /**
     * Draws a horizontal axis with its ticks, grid lines up to {@code gridTo} and a centred title.
     *
     * @param s where
     * @param x the scale
     * @param y pixel row of the axis
     * @param gridTo pixel row where grid lines end
     * @param title axis title
     */
    static void xAxis(StringBuilder s, Scale x, double y, double gridTo, String title) {
        s.append("<g class=\"axis\">");
        for (double t : x.ticks()) {
            String px = Html.px(x.map(t));
            s.append("<line class=\"grid\" x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(Html.px(y))
                    .append("\" y2=\"").append(Html.px(gridTo)).append("\"/>");
            s.append("<text x=\"").append(px).append("\" y=\"").append(Html.px(y + 14)).append("\" text-anchor=\"middle\">")
                    .append(Html.esc(x.label(t))).append("</text>");
        }
        s.append("<line x1=\"").append(Html.px(Math.min(x.from(), x.to()))).append("\" x2=\"").append(Html.px(Math.max(x.from(), x.to())))
                .append("\" y1=\"").append(Html.px(y)).append("\" y2=\"").append(Html.px(y)).append("\"/>");
        s.append("<text class=\"title\" x=\"").append(Html.px((x.from() + x.to()) / 2)).append("\" y=\"").append(Html.px(y + 32))
                .append("\" text-anchor=\"middle\">").append(axisTitle(title, Math.abs(x.to() - x.from()))).append("</text></g>\n");
    }

    /** The title shortened to the axis length (about 6.5 px per character), the full text as its tooltip. */
    private static String axisTitle(String title, double length) {
        String shown = Html.shorten(title, Math.max(8, (int) (length / 6.5)));
        return shown.equals(title) ? Html.esc(title) : "<title>" + Html.esc(title) + "</title>" + Html.esc(shown);
    }

    /**
     * Draws a vertical axis with its ticks, grid lines up to {@code gridTo} and a rotated title.
     *
     * @param s where
     * @param y the scale
     * @param x pixel column of the axis
     * @param gridTo pixel column where grid lines end
     * @param title axis title
     */
    static void yAxis(StringBuilder s, Scale y, double x, double gridTo, String title) {
        s.append("<g class=\"axis\">");
        for (double t : y.ticks()) {
            String py = Html.px(y.map(t));
            s.append("<line class=\"grid\" x1=\"").append(Html.px(x)).append("\" x2=\"").append(Html.px(gridTo)).append("\" y1=\"")
                    .append(py).append("\" y2=\"").append(py).append("\"/>");
            s.append("<text x=\"").append(Html.px(x - 5)).append("\" y=\"").append(Html.px(y.map(t) + 4))
                    .append("\" text-anchor=\"end\">").append(Html.esc(y.label(t))).append("</text>");
        }
        s.append("<line x1=\"").append(Html.px(x)).append("\" x2=\"").append(Html.px(x)).append("\" y1=\"")
                .append(Html.px(Math.min(y.from(), y.to()))).append("\" y2=\"").append(Html.px(Math.max(y.from(), y.to()))).append("\"/>");
        double mid = (y.from() + y.to()) / 2;
        s.append("<text class=\"title\" transform=\"translate(").append(Html.px(x - 46)).append(',').append(Html.px(mid))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(axisTitle(title, Math.abs(y.to() - y.from())))
                .append("</text></g>\n");
    }
}

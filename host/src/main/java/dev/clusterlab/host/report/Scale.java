package dev.clusterlab.host.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A linear map from data values to pixels over a "nice" domain (rounded out to ticks of 1, 2 or 5
 * times a power of ten), shared by every plot so that axes read the same way throughout the report.
 *
 * @param lo domain start (a tick)
 * @param hi domain end (a tick), greater than {@code lo}
 * @param step tick spacing
 * @param from pixel of {@code lo}
 * @param to pixel of {@code hi}
 */
record Scale(double lo, double hi, double step, double from, double to) {

    /**
     * @param min smallest value to show (NaN ignored)
     * @param max largest value to show
     * @param from pixel where the domain starts (may be larger than {@code to}, for y axes)
     * @param to pixel where it ends
     * @param ticks about how many ticks
     * @return the scale; a degenerate or empty range is widened around its value
     */
    static Scale of(double min, double max, double from, double to, int ticks) {
        return make(min, max, from, to, ticks, true);
    }

    /**
     * A scale over exactly {@code [min, max]} (ticks fall inside it): for plots whose two axes must keep
     * the same units per pixel.
     *
     * @param min domain start
     * @param max domain end
     * @param from pixel of {@code min}
     * @param to pixel of {@code max}
     * @param ticks about how many ticks
     * @return the scale
     */
    static Scale exact(double min, double max, double from, double to, int ticks) {
        return make(min, max, from, to, ticks, false);
    }

    private static Scale make(double min, double max, double from, double to, int ticks, boolean roundOut) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            min = Double.isFinite(max) ? max : Double.isFinite(min) ? min : 0;
            max = min;
        }
        if (max <= min) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        double step = nice((max - min) / Math.max(1, ticks));
        double lo = roundOut ? Math.floor(min / step) * step : min;
        double hi = roundOut ? Math.ceil(max / step) * step : max;
        if (hi <= lo) {
            hi = lo + step;
        }
        return new Scale(lo, hi, step, from, to);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double nice(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /**
     * @param v a value
     * @return its pixel
     */
    double map(double v) {
        return from + (v - lo) / (hi - lo) * (to - from);
    }

    /** @return the tick values from {@code lo} to {@code hi} */
    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (int i = 0; i <= 50; i++) {
            double t = first + i * step;
            if (t > hi + step * 1e-9) {
                break;
            }
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out;
    }

    /**
     * @param v a tick value
     * @return it as short text: as many decimals as the step needs, exponent form for very large or small values
     */
    String label(double v) {
        if (v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
    }
}

package dev.clusterlab.host.report;

import java.util.Locale;

/**
 * Cluster colours: the ten of Tableau 10 (distinguishable, and the same cluster keeps its colour across
 * plots), then hues spaced by the golden angle for more clusters; noise is always grey. Colours are
 * produced here, never taken from inputs, so they are safe in attributes.
 */
final class Palette {
    /** Colour of noise points and the noise bar. */
    static final String NOISE = "#b4b4b4";
    /** Colour of highlighted (best) bars. */
    static final String BEST = "#e15759";
    /** Colour of other bars. */
    static final String BAR = "#4e79a7";

    private static final String[] BASE = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#17becf"};

    private Palette() {
    }

    /**
     * @param label a cluster label, {@code -1} for noise
     * @return its colour as {@code #rrggbb} or {@code hsl(...)}
     */
    static String cluster(int label) {
        if (label < 0) {
            return NOISE;
        }
        if (label < BASE.length) {
            return BASE[label];
        }
        double hue = (label * 137.508) % 360;
        return String.format(Locale.ROOT, "hsl(%.0f,62%%,%d%%)", hue, 38 + (label % 3) * 9);
    }
}

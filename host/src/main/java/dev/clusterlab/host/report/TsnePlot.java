package dev.clusterlab.host.report;

import dev.clusterlab.api.Dataset;
import java.util.Locale;

/**
 * The best run's clusters in a t-SNE embedding (PyCaret's {@code plot_model(plot='tsne')}): the rows
 * of the scatter ({@link BestRunPlots#subsample}), noise included and coloured as there, embedded in
 * 2-D by {@link Tsne} and drawn by {@link SvgScatter} with the same scale on both axes. Above
 * {@value #MAX_POINTS} rows (fewer for wide data, so that the brute-force neighbour search stays
 * within {@value #MAX_WORK} coordinate differences) a uniform random sample seeded by the run's seed
 * is embedded, so the same inputs give the same picture.
 *
 * <p>The neighbour search is a brute-force scan in {@code double} over the sample rather than the
 * engine's {@code NeighborIndex}: the report is built from plain data ({@link Report}) without a
 * {@code Kernels} instance, the engine's index answers in {@code float}, and at this size the scan
 * costs milliseconds.
 */
final class TsnePlot {
    static final int MAX_POINTS = 2000;
    /** Most coordinate differences {@code m² d} the neighbour search may spend. */
    static final long MAX_WORK = 1_000_000_000L;

    private TsnePlot() {
    }

    /** @return the most points embedded with {@code d} columns */
    static int cap(int d) {
        return (int) Math.max(Tsne.MIN_POINTS, Math.min(MAX_POINTS, Math.sqrt((double) MAX_WORK / Math.max(1, d))));
    }

    /**
     * @param data the values clustered
     * @param labels the run's labels, one per row
     * @param seed the run's seed
     * @param who the run in words
     * @return the figure with its caption and legend, or a note when there are too few points
     */
    static String figure(Dataset data, int[] labels, long seed, String who) {
        int[] scatter = BestRunPlots.subsample(data.n(), BestRunPlots.MAX_POINTS);
        if (scatter.length < Tsne.MIN_POINTS) {
            return BestRunPlots.note("No t-SNE embedding of " + who + ": it needs at least " + Tsne.MIN_POINTS + " points, the scatter has "
                    + scatter.length + ".");
        }
        int cap = cap(data.d());
        int[] rows = scatter.length > cap ? SilhouetteValues.sample(scatter, cap, seed) : scatter;
        Tsne.Result t = Tsne.embed(data.data(), data.d(), rows, seed, Tsne.ITERATIONS, Tsne.THETA);
        int m = rows.length;
        double[] x = new double[m];
        double[] y = new double[m];
        int[] shown = new int[m];
        for (int i = 0; i < m; i++) {
            x[i] = t.y()[2 * i];
            y[i] = t.y()[2 * i + 1];
            shown[i] = labels[rows[i]];
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                return BestRunPlots.note("No t-SNE embedding of " + who + ": the optimisation did not stay finite.");
            }
        }
        String title = "t-SNE embedding of " + who;
        StringBuilder s = new StringBuilder(m * 40 + 6000);
        s.append("<figure style=\"max-width:").append(SvgScatter.WIDTH).append("px\">")
                .append(SvgScatter.render(x, y, shown, "t-SNE 1", "t-SNE 2", true, title, "tsne"));
        s.append("<figcaption>").append(Html.esc(title)).append(String.format(Locale.ROOT,
                ": Barnes-Hut t-SNE (van der Maaten and Hinton 2008; van der Maaten 2014) of %d points, noise included and coloured"
                        + " as in the scatter; perplexity %s over each point's %d nearest neighbours (Euclidean, in the values"
                        + " clustered), started from the first two principal components, early exaggeration 12 for %d of %d"
                        + " iterations, Barnes-Hut θ = %s; final KL divergence %.3f.",
                m, trim(t.perplexity()), t.neighbours(), Tsne.EXAGGERATED, t.iterations(), trim(Tsne.THETA), t.kl()));
        if (m < scatter.length) {
            s.append(" The points are a uniform random sample (seed ").append(seed).append(") of ").append(m).append(" of the ")
                    .append(scatter.length).append(" points of the scatter").append(scatter.length < data.n() ? " (" + data.n() + " in all)." : ".");
        } else if (m < data.n()) {
            s.append(" The points are the ").append(m).append(" of the scatter, evenly spaced among ").append(data.n()).append('.');
        }
        s.append(" t-SNE keeps neighbourhoods, not distances: the sizes of the groups and the distances between far-apart groups"
                + " are not meaningful.");
        s.append("</figcaption>").append(BestRunPlots.legend(labels)).append("</figure>");
        return s.toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}

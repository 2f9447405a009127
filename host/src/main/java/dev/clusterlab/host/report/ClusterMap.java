package dev.clusterlab.host.report;

import dev.clusterlab.api.Dataset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The inter-cluster distance map (PyCaret's {@code plot_model(plot='distance')}, Yellowbrick's
 * {@code InterclusterDistance}): the centre of each cluster, the mean of its rows in the values the
 * algorithm saw (noise left out), placed in 2-D by classical multidimensional scaling (Torgerson 1952:
 * double-centre the matrix of squared distances between centres, {@code B = -J D² J / 2}, and take
 * its two leading eigenvectors scaled by the square roots of their eigenvalues), so that distances on
 * the page are the distances between centres whenever the centres lie in a plane, and the best
 * two-dimensional approximation otherwise. Each centre is a circle whose area is proportional to the
 * cluster's size, labelled with the cluster number. The eigenvectors come from {@link Pca#jacobi}
 * (cyclic Jacobi rotations), for at most {@value #MAX_CLUSTERS} clusters: the largest ones when
 * there are more.
 */
final class ClusterMap {
    static final int MAX_CLUSTERS = 64;
    /** Radius in pixels of the largest cluster's circle. */
    static final double MAX_RADIUS = 34;
    static final int WIDTH = SvgScatter.WIDTH;
    static final int HEIGHT = SvgScatter.HEIGHT;
    private static final int LEFT = 62;
    private static final int RIGHT = 14;
    private static final int TOP = 12;
    private static final int BOTTOM = 46;

    private ClusterMap() {
    }

    /**
     * @param clusters the cluster labels, ascending
     * @param sizes points per cluster
     * @param centres the mean row of each cluster
     */
    record Centres(int[] clusters, long[] sizes, double[][] centres) {
    }

    /**
     * @param coordinates {@code [cluster][2]} positions
     * @param kept share of the spread the two axes keep: the two leading eigenvalues over the sum of the positive ones
     */
    record Map2d(double[][] coordinates, double kept) {
    }

    /**
     * @param data row-major values with {@code d} columns
     * @param d columns
     * @param labels one per row, {@code -1} noise (left out)
     * @param max most clusters to keep: the largest (ties by label)
     * @return the centres of the kept non-empty clusters in label order, sums in {@code double}
     */
    static Centres centres(float[] data, int d, int[] labels, int max) {
        int k = 0;
        for (int l : labels) {
            k = Math.max(k, l + 1);
        }
        long[] size = new long[k];
        for (int l : labels) {
            if (l >= 0) {
                size[l]++;
            }
        }
        int[] clusters = IntStream.range(0, k).filter(c -> size[c] > 0).boxed()
                .sorted(Comparator.comparingLong((Integer c) -> -size[c]).thenComparingInt(c -> c)).limit(max)
                .mapToInt(Integer::intValue).sorted().toArray();
        int[] index = new int[k];
        Arrays.fill(index, -1);
        for (int c = 0; c < clusters.length; c++) {
            index[clusters[c]] = c;
        }
        long[] sizes = new long[clusters.length];
        double[][] centres = new double[clusters.length][d];
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i] < 0 ? -1 : index[labels[i]];
            if (c >= 0) {
                sizes[c]++;
                for (int j = 0; j < d; j++) {
                    centres[c][j] += data[i * d + j];
                }
            }
        }
        for (int c = 0; c < clusters.length; c++) {
            for (int j = 0; j < d; j++) {
                centres[c][j] /= sizes[c];
            }
        }
        return new Centres(clusters, sizes, centres);
    }

    /** @return how many clusters (labels with at least one point) there are */
    private static int clusterCount(int[] labels) {
        return (int) Arrays.stream(labels).filter(l -> l >= 0).distinct().count();
    }

    /**
     * Classical (Torgerson) multidimensional scaling to two dimensions.
     *
     * @param centres points of equal length, at most {@value #MAX_CLUSTERS}
     * @return their positions in 2-D
     */
    static Map2d mds(double[][] centres) {
        int k = centres.length;
        double[][] b = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double s = 0;
                for (int c = 0; c < centres[i].length; c++) {
                    double diff = centres[i][c] - centres[j][c];
                    s += diff * diff;
                }
                b[i][j] = s;
                b[j][i] = s;
            }
        }
        double[] rowMean = new double[k];
        double grand = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rowMean[i] += b[i][j];
            }
            grand += rowMean[i];
            rowMean[i] /= k;
        }
        grand /= (double) k * k;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                b[i][j] = -0.5 * (b[i][j] - rowMean[i] - rowMean[j] + grand);
            }
        }
        double[][] vectors = new double[k][];
        double[] values = new double[k];
        Pca.jacobi(b, vectors, values);
        double positive = Arrays.stream(values).sum(); // jacobi clamps negative eigenvalues to 0
        double[][] out = new double[k][2];
        for (int c = 0; c < Math.min(2, k); c++) {
            double[] v = vectors[c];
            int big = 0;
            for (int i = 1; i < k; i++) {
                if (Math.abs(v[i]) > Math.abs(v[big])) {
                    big = i;
                }
            }
            double sign = v[big] < 0 ? -1 : 1; // deterministic orientation: largest entry positive
            double scale = Math.sqrt(values[c]) * sign;
            for (int i = 0; i < k; i++) {
                out[i][c] = v[i] * scale;
            }
        }
        double kept = positive > 0 ? (values[0] + (k > 1 ? values[1] : 0)) / positive : 1;
        return new Map2d(out, kept);
    }

    /**
     * @param sizes points per cluster
     * @param max radius of the largest
     * @return radii with area proportional to size: {@code max * sqrt(size / largest)}
     */
    static double[] radii(long[] sizes, double max) {
        long largest = Arrays.stream(sizes).max().orElse(1);
        return Arrays.stream(sizes).mapToDouble(n -> max * Math.sqrt((double) n / largest)).toArray();
    }

    /**
     * @param data the values clustered
     * @param labels the run's labels
     * @param who the run in words
     * @return the figure with its caption, or a note when there are fewer than two clusters
     */
    static String figure(Dataset data, int[] labels, String who) {
        int total = clusterCount(labels);
        if (total < 2) {
            return BestRunPlots.note("No inter-cluster distance map for " + who + ": it needs at least two clusters.");
        }
        Centres shown = centres(data.data(), data.d(), labels, MAX_CLUSTERS);
        Map2d map = mds(shown.centres());
        String title = "Inter-cluster distance map of " + who;
        StringBuilder s = new StringBuilder();
        s.append("<figure style=\"max-width:").append(WIDTH).append("px\">").append(render(shown, map, title));
        s.append("<figcaption>").append(Html.esc(title)).append(String.format(Locale.ROOT,
                ": the centre of each cluster (the mean of its points in the values clustered, noise left out) placed by classical"
                        + " multidimensional scaling (Torgerson) of the Euclidean distances between centres, same scale on both axes,"
                        + " so distances on the page approximate distances between centres (the two axes keep %.1f%% of their"
                        + " spread, exact when the centres lie in a plane). Circle area is proportional to the number of points"
                        + " in the cluster.", 100 * map.kept()));
        if (shown.clusters().length < total) {
            s.append(" The ").append(shown.clusters().length).append(" largest of ").append(total)
                    .append(" clusters are placed.");
        }
        return s.append("</figcaption></figure>").toString();
    }

    /**
     * @param c the clusters
     * @param map their positions
     * @param title accessible title
     * @return the SVG element
     */
    static String render(Centres c, Map2d map, String title) {
        int k = c.clusters().length;
        double[] r = radii(c.sizes(), MAX_RADIUS);
        double[][] p = map.coordinates();
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (double[] q : p) {
            xlo = Math.min(xlo, q[0]);
            xhi = Math.max(xhi, q[0]);
            ylo = Math.min(ylo, q[1]);
            yhi = Math.max(yhi, q[1]);
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double margin = MAX_RADIUS + 4; // pixels kept free around the centres, so every circle fits
        double unit = Math.max((xhi - xlo) / (plotW - 2 * margin), (yhi - ylo) / (plotH - 2 * margin));
        if (!(unit > 0)) {
            unit = Math.max(1e-12, Math.max(Math.abs(xhi), Math.abs(yhi))) / 100;
        }
        double cx = (xlo + xhi) / 2;
        double cy = (ylo + yhi) / 2;
        Scale sx = Scale.exact(cx - unit * plotW / 2, cx + unit * plotW / 2, LEFT, WIDTH - RIGHT, 6);
        Scale sy = Scale.exact(cy - unit * plotH / 2, cy + unit * plotH / 2, HEIGHT - BOTTOM, TOP, 6);
        StringBuilder s = new StringBuilder(4096 + k * 300);
        Svg.open(s, "distmap", WIDTH, HEIGHT, title);
        Svg.xAxis(s, sx, HEIGHT - BOTTOM, TOP, "MDS 1 (distance between centres)");
        Svg.yAxis(s, sy, LEFT, WIDTH - RIGHT, "MDS 2");
        // largest first, so that small clusters stay visible on top
        Integer[] order = IntStream.range(0, k).boxed().sorted(Comparator.comparingDouble((Integer i) -> -r[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        for (int i : order) {
            int label = c.clusters()[i];
            String colour = Palette.cluster(label);
            double x = sx.map(p[i][0]);
            double y = sy.map(p[i][1]);
            s.append("<g class=\"centre\"><title>cluster ").append(label).append(": ").append(c.sizes()[i]).append(c.sizes()[i] == 1 ? " point</title>" : " points</title>")
                    .append("<circle cx=\"").append(Html.px(x)).append("\" cy=\"").append(Html.px(y)).append("\" r=\"")
                    .append(String.format(Locale.ROOT, "%.2f", r[i])).append("\" fill=\"").append(colour)
                    .append("\" fill-opacity=\"0.45\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"/>");
            boolean inside = r[i] >= 9;
            s.append("<text x=\"").append(Html.px(inside ? x : x + r[i] + 3)).append("\" y=\"").append(Html.px(y + 4))
                    .append(inside ? "\" text-anchor=\"middle\">" : "\">").append(label).append("</text></g>\n");
        }
        s.append("</svg>");
        return s.toString();
    }
}

package dev.clusterlab.host.report;

/**
 * The quadtree of Barnes-Hut t-SNE (van der Maaten 2014, JMLR 15, section 4.2), over a 2-D embedding,
 * in flat arrays. Each node is a square cell holding the number of points in it and their centre of
 * mass. Cells are split into their four quadrants (empty quadrants are not stored) until a cell holds
 * at most {@value #LEAF} points, its points coincide, or it is {@value #MAX_DEPTH} levels deep; a
 * leaf's points are a range of {@link #perm}. Nodes are stored in depth-first preorder with a pointer
 * past each subtree, so a walk is a loop without a stack. The build partitions the point indices in
 * place (a counting sort per level), so it is O(m log m) and deterministic.
 *
 * <p>{@link #repulsion} walks the tree for one point: a cell whose side {@code w} and distance {@code D}
 * to the point's position satisfy {@code w / D < theta} (compared squared, {@code w² < θ² D²}) stands for
 * all its points at its centre of mass; otherwise its children are visited, and a leaf that is not
 * summarised is summed point by point (the point itself skipped). With {@code theta = 0} no cell is
 * ever summarised, so the sums are the exact ones.
 */
final class QuadTree {
    /** Most points in a leaf; the leaves are summed point by point, so this trades tree depth for direct sums. */
    static final int LEAF = 16;
    static final int MAX_DEPTH = 50;

    private final double[] y;
    private final int[] perm;
    private final int[] tmp;
    private double[] comX = new double[64];
    private double[] comY = new double[64];
    private double[] side2 = new double[64];
    private int[] count = new int[64];
    private int[] first = new int[64];
    /** The node after this one's subtree: nodes are stored in depth-first preorder, children right after their parent. */
    private int[] next = new int[64];
    private boolean[] leaf = new boolean[64];
    private int nodes;
    private double[] px;
    private double[] py;

    /**
     * @param y interleaved positions {@code x0, y0, x1, y1, ...}
     * @param m points
     */
    QuadTree(double[] y, int m) {
        this.y = y;
        this.perm = new int[m];
        this.tmp = new int[m];
        for (int i = 0; i < m; i++) {
            perm[i] = i;
        }
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            xlo = Math.min(xlo, y[2 * i]);
            xhi = Math.max(xhi, y[2 * i]);
            ylo = Math.min(ylo, y[2 * i + 1]);
            yhi = Math.max(yhi, y[2 * i + 1]);
        }
        double half = Math.max(xhi - xlo, yhi - ylo) / 2;
        if (m > 0) {
            build(alloc(), 0, m, (xlo + xhi) / 2, (ylo + yhi) / 2, half, 0);
        }
        px = new double[m];
        py = new double[m];
        for (int p = 0; p < m; p++) {
            px[p] = y[2 * perm[p]];
            py[p] = y[2 * perm[p] + 1];
        }
    }

    /** @return the points in tree order (leaf by leaf), a cache-friendly order to query them in */
    int[] order() {
        return perm;
    }

    /** @return how many nodes the tree has */
    int nodes() {
        return nodes;
    }

    private int alloc() {
        if (nodes == count.length) {
            int len = nodes * 2;
            comX = java.util.Arrays.copyOf(comX, len);
            comY = java.util.Arrays.copyOf(comY, len);
            side2 = java.util.Arrays.copyOf(side2, len);
            count = java.util.Arrays.copyOf(count, len);
            first = java.util.Arrays.copyOf(first, len);
            next = java.util.Arrays.copyOf(next, len);
            leaf = java.util.Arrays.copyOf(leaf, len);
        }
        return nodes++;
    }

    private void build(int node, int lo, int hi, double cx, double cy, double half, int depth) {
        double sx = 0;
        double sy = 0;
        for (int p = lo; p < hi; p++) {
            sx += y[2 * perm[p]];
            sy += y[2 * perm[p] + 1];
        }
        int n = hi - lo;
        comX[node] = sx / n;
        comY[node] = sy / n;
        side2[node] = 4 * half * half;
        count[node] = n;
        first[node] = lo;
        leaf[node] = true;
        next[node] = node + 1;
        if (n <= LEAF || depth >= MAX_DEPTH || !(half > 0)) {
            return;
        }
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        for (int p = lo; p < hi; p++) {
            switch (quadrant(perm[p], cx, cy)) {
                case 0 -> s0++;
                case 1 -> s1++;
                case 2 -> s2++;
                default -> { }
            }
        }
        int s3 = n - s0 - s1 - s2;
        if (s0 == n || s1 == n || s2 == n || s3 == n) {
            // all in one quadrant: stop if they cannot be told apart
            boolean coincide = true;
            for (int p = lo + 1; p < hi && coincide; p++) {
                coincide = y[2 * perm[p]] == y[2 * perm[lo]] && y[2 * perm[p] + 1] == y[2 * perm[lo] + 1];
            }
            if (coincide) {
                return;
            }
        }
        int a0 = lo;
        int a1 = a0 + s0;
        int a2 = a1 + s1;
        int a3 = a2 + s2;
        int w0 = a0;
        int w1 = a1;
        int w2 = a2;
        int w3 = a3;
        for (int p = lo; p < hi; p++) {
            int i = perm[p];
            switch (quadrant(i, cx, cy)) {
                case 0 -> tmp[w0++] = i;
                case 1 -> tmp[w1++] = i;
                case 2 -> tmp[w2++] = i;
                default -> tmp[w3++] = i;
            }
        }
        System.arraycopy(tmp, lo, perm, lo, n);
        double h = half / 2;
        if (s0 > 0) {
            build(alloc(), a0, a0 + s0, cx - h, cy - h, h, depth + 1);
        }
        if (s1 > 0) {
            build(alloc(), a1, a1 + s1, cx + h, cy - h, h, depth + 1);
        }
        if (s2 > 0) {
            build(alloc(), a2, a2 + s2, cx - h, cy + h, h, depth + 1);
        }
        if (s3 > 0) {
            build(alloc(), a3, a3 + s3, cx + h, cy + h, h, depth + 1);
        }
        leaf[node] = false;
        next[node] = nodes;
    }

    private int quadrant(int i, double cx, double cy) {
        return (y[2 * i] >= cx ? 1 : 0) + (y[2 * i + 1] >= cy ? 2 : 0);
    }

    /**
     * The repulsive sums of point {@code i} (not normalised): {@code sum_j w_ij} and
     * {@code sum_j w_ij² (y_i - y_j)} over {@code j != i}, with {@code w_ij = 1 / (1 + |y_i - y_j|²)},
     * cells far enough away standing for their points.
     *
     * @param i the point
     * @param theta the Barnes-Hut accuracy ({@code 0}: exact)
     * @param force receives the force at {@code force[0], force[1]}
     * @return {@code sum_j w_ij}
     */
    double repulsion(int i, double theta, double[] force) {
        double xi = y[2 * i];
        double yi = y[2 * i + 1];
        double theta2 = theta * theta;
        double sumQ = 0;
        double fx = 0;
        double fy = 0;
        int n = 0;
        while (n < nodes) {
            double dx = xi - comX[n];
            double dy = yi - comY[n];
            double d2 = dx * dx + dy * dy;
            if (side2[n] < theta2 * d2) {
                double q = 1 / (1 + d2);
                double cq = count[n] * q;
                sumQ += cq;
                cq *= q;
                fx += cq * dx;
                fy += cq * dy;
                n = next[n];
            } else if (leaf[n]) {
                for (int p = first[n], end = first[n] + count[n]; p < end; p++) {
                    if (perm[p] != i) {
                        double ex = xi - px[p];
                        double ey = yi - py[p];
                        double q = 1 / (1 + ex * ex + ey * ey);
                        sumQ += q;
                        double q2 = q * q;
                        fx += q2 * ex;
                        fy += q2 * ey;
                    }
                }
                n = next[n];
            } else {
                n++; // first child
            }
        }
        force[0] = fx;
        force[1] = fy;
        return sumQ;
    }
}

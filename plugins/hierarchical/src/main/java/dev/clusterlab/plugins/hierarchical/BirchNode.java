package dev.clusterlab.plugins.hierarchical;

/**
 * A node of the CF-tree: at most {@code B} (the branching factor) subclusters, with their centroids and
 * squared norms packed row by row for the nearest-subcluster scan of every insertion. A leaf's
 * subclusters are the ones BIRCH reports; an inner node's subclusters each summarise a child node.
 * Leaves are chained in the order scikit-learn reads them ({@code subcluster_centers_}): when a leaf
 * splits, its two halves take its place in the chain, first half first.
 *
 * <p>Insertion and splitting follow the paper (section 4.3) with scikit-learn's exact rules:
 * <ul>
 *   <li>a point descends to the subcluster whose centroid {@code c} minimises {@code |c|^2 - 2 x.c}
 *       (the first on ties);</li>
 *   <li>at a leaf it is absorbed by that subcluster if the merged radius stays at or below the threshold,
 *       else it becomes a new subcluster; a node then holding {@code B + 1} subclusters is split;</li>
 *   <li>a split takes the farthest pair of centroids (squared distances {@code |a|^2 - 2 a.b + |b|^2}
 *       clamped at zero, the first pair in row-major order on ties) as seeds, and sends each subcluster
 *       to the node of the seed nearer to it (to the first seed on ties);</li>
 *   <li>the parent's subcluster is replaced by the first half's summary in place and the second half's
 *       is appended; a parent left with {@code B + 1} subclusters splits in turn, and a split root
 *       gets a new root above it.</li>
 * </ul>
 * The split's distances reproduce numpy's rounding (see {@link #squaredDistance}), because there the
 * last bit decides the order of the subclusters. Elsewhere (the nearest-subcluster scan, the merge
 * test) sums run left to right in double; numpy's BLAS may round the last bit otherwise, which can
 * matter only for a point equidistant from two subclusters or exactly at the threshold.
 */
final class BirchNode {
    final boolean leaf;
    final int d;
    /** Capacity {@code B + 1}: a node overflows by one before its parent splits it. */
    final BirchSubcluster[] subclusters;
    final double[] centroids;
    final double[] squaredNorms;
    int size;
    BirchNode previousLeaf;
    BirchNode nextLeaf;

    BirchNode(boolean leaf, int d, int branchingFactor) {
        this.leaf = leaf;
        this.d = d;
        subclusters = new BirchSubcluster[branchingFactor + 1];
        centroids = new double[(branchingFactor + 1) * d];
        squaredNorms = new double[branchingFactor + 1];
    }

    int branchingFactor() {
        return subclusters.length - 1;
    }

    void append(BirchSubcluster s) {
        subclusters[size] = s;
        refresh(size);
        size++;
    }

    /** Copies subcluster {@code i}'s centroid and squared norm into the packed rows. */
    private void refresh(int i) {
        System.arraycopy(subclusters[i].centroid, 0, centroids, i * d, d);
        squaredNorms[i] = subclusters[i].squaredNorm;
    }

    /** @return the index of the subcluster nearest to {@code x}: the smallest {@code |c|^2 - 2 x.c}, first on ties */
    private int nearest(double[] x) {
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            double dot = 0;
            int o = i * d;
            for (int j = 0; j < d; j++) {
                dot += centroids[o + j] * x[j];
            }
            double v = -2.0 * dot + squaredNorms[i];
            if (v < bestValue || i == 0) {
                bestValue = v;
                best = i;
            }
        }
        return best;
    }

    /**
     * Inserts a single point's subcluster below this node.
     *
     * @param point the point's feature
     * @param thresholdSquared the squared threshold
     * @return whether this node now holds {@code B + 1} subclusters and must be split by its parent
     */
    boolean insert(BirchSubcluster point, double thresholdSquared) {
        if (size == 0) {
            append(point);
            return false;
        }
        int i = nearest(point.centroid);
        BirchSubcluster closest = subclusters[i];
        if (closest.child != null) {
            if (!closest.child.insert(point, thresholdSquared)) {
                closest.add(point);
                refresh(i);
                return false;
            }
            BirchSubcluster[] halves = closest.child.split();
            subclusters[i] = halves[0];
            refresh(i);
            append(halves[1]);
            return size > branchingFactor();
        }
        if (closest.absorbWithin(point, thresholdSquared)) {
            refresh(i);
            return false;
        }
        append(point);
        return size > branchingFactor();
    }

    /**
     * Splits this (overfull) node into two new nodes and returns the two subclusters that summarise
     * them, in the order they take in the parent. The node itself is dropped; a leaf's place in the
     * leaf chain goes to the two halves. Distances are computed pair by pair, not kept in a matrix.
     */
    BirchSubcluster[] split() {
        int b = branchingFactor();
        BirchNode first = new BirchNode(leaf, d, b);
        BirchNode second = new BirchNode(leaf, d, b);
        if (leaf) {
            if (previousLeaf != null) {
                previousLeaf.nextLeaf = first;
            }
            first.previousLeaf = previousLeaf;
            first.nextLeaf = second;
            second.previousLeaf = first;
            second.nextLeaf = nextLeaf;
            if (nextLeaf != null) {
                nextLeaf.previousLeaf = second;
            }
        }
        double[] norms = new double[size];
        for (int i = 0; i < size; i++) {
            norms[i] = rowNorm(i);
        }
        int seedA = 0;
        int seedB = 0;
        double farthest = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double v = squaredDistance(r, c, norms);
                if (v > farthest) {
                    farthest = v;
                    seedA = r;
                    seedB = c;
                }
            }
        }
        BirchSubcluster a = BirchSubcluster.empty(d);
        BirchSubcluster bSummary = BirchSubcluster.empty(d);
        a.child = first;
        bSummary.child = second;
        for (int i = 0; i < size; i++) {
            boolean toFirst = i == seedA || squaredDistance(seedA, i, norms) < squaredDistance(seedB, i, norms);
            BirchSubcluster s = subclusters[i];
            if (toFirst) {
                first.append(s);
                a.add(s);
            } else {
                second.append(s);
                bSummary.add(s);
            }
        }
        return new BirchSubcluster[] {a, bSummary};
    }

    /**
     * Entry {@code (r, c)} of scikit-learn's {@code euclidean_distances(centroids, squared=True)}:
     * {@code max(0, (-2 c_r.c_c + |c_r|^2) + |c_c|^2)}, 0 on the diagonal. The two orders of a pair
     * differ in the last bit as often as not, and which is larger decides which seed comes first (the
     * half that stays in place, and the order of the leaves), so the arithmetic is numpy's bit for bit
     * (numpy 1.24 with OpenBLAS, as the reference files were made): the products {@code c_r.c_c} as
     * BLAS {@code dsyrk} forms them (one fused multiply-add per dimension, in order) and the norms as
     * {@link #rowNorm}.
     */
    private double squaredDistance(int r, int c, double[] norms) {
        if (r == c) {
            return 0;
        }
        double v = -2.0 * fusedDot(r, c) + norms[r] + norms[c];
        return Math.max(v, 0);
    }

    private double fusedDot(int r, int c) {
        double s = 0;
        int or = r * d;
        int oc = c * d;
        for (int j = 0; j < d; j++) {
            s = Math.fma(centroids[or + j], centroids[oc + j], s);
        }
        return s;
    }

    /**
     * The squared norm of row {@code r} summed as scikit-learn's {@code row_norms} (numpy's
     * {@code einsum}) sums it: two lanes of even and odd dimensions, each block of eight dimensions
     * added from its last pair to its first, the lanes added at the end.
     */
    private double rowNorm(int r) {
        int o = r * d;
        double even = 0;
        double odd = 0;
        int k = 0;
        for (; d - k >= 8; k += 8) {
            for (int pair = 3; pair >= 0; pair--) {
                double a = centroids[o + k + 2 * pair];
                double b = centroids[o + k + 2 * pair + 1];
                even += a * a;
                odd += b * b;
            }
        }
        for (; k < d; k += 2) {
            double a = centroids[o + k];
            even += a * a;
            if (k + 1 < d) {
                double b = centroids[o + k + 1];
                odd += b * b;
            }
        }
        return even + odd;
    }
}

package dev.clusterlab.plugins.hierarchical;

/**
 * A clustering feature of the BIRCH paper (Zhang, Ramakrishnan and Livny 1996, definition 4.1): the
 * triple {@code (N, LS, SS)} of a set of points, its size, its linear sum and the sum of its squared
 * norms, enough to merge two sets and to measure the radius of the result without the points. The
 * centroid {@code LS / N} and its squared norm are kept alongside, as scikit-learn keeps them, because
 * every insertion compares against them. A subcluster of an inner node also holds the child node whose
 * subclusters it summarises. All in double.
 *
 * <p>The arithmetic is scikit-learn's, operation for operation, so that the same threshold decisions
 * are taken on the same data: the merge test forms the centroid as {@code (1 / N) * LS} and the squared
 * radius as {@code SS / N - |c|^2}, while {@link #add} forms the centroid as {@code LS / N}.
 */
final class BirchSubcluster {
    long n;
    final double[] linearSum;
    double squaredSum;
    double[] centroid;
    double squaredNorm;
    BirchNode child;

    private BirchSubcluster(long n, double[] linearSum, double squaredSum, double[] centroid, double squaredNorm) {
        this.n = n;
        this.linearSum = linearSum;
        this.squaredSum = squaredSum;
        this.centroid = centroid;
        this.squaredNorm = squaredNorm;
    }

    /** @return the feature of no point, to be filled by {@link #add} (a parent made by a node split) */
    static BirchSubcluster empty(int d) {
        return new BirchSubcluster(0, new double[d], 0, new double[d], 0);
    }

    /** @return the feature of the single point at {@code x[offset .. offset + d)} */
    static BirchSubcluster ofPoint(float[] x, int offset, int d) {
        double[] ls = new double[d];
        for (int j = 0; j < d; j++) {
            ls[j] = x[offset + j];
        }
        double ss = dot(ls, ls);
        return new BirchSubcluster(1, ls, ss, ls.clone(), ss);
    }

    /**
     * Absorbs {@code other} if the merged subcluster's squared radius, the mean squared distance of its
     * points to its centroid, is at most {@code thresholdSquared}; otherwise changes nothing.
     *
     * @return whether it merged
     */
    boolean absorbWithin(BirchSubcluster other, double thresholdSquared) {
        int d = linearSum.length;
        double ss = squaredSum + other.squaredSum;
        long size = n + other.n;
        double[] ls = new double[d];
        double[] c = new double[d];
        double inverse = 1.0 / size;
        for (int j = 0; j < d; j++) {
            ls[j] = linearSum[j] + other.linearSum[j];
            c[j] = inverse * ls[j];
        }
        double norm = dot(c, c);
        double squaredRadius = ss / size - norm;
        if (!(squaredRadius <= thresholdSquared)) {
            return false;
        }
        n = size;
        System.arraycopy(ls, 0, linearSum, 0, d);
        squaredSum = ss;
        centroid = c;
        squaredNorm = norm;
        return true;
    }

    /** Adds {@code other}'s points (the additivity theorem: the features add), whatever the radius. */
    void add(BirchSubcluster other) {
        int d = linearSum.length;
        n += other.n;
        squaredSum += other.squaredSum;
        double[] c = new double[d];
        for (int j = 0; j < d; j++) {
            linearSum[j] += other.linearSum[j];
            c[j] = linearSum[j] / n;
        }
        centroid = c;
        squaredNorm = dot(c, c);
    }

    /** @return a copy sharing nothing, its child (if any) set by the caller */
    BirchSubcluster copyWithoutChild() {
        return new BirchSubcluster(n, linearSum.clone(), squaredSum, centroid.clone(), squaredNorm);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}

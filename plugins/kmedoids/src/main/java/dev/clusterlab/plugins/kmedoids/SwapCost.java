package dev.clusterlab.plugins.kmedoids;

/**
 * The change of the total deviation when a non-medoid becomes a medoid in place of each current medoid,
 * for all {@code k} medoids at once in one pass over the points (Schubert and Rousseeuw 2021,
 * FastPAM1's and FasterPAM's swap evaluation): starting from the removal loss of each medoid, a point
 * nearer to the candidate than to its nearest medoid moves to it whichever medoid leaves (a shared
 * gain, and its nearest medoid's removal no longer costs it anything); a point between its nearest and
 * second nearest would go to the candidate instead of its second when its nearest leaves. The best
 * medoid to replace is the smallest total, the lowest slot on ties.
 *
 * <p>A pure function of the state: candidates may be evaluated on several threads at once.
 *
 * @since 0.2
 */
final class SwapCost {
    /** The best swap for one candidate: the slot to replace and the change of the total deviation. */
    record Best(int slot, double delta) {
    }

    private SwapCost() {
    }

    /**
     * @param state the medoids and caches
     * @param removal the removal loss of each slot ({@link MedoidState#removalLoss}); unused for {@code k = 1}
     * @param c a non-medoid row
     * @param scratch room for {@code k} doubles
     * @return the best slot to give to {@code c} and the change of the total deviation
     */
    static Best evaluate(MedoidState state, double[] removal, int c, double[] scratch) {
        int n = state.n;
        int k = state.k;
        float[] m = state.d.d;
        int row = c * n;
        float[] dn = state.dn;
        if (k == 1) {
            // No second medoid: the candidate takes every point.
            double delta = 0;
            for (int o = 0; o < n; o++) {
                delta += (double) m[row + o] - dn[o];
            }
            return new Best(0, delta);
        }
        float[] ds = state.ds;
        int[] nearest = state.nearest;
        System.arraycopy(removal, 0, scratch, 0, k);
        double shared = 0;
        for (int o = 0; o < n; o++) {
            float v = m[row + o];
            float second = ds[o];
            if (v < second) {
                float first = dn[o];
                if (v < first) {
                    shared += (double) v - first;
                    scratch[nearest[o]] += (double) first - second;
                } else {
                    scratch[nearest[o]] += (double) v - second;
                }
            }
        }
        int best = 0;
        for (int s = 1; s < k; s++) {
            if (scratch[s] < scratch[best]) {
                best = s;
            }
        }
        return new Best(best, scratch[best] + shared);
    }

    /**
     * The smallest change that counts as an improvement: the total deviation is a double sum of up to
     * {@code n} float terms, so changes within a few of its rounding errors are noise and, taken as
     * improvements, could let rounding cycle between equivalent medoid sets.
     *
     * @param loss the current total deviation
     * @param n points
     * @return a positive tolerance; a swap improves when its delta is below minus it
     */
    static double tolerance(double loss, int n) {
        return Math.max(1e-12 * Math.abs(loss), 4.0 * n * Math.ulp(loss));
    }
}

package dev.clusterlab.plugins.kmedoids;

import dev.clusterlab.api.exec.ExecutionContext;
import java.util.Arrays;

/**
 * The current medoids and, for every point, its nearest and second-nearest medoid with their
 * dissimilarities: the caches of FasterPAM (Schubert and Rousseeuw 2021, section 4) that make the cost
 * of a swap computable in one pass over the points. Medoids are kept in slots {@code 0..k-1}; the slot
 * is the cluster label. Nearest means the smallest dissimilarity, the lowest slot on ties.
 *
 * <p>With {@code k = 1} there is no second medoid: its slot is {@code -1} and its dissimilarity
 * {@code +inf}.
 *
 * @since 0.2
 */
final class MedoidState {
    /** Below this many points the per-point updates run on the calling thread: a fork costs more. */
    static final int PARALLEL_MIN = 4096;
    /** Points per parallel chunk of the per-point updates. */
    static final int CHUNK = 2048;

    final Dissimilarities d;
    final int n;
    final int k;
    /** Slot to row. */
    final int[] medoids;
    /** Row to slot, or -1 for a non-medoid. */
    final int[] slotOf;
    final int[] nearest;
    final float[] dn;
    final int[] second;
    final float[] ds;

    /**
     * @param d the dissimilarities
     * @param medoids {@code k} distinct rows (taken over)
     * @param context threads
     */
    MedoidState(Dissimilarities d, int[] medoids, ExecutionContext context) {
        this.d = d;
        this.n = d.n;
        this.k = medoids.length;
        this.medoids = medoids;
        slotOf = new int[n];
        Arrays.fill(slotOf, -1);
        for (int s = 0; s < k; s++) {
            slotOf[medoids[s]] = s;
        }
        nearest = new int[n];
        dn = new float[n];
        second = new int[n];
        ds = new float[n];
        forPoints(context, this::assign);
    }

    /** Runs {@code body} over fixed chunks of the points, in parallel when there are many; per-point work only. */
    void forPoints(ExecutionContext context, RangeBody body) {
        if (n < PARALLEL_MIN || context.parallel().threads() == 1) {
            body.run(0, n);
        } else {
            context.parallel().forEachChunk(n, CHUNK, (chunk, from, to) -> body.run(from, to));
        }
    }

    /** A body over points {@code [from, to)}. */
    @FunctionalInterface
    interface RangeBody {
        void run(int from, int to);
    }

    /** Nearest and second nearest of points {@code [from, to)}, from scratch. */
    private void assign(int from, int to) {
        for (int o = from; o < to; o++) {
            scan(o, -1);
        }
    }

    /**
     * Nearest and second nearest of point {@code o} by a scan of the medoids in slot order (strict
     * {@code <}, so the lowest slot wins ties).
     *
     * @param o the point
     * @param keepNearest if {@code >= 0}, the nearest is known to be this slot and only the second is looked for
     */
    private void scan(int o, int keepNearest) {
        int bestSlot = -1;
        float best = Float.POSITIVE_INFINITY;
        int secondSlot = -1;
        float secondBest = Float.POSITIVE_INFINITY;
        float[] m = d.d;
        int base = o * n;
        if (keepNearest >= 0) {
            bestSlot = keepNearest;
            best = m[base + medoids[keepNearest]];
            for (int s = 0; s < k; s++) {
                if (s != keepNearest) {
                    float v = m[base + medoids[s]];
                    if (v < secondBest || secondSlot < 0) {
                        secondBest = v;
                        secondSlot = s;
                    }
                }
            }
        } else {
            for (int s = 0; s < k; s++) {
                float v = m[base + medoids[s]];
                if (v < best || bestSlot < 0) {
                    secondBest = best;
                    secondSlot = bestSlot;
                    best = v;
                    bestSlot = s;
                } else if (v < secondBest || secondSlot < 0) {
                    secondBest = v;
                    secondSlot = s;
                }
            }
        }
        nearest[o] = bestSlot;
        dn[o] = best;
        second[o] = secondSlot;
        ds[o] = secondSlot < 0 ? Float.POSITIVE_INFINITY : secondBest;
    }

    /**
     * Makes row {@code c} the medoid of slot {@code slot} (replacing the one there) and brings every
     * point's caches up to date: a point whose nearest or second medoid was removed, and that the new one
     * does not replace directly, is scanned again ({@code O(k)}); every other point is updated in
     * {@code O(1)}. Ties between the new medoid and an old one go to the lower slot, as in a full scan.
     *
     * @param slot the slot to replace
     * @param c a non-medoid row
     * @param context threads
     */
    void swap(int slot, int c, ExecutionContext context) {
        slotOf[medoids[slot]] = -1;
        medoids[slot] = c;
        slotOf[c] = slot;
        float[] m = d.d;
        int row = c * n;
        forPoints(context, (from, to) -> {
            for (int o = from; o < to; o++) {
                float v = m[row + o];
                int nn = nearest[o];
                if (nn == slot || second[o] == slot) {
                    // One of the two cached medoids left: a scan settles ties exactly as from scratch.
                    scan(o, -1);
                } else if (v < dn[o] || (v == dn[o] && slot < nn)) {
                    second[o] = nn;
                    ds[o] = dn[o];
                    nearest[o] = slot;
                    dn[o] = v;
                } else if (v < ds[o] || (v == ds[o] && slot < second[o])) {
                    second[o] = slot;
                    ds[o] = v;
                }
            }
        });
    }

    /**
     * Replaces every medoid at once and recomputes all caches from scratch.
     *
     * @param next {@code k} distinct rows, slot by slot
     * @param context threads
     */
    void replaceAll(int[] next, ExecutionContext context) {
        for (int s = 0; s < k; s++) {
            slotOf[medoids[s]] = -1;
        }
        System.arraycopy(next, 0, medoids, 0, k);
        for (int s = 0; s < k; s++) {
            slotOf[medoids[s]] = s;
        }
        forPoints(context, this::assign);
    }

    /** @return the total deviation, the sum of the nearest dissimilarities in row order, in double */
    double loss() {
        double sum = 0;
        for (int o = 0; o < n; o++) {
            sum += dn[o];
        }
        return sum;
    }

    /**
     * FasterPAM's removal loss: for each slot, how much the total deviation grows when its medoid is
     * removed and its points go to their second nearest, {@code sum over nearest(o) = i of ds(o) - dn(o)}.
     * Summed in row order. Not defined for {@code k = 1}.
     *
     * @param out receives {@code k} values
     */
    void removalLoss(double[] out) {
        Arrays.fill(out, 0, k, 0.0);
        for (int o = 0; o < n; o++) {
            out[nearest[o]] += (double) ds[o] - dn[o];
        }
    }

    /**
     * The labels: each point's nearest slot, except that a medoid's own row keeps its own slot when
     * another medoid is as near (duplicate rows), so that no cluster is empty.
     *
     * @return one label per point
     */
    int[] labels() {
        int[] labels = nearest.clone();
        for (int s = 0; s < k; s++) {
            int r = medoids[s];
            if (d.get(r, r) <= dn[r]) {
                labels[r] = s;
            }
        }
        return labels;
    }
}

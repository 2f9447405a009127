package dev.clusterlab.plugins.affinity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * From the points whose exemplar status is on to exemplars and labels, with scikit-learn 1.2.1's
 * final step: every point joins its most similar candidate exemplar; each cluster's exemplar is then
 * refined to the member with the largest summed similarity from the other members; every point joins
 * its most similar refined exemplar; clusters are numbered by their exemplar's row. Similarities
 * include the preferences on the diagonal, as there. Sums in double; the first index wins ties.
 *
 * @param exemplars the rows of the exemplars, ascending; empty when there are none
 * @param labels each point's cluster (the index of its exemplar in {@code exemplars}), or all -1 when
 *     there are no exemplars
 */
record ExemplarLabels(int[] exemplars, int[] labels) {

    /**
     * @param s similarities with the preferences on the diagonal
     * @param candidates each point's exemplar status after the message passing
     * @return exemplars and labels
     */
    static ExemplarLabels of(Similarities s, boolean[] candidates) {
        int n = s.n();
        int[] chosen = indicesOf(candidates);
        if (chosen.length == 0) {
            int[] none = new int[n];
            Arrays.fill(none, -1);
            return new ExemplarLabels(new int[0], none);
        }
        int[] cluster = nearest(s, chosen);
        int k = chosen.length;
        List<List<Integer>> members = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            members.get(cluster[i]).add(i);
        }
        // Each cluster's summed similarity from its members to each member: one pass over the rows.
        double[][] sums = new double[k][];
        for (int c = 0; c < k; c++) {
            sums[c] = new double[members.get(c).size()];
        }
        float[] row = new float[n];
        for (int i = 0; i < n; i++) {
            s.row(i, row);
            List<Integer> ii = members.get(cluster[i]);
            double[] sum = sums[cluster[i]];
            for (int p = 0; p < ii.size(); p++) {
                sum[p] += row[ii.get(p)];
            }
        }
        int[] refined = new int[k];
        for (int c = 0; c < k; c++) {
            List<Integer> ii = members.get(c);
            int arg = 0;
            for (int p = 1; p < ii.size(); p++) {
                if (sums[c][p] > sums[c][arg]) {
                    arg = p;
                }
            }
            refined[c] = ii.get(arg);
        }
        int[] second = nearest(s, refined);
        int[] exemplarOf = new int[n];
        for (int i = 0; i < n; i++) {
            exemplarOf[i] = refined[second[i]];
        }
        // Clusters numbered by their exemplar's row (numpy's unique, then searchsorted).
        int[] exemplars = Arrays.stream(exemplarOf).distinct().sorted().toArray();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = Arrays.binarySearch(exemplars, exemplarOf[i]);
        }
        return new ExemplarLabels(exemplars, labels);
    }

    /** Each point's most similar of {@code rows} (first on ties), each of {@code rows} its own. */
    private static int[] nearest(Similarities s, int[] rows) {
        int n = s.n();
        int[] out = new int[n];
        float[] si = new float[n];
        for (int i = 0; i < n; i++) {
            s.row(i, si);
            float best = si[rows[0]];
            int arg = 0;
            for (int c = 1; c < rows.length; c++) {
                if (si[rows[c]] > best) {
                    best = si[rows[c]];
                    arg = c;
                }
            }
            out[i] = arg;
        }
        for (int c = 0; c < rows.length; c++) {
            out[rows[c]] = c;
        }
        return out;
    }

    private static int[] indicesOf(boolean[] flags) {
        int count = 0;
        for (boolean f : flags) {
            count += f ? 1 : 0;
        }
        int[] out = new int[count];
        int next = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                out[next++] = i;
            }
        }
        return out;
    }
}

package dev.clusterlab.plugins.kmeans;

import java.util.Arrays;

/**
 * The partition of the {@code k} centres into groups that Yinyang k-means keeps for a whole run (Ding et
 * al. 2015, section 3.1: "group the initial centres by running k-means on them for five iterations").
 * The first {@code t} centres start the groups: k-means++ draws centres in sequence, so they are
 * themselves a k-means++ seeding of {@code t} among the {@code k} (and with {@code init=random}, {@code t}
 * random ones). No random draw is made, so the groups depend only on the initial centres. Groups left
 * empty are dropped.
 *
 * @param count number of non-empty groups
 * @param start {@code count + 1} offsets into {@code members}: group {@code g} is
 *     {@code members[start[g] .. start[g + 1])}
 * @param members the centres ordered by group, ascending within a group
 * @param groupOf the group of each centre
 */
record CentreGroups(int count, int[] start, int[] members, int[] groupOf) {
    /** Lloyd iterations on the centres, as in the paper. */
    static final int ITERATIONS = 5;

    /** @return the number of groups the paper recommends, {@code t = k / 10}, at least 1 */
    static int recommended(int k) {
        return Math.max(1, k / 10);
    }

    /**
     * @param centres row-major {@code k x d} initial centres
     * @param k number of centres
     * @param d dimension
     * @param t groups wanted, in {@code [1, k]}
     * @return the groups
     */
    static CentreGroups of(float[] centres, int k, int d, int t) {
        Points points = new Points(centres, k, d, null);
        float[] means = Arrays.copyOf(centres, t * d);
        int[] groupOf = new int[k];
        double[] sums = new double[t * d];
        double[] sizes = new double[t];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Arrays.fill(sums, 0);
            Arrays.fill(sizes, 0);
            for (int c = 0; c < k; c++) {
                int nearest = 0;
                double best = Double.POSITIVE_INFINITY;
                for (int g = 0; g < t; g++) {
                    double dist = points.exactSquared(c, means, g);
                    if (dist < best) {
                        best = dist;
                        nearest = g;
                    }
                }
                groupOf[c] = nearest;
                KMeansLoop.accumulate(points, c, nearest, sums, sizes);
            }
            means = KMeansLoop.means(means, sums, sizes, d);
        }
        return fromLabels(groupOf, t);
    }

    /** @return the groups of the given labels, empty ones dropped and the rest renumbered in order */
    private static CentreGroups fromLabels(int[] label, int t) {
        int k = label.length;
        int[] size = new int[t];
        for (int l : label) {
            size[l]++;
        }
        int[] renumber = new int[t];
        int count = 0;
        for (int g = 0; g < t; g++) {
            renumber[g] = size[g] > 0 ? count++ : -1;
        }
        int[] start = new int[count + 1];
        int[] groupOf = new int[k];
        for (int c = 0; c < k; c++) {
            groupOf[c] = renumber[label[c]];
            start[groupOf[c] + 1]++;
        }
        for (int g = 0; g < count; g++) {
            start[g + 1] += start[g];
        }
        int[] next = Arrays.copyOf(start, count);
        int[] members = new int[k];
        for (int c = 0; c < k; c++) {
            members[next[groupOf[c]]++] = c;
        }
        return new CentreGroups(count, start, members, groupOf);
    }
}

package dev.clusterlab.api.artifact;

/**
 * A merge tree of agglomerative clustering in SciPy's linkage-matrix format ({@code Z}): row {@code i}
 * merges clusters {@code left[i]} and {@code right[i]} at {@code distance[i]} into cluster {@code n + i}
 * of {@code size[i]} points; ids below {@code n} are points. Its table is {@code left,right,distance,size}.
 *
 * @param left per merge, the first cluster
 * @param right per merge, the second cluster
 * @param distance per merge, non-decreasing for monotone linkages
 * @param size per merge, the points in the new cluster
 * @since 0.2
 */
public record MergeTree(int[] left, int[] right, double[] distance, int[] size) implements Artifact {
    /**
     * @throws IllegalArgumentException if the columns differ in length or a row refers to a cluster not
     *     yet formed (naming the row)
     * @since 0.2
     */
    public MergeTree {
        int m = left.length;
        if (right.length != m || distance.length != m || size.length != m) {
            throw new IllegalArgumentException("a merge tree needs one left, right, distance and size per merge; got " + left.length
                    + ", " + right.length + ", " + distance.length + " and " + size.length);
        }
        int n = m + 1;
        for (int i = 0; i < m; i++) {
            if (left[i] < 0 || right[i] < 0 || left[i] >= n + i || right[i] >= n + i || left[i] == right[i]) {
                throw new IllegalArgumentException("merge " + i + ": clusters " + left[i] + " and " + right[i]
                        + " must be distinct ids below " + (n + i));
            }
            if (size[i] < 2) {
                throw new IllegalArgumentException("merge " + i + ": size must be >= 2; found " + size[i]);
            }
        }
    }

    /** @return the number of points, merges + 1 @since 0.2 */
    public int n() {
        return left.length + 1;
    }

    /**
     * The flat clustering with {@code k} clusters, without refitting: the first {@code n - k} merges
     * applied (scikit-learn's {@code _hc_cut}, which undoes the last {@code k - 1}). Clusters are numbered
     * in the order of their first row: row 0 is in cluster 0, the first row not in it starts cluster 1.
     *
     * @param k number of clusters, in {@code [1, n]}
     * @return one label per point
     * @throws IllegalArgumentException if {@code k} is out of range
     * @since 0.2
     */
    public int[] cut(int k) {
        int n = n();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, n=" + n + "]; got " + k);
        }
        // A node's parent is a later merge, so walking the applied merges backwards gives every node its
        // root before its children: O(n), whatever the tree's depth (single linkage makes chains).
        int[] root = new int[2 * n - 1];
        for (int i = 0; i < root.length; i++) {
            root[i] = i;
        }
        for (int i = n - k - 1; i >= 0; i--) {
            root[left[i]] = root[n + i];
            root[right[i]] = root[n + i];
        }
        int[] labels = new int[n];
        int[] labelOf = new int[2 * n - 1];
        java.util.Arrays.fill(labelOf, -1);
        int next = 0;
        for (int p = 0; p < n; p++) {
            if (labelOf[root[p]] < 0) {
                labelOf[root[p]] = next++;
            }
            labels[p] = labelOf[root[p]];
        }
        return labels;
    }

    /**
     * The flat clustering at a height, as scikit-learn's {@code distance_threshold}: {@code k} is one
     * more than the number of merges at a distance of at least {@code height}, then {@link #cut(int)}.
     * For a monotone tree that applies exactly the merges below {@code height}.
     *
     * @param height the threshold
     * @return one label per point
     * @since 0.2
     */
    public int[] cutAt(double height) {
        return cut(clustersAt(height));
    }

    /**
     * @param height the threshold
     * @return the number of clusters {@link #cutAt(double)} gives: one more than the merges at a
     *     distance of at least {@code height}
     * @since 0.2
     */
    public int clustersAt(double height) {
        int k = 1;
        for (double v : distance) {
            if (v >= height) {
                k++;
            }
        }
        return k;
    }

    @Override
    public String kind() {
        return ArtifactKinds.MERGE_TREE;
    }

    @Override
    public ArtifactTable table() {
        return ArtifactTable.builder().ints("left", left).ints("right", right).reals("distance", distance).ints("size", size)
                .build();
    }

    /**
     * @param t a table with the columns of {@link #table()}
     * @return the tree
     * @throws IllegalArgumentException naming the column or merge when it does not fit
     * @since 0.2
     */
    public static MergeTree fromTable(ArtifactTable t) {
        return new MergeTree(t.ints("left"), t.ints("right"), t.reals("distance"), t.ints("size"));
    }
}

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

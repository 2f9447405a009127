package dev.clusterlab.api.algorithm;

import dev.clusterlab.api.artifact.Artifact;
import dev.clusterlab.api.artifact.ArtifactKinds;
import dev.clusterlab.api.artifact.ArtifactTable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A cluster hierarchy as a condensed tree, in the format of scikit-learn's HDBSCAN ({@code >= 1.3},
 * {@code _condensed_tree}) and the hdbscan package ({@code condensed_tree_.to_numpy()}): one row per
 * edge {@code (parent, child, lambda, childSize)}. Points are {@code 0..n-1}; clusters are numbered
 * from {@code n} (the root, the smallest parent) upwards, a child cluster always above its parent.
 * A row with {@code childSize == 1} and {@code child < n} says a point left {@code parent} at
 * {@code lambda}; a row with a cluster as child says {@code parent} split at {@code lambda} and
 * {@code child} (of {@code childSize} points) was born. {@code lambda = 1 / distance}, so it grows
 * towards the leaves; it is {@code +inf} for distance 0.
 *
 * <p>The arrays are taken over, not copied: do not modify them. As an {@link Artifact} (api 0.2) its
 * kind is {@value ArtifactKinds#CONDENSED_TREE} and its table has the hdbscan package's columns
 * {@code parent,child,lambda_val,child_size}.
 *
 * @param parent per row, a cluster id ({@code >= n})
 * @param child per row, a point ({@code < n}) or a cluster id
 * @param lambda per row, {@code >= 0} or {@code +inf}, never NaN
 * @param childSize per row, 1 for a point, the size of the child cluster otherwise ({@code >= 1})
 * @since 0.1
 */
public record ClusterHierarchy(int[] parent, int[] child, double[] lambda, int[] childSize) implements Artifact {

    /**
     * Checks the shape of the table.
     *
     * @throws IllegalArgumentException if the arrays differ in length, or an id, lambda or size is out
     *     of range (the message names the row)
     * @throws NullPointerException if an array is null
     * @since 0.1
     */
    public ClusterHierarchy {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(lambda, "lambda");
        Objects.requireNonNull(childSize, "childSize");
        int rows = parent.length;
        if (child.length != rows || lambda.length != rows || childSize.length != rows) {
            throw new IllegalArgumentException("a cluster hierarchy needs one parent, child, lambda and childSize per row; got "
                    + parent.length + " parents, " + child.length + " children, " + lambda.length + " lambdas and "
                    + childSize.length + " child sizes");
        }
        for (int r = 0; r < rows; r++) {
            if (parent[r] < 0 || child[r] < 0) {
                throw new IllegalArgumentException("cluster hierarchy row " + r + ": ids must be >= 0; got parent " + parent[r]
                        + ", child " + child[r]);
            }
            if (child[r] == parent[r]) {
                throw new IllegalArgumentException("cluster hierarchy row " + r + ": cluster " + parent[r] + " is its own child");
            }
            if (Double.isNaN(lambda[r]) || lambda[r] < 0) {
                throw new IllegalArgumentException("cluster hierarchy row " + r + ": lambda must be >= 0 or +inf; got " + lambda[r]);
            }
            if (childSize[r] < 1) {
                throw new IllegalArgumentException("cluster hierarchy row " + r + ": childSize must be >= 1; got " + childSize[r]);
            }
        }
    }

    @Override
    public String kind() {
        return ArtifactKinds.CONDENSED_TREE;
    }

    @Override
    public ArtifactTable table() {
        return ArtifactTable.builder().ints("parent", parent).ints("child", child).reals("lambda_val", lambda)
                .ints("child_size", childSize).build();
    }

    /**
     * @param t a table with the columns of {@link #table()}
     * @return the tree
     * @throws IllegalArgumentException naming the column or row when it does not fit
     * @since 0.2
     */
    public static ClusterHierarchy fromTable(ArtifactTable t) {
        return new ClusterHierarchy(t.ints("parent"), t.ints("child"), t.reals("lambda_val"), t.ints("child_size"));
    }

    /** @return the number of rows @since 0.1 */
    public int rows() {
        return parent.length;
    }

    /** @return the root cluster's id (the smallest parent, which is the number of points), or -1 without rows @since 0.1 */
    public int root() {
        int root = Integer.MAX_VALUE;
        for (int p : parent) {
            root = Math.min(root, p);
        }
        return parent.length == 0 ? -1 : root;
    }

    /**
     * The cluster of each label: the lowest cluster holding every point of that label. For HDBSCAN*
     * labels (a point takes the label of its nearest selected ancestor) these are the selected
     * clusters, as {@code HdbscanModel.selectedClusters()}.
     *
     * @param labels one label per point ({@code -1} noise), as many as the tree has points
     * @return per label {@code 0..max}, a cluster id; the root for a label no point carries
     * @throws IllegalArgumentException if a labelled point is not in the tree
     * @since 0.1
     */
    public int[] clustersOfLabels(int[] labels) {
        int root = root();
        int clusters = 0;
        for (int r = 0; r < rows(); r++) {
            clusters = Math.max(clusters, Math.max(parent[r], child[r]) - root + 1);
        }
        int[] up = new int[Math.max(0, clusters)];
        int[] owner = new int[labels.length];
        Arrays.fill(owner, -1);
        for (int r = 0; r < rows(); r++) {
            if (child[r] >= root) {
                up[child[r] - root] = parent[r];
            } else if (child[r] < labels.length) {
                owner[child[r]] = parent[r];
            }
        }
        int k = 0;
        for (int l : labels) {
            k = Math.max(k, l + 1);
        }
        int[] out = new int[k];
        Arrays.fill(out, -1);
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l < 0) {
                continue;
            }
            if (owner[i] < 0) {
                throw new IllegalArgumentException("point " + i + " has label " + l + " but no row of the cluster hierarchy");
            }
            int a = out[l] < 0 ? owner[i] : out[l];
            int b = owner[i];
            // Children are numbered above their parents: the larger id is never the other's ancestor.
            while (a != b) {
                if (a > b) {
                    a = up[a - root];
                } else {
                    b = up[b - root];
                }
            }
            out[l] = a;
        }
        for (int l = 0; l < k; l++) {
            if (out[l] < 0) {
                out[l] = root;
            }
        }
        return out;
    }

    /** Equal when every row is equal. @since 0.1 */
    @Override
    public boolean equals(Object o) {
        return o instanceof ClusterHierarchy h && Arrays.equals(parent, h.parent) && Arrays.equals(child, h.child)
                && Arrays.equals(lambda, h.lambda) && Arrays.equals(childSize, h.childSize);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(parent), Arrays.hashCode(child), Arrays.hashCode(lambda), Arrays.hashCode(childSize));
    }

    @Override
    public String toString() {
        return "ClusterHierarchy[" + rows() + " rows, root " + root() + "]";
    }
}

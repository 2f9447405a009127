package dev.clusterlab.plugins.hierarchical;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The CF-tree of BIRCH (Zhang, Ramakrishnan and Livny 1996, section 4): a height-balanced tree of
 * clustering features ({@link BirchSubcluster}) in nodes of at most {@code branching_factor} entries
 * ({@link BirchNode}), into which points are inserted one at a time, in row order (phase 1 of the paper;
 * scikit-learn has no phases 2 and 4, nor rebuilding with a larger threshold, and neither has this).
 * Time {@code O(n h B d)} for height {@code h}, memory {@code O(m d)} for {@code m} leaf subclusters.
 * Single-threaded: each insertion depends on the previous ones.
 */
final class BirchTree {
    final double threshold;
    final int branchingFactor;
    final int d;
    private final double thresholdSquared;
    /** The head of the leaf chain; holds nothing itself. */
    private final BirchNode head;
    private BirchNode root;
    private long points;

    BirchTree(double threshold, int branchingFactor, int d) {
        this.threshold = threshold;
        this.branchingFactor = branchingFactor;
        this.d = d;
        this.thresholdSquared = threshold * threshold;
        head = new BirchNode(true, d, branchingFactor);
        root = new BirchNode(true, d, branchingFactor);
        head.nextLeaf = root;
        root.previousLeaf = head;
    }

    /** @return number of points inserted so far */
    long points() {
        return points;
    }

    /** Inserts the point at {@code x[offset .. offset + d)}. */
    void insert(float[] x, int offset) {
        BirchSubcluster point = BirchSubcluster.ofPoint(x, offset, d);
        if (root.insert(point, thresholdSquared)) {
            BirchSubcluster[] halves = root.split();
            root = new BirchNode(false, d, branchingFactor);
            root.append(halves[0]);
            root.append(halves[1]);
        }
        points++;
    }

    /** Inserts rows {@code 0 .. n-1} in order, checking for cancellation between blocks of rows. */
    void insertAll(float[] x, int n, ExecutionContext context, ProgressListener progress) {
        for (int i = 0; i < n; i++) {
            insert(x, i * d);
            if ((i & 4095) == 4095) {
                context.checkCancelled();
                progress.progress((double) i / n, BirchAlgorithm.ID + ": CF-tree, " + (i + 1) + " points");
            }
        }
    }

    /** @return the number of leaf subclusters */
    int subclusterCount() {
        int m = 0;
        for (BirchNode leaf = head.nextLeaf; leaf != null; leaf = leaf.nextLeaf) {
            m += leaf.size;
        }
        return m;
    }

    /** @return the leaf subclusters' centroids, row-major, in leaf-chain order (scikit-learn's {@code subcluster_centers_}) */
    double[] centroids() {
        double[] out = new double[subclusterCount() * d];
        int p = 0;
        for (BirchNode leaf = head.nextLeaf; leaf != null; leaf = leaf.nextLeaf) {
            System.arraycopy(leaf.centroids, 0, out, p, leaf.size * d);
            p += leaf.size * d;
        }
        return out;
    }

    /** @return the leaf subclusters' sizes, in the order of {@link #centroids()} */
    long[] sizes() {
        long[] out = new long[subclusterCount()];
        int p = 0;
        for (BirchNode leaf = head.nextLeaf; leaf != null; leaf = leaf.nextLeaf) {
            for (int i = 0; i < leaf.size; i++) {
                out[p++] = leaf.subclusters[i].n;
            }
        }
        return out;
    }

    /** @return a deep copy, so that inserting into it leaves this tree (and the model holding it) as it is */
    BirchTree copy() {
        BirchTree t = new BirchTree(threshold, branchingFactor, d);
        Map<BirchNode, BirchNode> copies = new IdentityHashMap<>();
        t.root = copy(root, copies);
        BirchNode previous = t.head;
        for (BirchNode leaf = head.nextLeaf; leaf != null; leaf = leaf.nextLeaf) {
            BirchNode c = copies.get(leaf);
            previous.nextLeaf = c;
            c.previousLeaf = previous;
            previous = c;
        }
        previous.nextLeaf = null;
        t.points = points;
        return t;
    }

    private static BirchNode copy(BirchNode node, Map<BirchNode, BirchNode> copies) {
        BirchNode c = new BirchNode(node.leaf, node.d, node.branchingFactor());
        for (int i = 0; i < node.size; i++) {
            BirchSubcluster s = node.subclusters[i].copyWithoutChild();
            if (node.subclusters[i].child != null) {
                s.child = copy(node.subclusters[i].child, copies);
            }
            c.append(s);
        }
        copies.put(node, c);
        return c;
    }
}

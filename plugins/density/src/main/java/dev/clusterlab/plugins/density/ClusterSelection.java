package dev.clusterlab.plugins.density;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flat clusters from a {@link CondensedTree}, as scikit-learn 1.3 ({@code _tree.pyx}:
 * {@code compute_stability}, {@code _get_clusters}, {@code epsilon_search}, {@code _do_labelling},
 * {@code get_probabilities}) and the hdbscan package (GLOSH).
 *
 * <p><b>Stability</b> (Campello et al. 2015): a cluster's birth is the lambda of the row in which it
 * splits off its parent (0 for the root); its stability is the sum over its rows of
 * {@code (lambda - birth) x childSize}. <b>Excess of mass</b> visits clusters from the deepest (largest
 * id) up; a cluster whose children's (already propagated) stabilities sum to strictly more than its
 * own is replaced by them, otherwise it is selected and its descendants deselected. The root takes
 * part only with {@code allow_single_cluster}. <b>Leaf</b> selects the clusters without child clusters
 * (none, and so only noise, when the tree never splits). With {@code cluster_selection_epsilon > 0} a
 * selected cluster born at a distance below epsilon is replaced by its first ancestor born above it
 * (or the root's child, or with {@code allow_single_cluster} the root).
 *
 * <p><b>Labels</b>: a point belongs to its nearest selected ancestor; points that reach only the
 * root are noise, unless the root is the single selected cluster, when a point is kept if it left
 * the root at a lambda of at least {@code 1 / epsilon} (or, with epsilon 0, at the root's largest
 * lambda), as scikit-learn. Labels number the selected clusters in increasing id.
 * <b>Probabilities</b>: {@code min(lambda_p, lambdaMax) / lambdaMax} with {@code lambdaMax} the largest
 * lambda among the selected cluster's own rows; 1 when that is 0 or {@code lambda_p} is infinite; 0
 * for noise. <b>GLOSH</b>: {@code (lambdaMax(C) - lambda_p) / lambdaMax(C)} where {@code C} is the
 * cluster the point falls out of and {@code lambdaMax(C)} the largest lambda in C's subtree (Campello
 * et al. 2015, definition 7; propagated bottom-up, which the hdbscan package means to do).
 */
final class ClusterSelection {
    private ClusterSelection() {
    }

    /**
     * The outcome.
     *
     * @param labels per point
     * @param probabilities per point, in [0, 1]
     * @param outlierScores per point GLOSH, in [0, 1]
     * @param selected the selected cluster ids, ascending (label i is selected[i])
     * @param owner per cluster index ({@code id - n}): the selected cluster it lies in, or the root's id
     * @param birth per cluster index, the lambda at which it was born
     * @param clusterParent per cluster index, the parent cluster's id ({@code -1} for the root)
     * @param maxLambda per cluster index, the largest lambda among its own rows
     */
    record Outcome(int[] labels, double[] probabilities, double[] outlierScores, int[] selected, int[] owner,
                   double[] birth, int[] clusterParent, double[] maxLambda) {
    }

    static Outcome select(CondensedTree t, HdbscanParams p) {
        int n = t.n();
        int c = t.clusterCount();
        double[] birth = new double[c];
        int[] clusterParent = new int[c];
        clusterParent[0] = -1;
        double[] maxLambda = new double[c];
        List<List<Integer>> children = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            children.add(new ArrayList<>());
        }
        for (int r = 0; r < t.rows(); r++) {
            int parent = t.parent()[r] - n;
            maxLambda[parent] = Math.max(maxLambda[parent], t.lambda()[r]);
            if (t.childSize()[r] > 1) {
                int child = t.child()[r] - n;
                birth[child] = t.lambda()[r];
                clusterParent[child] = t.parent()[r];
                children.get(parent).add(child);
            }
        }
        double[] stability = new double[c];
        for (int r = 0; r < t.rows(); r++) {
            int parent = t.parent()[r] - n;
            stability[parent] += (t.lambda()[r] - birth[parent]) * t.childSize()[r];
        }
        boolean[] chosen = p.selectionMethod() == HdbscanParams.SelectionMethod.EOM
                ? excessOfMass(stability, birth, children, p) : leaves(birth, children, p);
        int[] owner = new int[c];
        List<Integer> selectedList = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            owner[k] = chosen[k] ? k + n : (k == 0 ? n : owner[clusterParent[k] - n]);
            if (chosen[k]) {
                selectedList.add(k + n);
            }
        }
        int[] selected = selectedList.stream().mapToInt(Integer::intValue).toArray();
        int[] labelOf = new int[c];
        Arrays.fill(labelOf, -1);
        for (int i = 0; i < selected.length; i++) {
            labelOf[selected[i] - n] = i;
        }
        boolean singleRoot = selected.length == 1 && selected[0] == n && p.allowSingleCluster();
        double rootThreshold = p.clusterSelectionEpsilon() != 0 ? 1 / p.clusterSelectionEpsilon() : maxLambda[0];
        int[] labels = new int[n];
        double[] probabilities = new double[n];
        double[] glosh = new double[n];
        double[] subtreeMax = maxLambda.clone();
        for (int k = c - 1; k > 0; k--) {
            int parent = clusterParent[k] - n;
            subtreeMax[parent] = Math.max(subtreeMax[parent], subtreeMax[k]);
        }
        for (int r = 0; r < t.rows(); r++) {
            if (t.childSize()[r] > 1) {
                continue;
            }
            int point = t.child()[r];
            double lambda = t.lambda()[r];
            int cluster = owner[t.parent()[r] - n];
            int label = cluster != n ? labelOf[cluster - n] : singleRoot && lambda >= rootThreshold ? 0 : -1;
            labels[point] = label;
            if (label >= 0) {
                double max = maxLambda[cluster - n];
                probabilities[point] = max == 0 || Double.isInfinite(lambda) ? 1.0 : Math.min(lambda, max) / max;
            }
            double top = subtreeMax[t.parent()[r] - n];
            glosh[point] = top == 0 || Double.isInfinite(lambda) ? 0.0 : Double.isInfinite(top) ? 1.0 : (top - lambda) / top;
        }
        return new Outcome(labels, probabilities, glosh, selected, owner, birth, clusterParent, maxLambda);
    }

    private static boolean[] excessOfMass(double[] stability, double[] birth, List<List<Integer>> children, HdbscanParams p) {
        int c = stability.length;
        boolean[] chosen = new boolean[c];
        int last = p.allowSingleCluster() ? 0 : 1;
        for (int k = c - 1; k >= last; k--) {
            chosen[k] = true;
        }
        for (int k = c - 1; k >= last; k--) {
            double subtree = 0;
            for (int child : children.get(k)) {
                subtree += stability[child];
            }
            if (subtree > stability[k]) {
                chosen[k] = false;
                stability[k] = subtree;
            } else {
                deselectBelow(k, children, chosen);
            }
        }
        boolean treeSplits = !children.get(0).isEmpty();
        if (p.clusterSelectionEpsilon() != 0 && treeSplits) {
            if (chosen[0]) {
                return chosen;
            }
            return epsilonSearch(chosen, birth, children, p);
        }
        return chosen;
    }

    private static boolean[] leaves(double[] birth, List<List<Integer>> children, HdbscanParams p) {
        int c = children.size();
        boolean[] chosen = new boolean[c];
        if (children.get(0).isEmpty()) {
            return chosen;
        }
        for (int k = 1; k < c; k++) {
            chosen[k] = children.get(k).isEmpty();
        }
        return p.clusterSelectionEpsilon() != 0 ? epsilonSearch(chosen, birth, children, p) : chosen;
    }

    /** Deselects every descendant of {@code k}; iterative, as cluster trees can be deep chains. */
    private static void deselectBelow(int k, List<List<Integer>> children, boolean[] chosen) {
        ArrayDeque<Integer> stack = new ArrayDeque<>(children.get(k));
        while (!stack.isEmpty()) {
            int child = stack.pop();
            chosen[child] = false;
            stack.addAll(children.get(child));
        }
    }

    /**
     * scikit-learn's {@code epsilon_search} with {@code traverse_upwards}: a chosen cluster born below
     * epsilon (distance {@code 1 / birth}) gives way to its first ancestor born above it.
     */
    private static boolean[] epsilonSearch(boolean[] chosen, double[] birth, List<List<Integer>> children, HdbscanParams p) {
        int c = chosen.length;
        int[] parent = new int[c];
        parent[0] = -1;
        for (int k = 0; k < c; k++) {
            for (int child : children.get(k)) {
                parent[child] = k;
            }
        }
        boolean[] out = new boolean[c];
        for (int k = 1; k < c; k++) {
            if (!chosen[k]) {
                continue;
            }
            if (1 / birth[k] < p.clusterSelectionEpsilon()) {
                int node = k;
                while (true) {
                    int up = parent[node];
                    if (up == 0) {
                        node = p.allowSingleCluster() ? 0 : node;
                        break;
                    }
                    if (1 / birth[up] > p.clusterSelectionEpsilon()) {
                        node = up;
                        break;
                    }
                    node = up;
                }
                out[node] = true;
            } else {
                out[k] = true;
            }
        }
        return out;
    }
}

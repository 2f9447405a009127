package dev.clusterlab.host.report;

import dev.clusterlab.api.algorithm.ClusterHierarchy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HDBSCAN*'s condensed tree as an icicle plot, like the hdbscan package's
 * {@code condensed_tree_.plot()}: lambda ({@code 1 / distance}) grows downwards; each cluster is an
 * icicle starting at the lambda where it split off its parent, as wide as the number of its points
 * still in it, narrowing as points fall out. Horizontally every cluster owns a slot as wide as its
 * size, its children's slots side by side under the part of the parent they came from, so icicles never
 * overlap. The selected clusters (those that give the labels) are filled in their label's colour and
 * outlined, their sub-clusters paler in the same colour; other clusters are grey. An icicle is at most
 * {@value #STEPS} rectangles (steps of at least a twentieth of its size, as hdbscan); at most
 * {@value #MAX_CLUSTERS} clusters, the largest, are drawn. Infinite lambdas (points at distance 0) are
 * drawn at the bottom edge.
 */
final class SvgCondensedTree {
    static final int WIDTH = 540;
    static final int HEIGHT = 380;
    static final int MAX_CLUSTERS = 400;
    static final int STEPS = 20;
    private static final int LEFT = 62;
    private static final int RIGHT = 14;
    private static final int TOP = 12;
    private static final int BOTTOM = 22;
    private static final String OTHER = "#9aa5b1";

    private SvgCondensedTree() {
    }

    /** What the caption needs to say. */
    record Drawn(String svg, int clusters, int drawn, boolean infinite) {
    }

    /**
     * @param tree the condensed tree
     * @param labels labels by point, as many as the tree's points
     * @param title accessible title
     * @return the SVG element and what was left out
     */
    static Drawn render(ClusterHierarchy tree, int[] labels, String title) {
        int root = tree.root();
        int rows = tree.rows();
        int count = 0;
        for (int r = 0; r < rows; r++) {
            count = Math.max(count, Math.max(tree.parent()[r], tree.child()[r]) - root + 1);
        }
        int[] size = new int[count];
        double[] birth = new double[count];
        int[] up = new int[count];
        Arrays.fill(up, -1);
        List<List<Integer>> rowsOf = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            rowsOf.add(new ArrayList<>());
        }
        double maxLambda = 0;
        boolean infinite = false;
        for (int r = 0; r < rows; r++) {
            int p = tree.parent()[r] - root;
            rowsOf.get(p).add(r);
            double l = tree.lambda()[r];
            if (Double.isFinite(l)) {
                maxLambda = Math.max(maxLambda, l);
            } else {
                infinite = true;
            }
            if (tree.child()[r] >= root) {
                int c = tree.child()[r] - root;
                size[c] = tree.childSize()[r];
                birth[c] = l;
                up[c] = p;
            }
            if (p == 0) {
                size[0] += tree.childSize()[r];
            }
        }
        double bottom = maxLambda > 0 ? maxLambda : 1;
        // Which selected cluster (if any) each cluster lies in, and its label.
        int[] selected = tree.clustersOfLabels(labels);
        int[] labelOf = new int[count];
        Arrays.fill(labelOf, -1);
        boolean[] isSelected = new boolean[count];
        for (int l = 0; l < selected.length; l++) {
            labelOf[selected[l] - root] = l;
            isSelected[selected[l] - root] = true;
        }
        for (int c = 1; c < count; c++) {
            if (labelOf[c] < 0 && up[c] >= 0) {
                labelOf[c] = labelOf[up[c]];
            }
        }
        // The largest clusters, ties to the lower id (a parent is never smaller than its child, so no gaps).
        boolean[] drawn = new boolean[count];
        Integer[] bySize = new Integer[count];
        for (int c = 0; c < count; c++) {
            bySize[c] = c;
        }
        Arrays.sort(bySize, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(a, b));
        int drawnCount = Math.min(count, MAX_CLUSTERS);
        for (int i = 0; i < drawnCount; i++) {
            drawn[bySize[i]] = true;
        }
        // Slots: the root spans all points; children side by side, centred under their parent.
        double[] lo = new double[count];
        double[] hi = new double[count];
        hi[0] = Math.max(1, size[0]);
        for (int c = 0; c < count; c++) {
            double total = 0;
            for (int r : rowsOf.get(c)) {
                if (tree.child()[r] >= root) {
                    total += tree.childSize()[r];
                }
            }
            double at = (lo[c] + hi[c]) / 2 - total / 2;
            for (int r : rowsOf.get(c)) {
                if (tree.child()[r] >= root) {
                    int k = tree.child()[r] - root;
                    lo[k] = at;
                    hi[k] = at + tree.childSize()[r];
                    at = hi[k];
                }
            }
        }
        Scale x = Scale.exact(0, Math.max(1, size[0]), LEFT, WIDTH - RIGHT, 4);
        Scale y = Scale.of(0, bottom, TOP, HEIGHT - BOTTOM, 6);
        StringBuilder s = new StringBuilder(16384);
        Svg.open(s, "condensed-tree", WIDTH, HEIGHT, title);
        Svg.yAxis(s, y, LEFT, WIDTH - RIGHT, "\u03bb = 1 / distance");
        StringBuilder outlines = new StringBuilder();
        for (int c = 0; c < count; c++) {
            if (!drawn[c]) {
                continue;
            }
            String d = icicle(tree, rowsOf.get(c), size[c], birth[c], (lo[c] + hi[c]) / 2, x, y);
            String fill = labelOf[c] >= 0 ? Palette.cluster(labelOf[c]) : OTHER;
            String opacity = isSelected[c] ? "0.9" : labelOf[c] >= 0 ? "0.35" : "0.75";
            s.append("<path class=\"").append(isSelected[c] ? "icicle selected" : "icicle").append("\" fill=\"").append(fill)
                    .append("\" fill-opacity=\"").append(opacity).append("\" d=\"").append(d).append("\"><title>")
                    .append(Html.esc(describe(c + root, size[c], birth[c], isSelected[c], labelOf[c]))).append("</title></path>\n");
            if (isSelected[c]) {
                double end = birth[c];
                for (int r : rowsOf.get(c)) {
                    end = Math.max(end, Math.min(tree.lambda()[r], y.hi()));
                }
                outlines.append("<rect class=\"sel\" x=\"").append(Html.px(x.map(lo[c]) - 2)).append("\" y=\"")
                        .append(Html.px(y.map(birth[c]) - 2)).append("\" width=\"").append(Html.px(x.map(hi[c]) - x.map(lo[c]) + 4))
                        .append("\" height=\"").append(Html.px(y.map(end) - y.map(birth[c]) + 4)).append("\"/>");
            }
        }
        s.append(outlines);
        s.append("</svg>");
        return new Drawn(s.toString(), count, drawnCount, infinite);
    }

    /** The rectangles of one icicle, as one path: steps of the remaining size over lambda. */
    private static String icicle(ClusterHierarchy tree, List<Integer> rows, int size, double birth, double centre, Scale x, Scale y) {
        double bottom = y.hi();
        List<Integer> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Double.compare(tree.lambda()[a], tree.lambda()[b]));
        double step = Math.max(1, size / (double) STEPS);
        StringBuilder d = new StringBuilder();
        int remaining = size;
        int lastSize = size;
        double lastLambda = birth;
        for (int i = 0; i < sorted.size(); i++) {
            int r = sorted.get(i);
            double lambda = Math.min(tree.lambda()[r], bottom);
            remaining -= tree.childSize()[r];
            boolean groupEnds = i + 1 == sorted.size() || Math.min(tree.lambda()[sorted.get(i + 1)], bottom) != lambda;
            if (!groupEnds) {
                continue;
            }
            if (lambda > lastLambda && (lastSize - remaining >= step || i + 1 == sorted.size())) {
                double half = lastSize / 2.0;
                d.append('M').append(Html.px(x.map(centre - half))).append(' ').append(Html.px(y.map(lastLambda))).append('H')
                        .append(Html.px(x.map(centre + half))).append('V').append(Html.px(y.map(lambda))).append('H')
                        .append(Html.px(x.map(centre - half))).append('Z');
                lastSize = remaining;
                lastLambda = lambda;
            } else if (lambda <= lastLambda) {
                lastSize = remaining;
            }
        }
        return d.toString();
    }

    private static String describe(int id, int size, double birth, boolean selected, int label) {
        String s = "cluster " + id + " of the tree: " + size + " points, from \u03bb = " + SvgBars.format(birth);
        if (selected) {
            return s + "; selected: cluster " + label;
        }
        return label >= 0 ? s + "; inside selected cluster " + label : s;
    }
}

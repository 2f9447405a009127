package dev.clusterlab.host.report;

import dev.clusterlab.api.artifact.MergeTree;

/**
 * A merge tree as a dendrogram of its last merges, like SciPy's {@code dendrogram(Z, truncate_mode='lastp',
 * p=P)}: the leaves are the {@code P} clusters left before the last {@code P - 1} merges (a leaf of
 * several points is labelled with its size in brackets, as SciPy), each merge is a bracket at its
 * height, and left children come first. A merge whose points all share one label is drawn in that
 * label's colour, so the colours show the cut that gave the labels; merges above the cut are dark.
 */
final class SvgDendrogram {
    static final int WIDTH = 540;
    static final int HEIGHT = 340;
    /** Leaves drawn, at most (SciPy's p). */
    static final int LAST = 30;
    private static final int LEFT = 62;
    private static final int RIGHT = 14;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;
    private static final String ABOVE = "#3d4650";

    private SvgDendrogram() {
    }

    /** What the caption needs to say. */
    record Drawn(String svg, int leaves) {
    }

    /**
     * @param tree the merge tree (at least two points)
     * @param labels labels by point, as many as the tree's points
     * @param title accessible title
     * @return the SVG element and the number of leaves drawn
     */
    static Drawn render(MergeTree tree, int[] labels, String title) {
        int n = tree.n();
        int nodes = 2 * n - 1;
        int p = Math.min(LAST, n);
        int firstShown = n - p; // merges before this one are inside the leaves
        // Per node: the one label of its points, or -2 when they differ (bottom-up: children come first).
        int[] label = new int[nodes];
        for (int i = 0; i < n; i++) {
            label[i] = labels[i];
        }
        double top = 0;
        for (int i = 0; i < n - 1; i++) {
            int a = label[tree.left()[i]];
            int b = label[tree.right()[i]];
            label[n + i] = a == b ? a : -2;
            if (i >= firstShown) {
                top = Math.max(top, tree.distance()[i]);
            }
        }
        // Leaves in drawing order: a depth-first walk from the root, left child first.
        double[] x = new double[nodes];
        double[] y = new double[nodes];
        int[] leafOrder = new int[p];
        int leaves = 0;
        int[] stack = new int[nodes];
        int sp = 0;
        stack[sp++] = nodes - 1;
        while (sp > 0) {
            int node = stack[--sp];
            if (node < n + firstShown) {
                leafOrder[leaves++] = node;
            } else {
                int i = node - n;
                stack[sp++] = tree.right()[i];
                stack[sp++] = tree.left()[i];
            }
        }
        Scale ys = Scale.of(0, top > 0 ? top : 1, HEIGHT - BOTTOM, TOP, 5);
        double step = (WIDTH - LEFT - RIGHT) / (double) p;
        for (int l = 0; l < leaves; l++) {
            x[leafOrder[l]] = LEFT + step * (l + 0.5);
            y[leafOrder[l]] = ys.map(0);
        }
        StringBuilder s = new StringBuilder();
        Svg.open(s, "dendrogram", WIDTH, HEIGHT, title);
        Svg.yAxis(s, ys, LEFT, WIDTH - RIGHT, "merge height");
        s.append("<g fill=\"none\" stroke-width=\"1.5\">");
        for (int i = firstShown; i < n - 1; i++) {
            int a = tree.left()[i];
            int b = tree.right()[i];
            int node = n + i;
            x[node] = (x[a] + x[b]) / 2;
            y[node] = ys.map(tree.distance()[i]);
            String colour = label[node] >= 0 ? Palette.cluster(label[node]) : ABOVE;
            s.append("<path stroke=\"").append(colour).append("\" d=\"M").append(Html.px(x[a])).append(' ').append(Html.px(y[a]))
                    .append('V').append(Html.px(y[node])).append('H').append(Html.px(x[b])).append('V').append(Html.px(y[b]))
                    .append("\"><title>").append(Html.esc("merge " + i + ": " + tree.size()[i] + " points at height "
                            + Html.esc(ys.label(tree.distance()[i])))).append("</title></path>");
        }
        s.append("</g>\n<g class=\"axis\">");
        for (int l = 0; l < leaves; l++) {
            int node = leafOrder[l];
            int size = node < n ? 1 : tree.size()[node - n];
            String text = size == 1 ? String.valueOf(node) : "(" + size + ")";
            s.append("<text transform=\"translate(").append(Html.px(x[node] + 3)).append(',').append(Html.px(HEIGHT - BOTTOM + 6))
                    .append(") rotate(90)\" font-size=\"9\"");
            if (label[node] >= 0) {
                s.append(" fill=\"").append(Palette.cluster(label[node])).append('"');
            }
            s.append('>').append(Html.esc(text)).append("</text>");
        }
        s.append("</g></svg>");
        return new Drawn(s.toString(), leaves);
    }
}

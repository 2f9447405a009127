package dev.clusterlab.host.report;

import dev.clusterlab.api.algorithm.ClusterHierarchy;
import dev.clusterlab.api.artifact.Artifact;
import dev.clusterlab.api.artifact.ArtifactKinds;
import dev.clusterlab.api.artifact.Embedding;
import dev.clusterlab.api.artifact.MergeTree;
import dev.clusterlab.api.artifact.Reachability;
import dev.clusterlab.host.output.ResultFiles;
import dev.clusterlab.host.output.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The artifacts of a best run, drawn by kind: a {@link Reachability} plot ({@link SvgReachability}), a
 * condensed tree ({@link SvgCondensedTree}), a merge tree as a dendrogram ({@link SvgDendrogram}), an
 * {@link Embedding} as a scatter of its first two coordinates ({@link SvgScatter}); every other artifact, of a standard kind without a
 * picture yet or of a plugin's own kind, is listed with the CSV file its data is in. No algorithm is
 * named here: what is drawn follows from the artifact's kind alone.
 */
final class ArtifactFigures {
    /** What each standard kind is called in a sentence; a plugin's own kind is called by its kind. */
    private static final Map<String, String> TITLES = Map.of(
            ArtifactKinds.POINT_SCORES, "point scores",
            ArtifactKinds.REACHABILITY, "reachability plot",
            ArtifactKinds.MERGE_TREE, "merge tree",
            ArtifactKinds.CONDENSED_TREE, "condensed tree",
            ArtifactKinds.SOFT_ASSIGNMENTS, "soft assignments",
            ArtifactKinds.CENTROIDS, "centroids",
            ArtifactKinds.EMBEDDING, "embedding");

    private ArtifactFigures() {
    }

    /**
     * @param r the report inputs
     * @param run an OK run
     * @param labels its labels
     * @param who the run in words, for titles
     * @return the figures and a list of the other artifact files, or notes for those that cannot be read
     */
    static String render(Report r, RunRecord run, int[] labels, String who) {
        return render(r, run, labels, who, kind -> true, true);
    }

    /** @return whether the report draws artifacts of this kind (others are listed with their file) */
    static boolean drawn(String kind) {
        return DRAWN.contains(kind);
    }

    private static final java.util.Set<String> DRAWN = java.util.Set.of(ArtifactKinds.REACHABILITY, ArtifactKinds.CONDENSED_TREE,
            ArtifactKinds.MERGE_TREE, ArtifactKinds.EMBEDDING);

    /**
     * @param r the report inputs
     * @param run an OK run
     * @param labels its labels
     * @param who the run in words, for titles
     * @param kinds which kinds to draw
     * @param listOthers whether to list the files of the artifacts not drawn
     * @return the figures
     */
    static String render(Report r, RunRecord run, int[] labels, String who, java.util.function.Predicate<String> kinds,
                         boolean listOthers) {
        StringBuilder figures = new StringBuilder();
        List<String> listed = new ArrayList<>();
        for (Map.Entry<String, String> e : run.artifacts().entrySet()) {
            if (!kinds.test(e.getValue()) && !(listOthers && !drawn(e.getValue()))) {
                continue;
            }
            String name = e.getKey();
            String file = ResultFiles.artifactFolder(name) + "/" + run.runId() + ".csv";
            Artifact a;
            try {
                a = r.labels().artifact(run, name, labels.length);
            } catch (RuntimeException ex) {
                figures.append(BestRunPlots.note("The " + title(e.getValue()) + " of run " + run.runId() + " could not be read: "
                        + ex.getMessage()));
                continue;
            }
            switch (a) {
                case Reachability plot -> figures.append(reachability(plot, labels, who, file));
                case ClusterHierarchy tree -> figures.append(condensedTree(tree, labels, who, file));
                case MergeTree tree when tree.n() >= 2 -> figures.append(dendrogram(tree, labels, who, file));
                case Embedding map when map.n() == labels.length -> figures.append(embedding(name, map, labels, who, file));
                default -> listed.add(Html.esc(file) + " (" + Html.esc(title(a.kind())) + ")");
            }
        }
        if (listOthers && !listed.isEmpty()) {
            figures.append("<p class=\"note\">Also written for this run: ").append(String.join(", ", listed)).append(".</p>\n");
        }
        return figures.toString();
    }

    private static String title(String kind) {
        return TITLES.getOrDefault(kind, kind.replace('_', ' '));
    }

    private static String reachability(Reachability plot, int[] labels, String who, String file) {
        int n = plot.ordering().length;
        int[] ordered = new int[n];
        for (int i = 0; i < n; i++) {
            ordered[i] = labels[plot.ordering()[i]];
        }
        String title = "Reachability plot of " + who;
        int inf = SvgReachability.infinite(plot.reachability());
        int per = SvgReachability.pointsPerBar(n);
        StringBuilder s = new StringBuilder();
        s.append("<figure style=\"max-width:").append(SvgReachability.WIDTH).append("px\">")
                .append(SvgReachability.render(plot.reachability(), ordered, title));
        s.append("<figcaption>").append(Html.esc(title)).append(": the reachability distance of each point in the cluster ordering,"
                + " coloured by cluster; valleys are clusters.");
        if (inf > 0) {
            s.append(' ').append(inf).append(inf == 1 ? " point has" : " points have").append(" infinite reachability (not reachable"
                    + " from the points before it, the first point always) and ").append(inf == 1 ? "is" : "are")
                    .append(" drawn pale up to the top of the plot with a dark cap: the height there is not a value.");
        }
        if (per > 1) {
            s.append(" Each bar stands for ").append(per).append(" consecutive points: their largest reachability, their most common"
                    + " label.");
        }
        s.append(" Data: ").append(Html.esc(file)).append('.');
        return s.append("</figcaption></figure>").toString();
    }

    private static String embedding(String name, Embedding map, int[] labels, String who, String file) {
        String title = "The " + name.replace('_', ' ') + " of " + who;
        // The same rows as the report's cluster scatter, so both pictures show the same points.
        int[] rows = BestRunPlots.subsample(map.n(), BestRunPlots.MAX_POINTS);
        double[] x = new double[rows.length];
        double[] y = new double[rows.length];
        int[] shown = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = map.coordinates()[rows[i] * map.m()];
            y[i] = map.m() > 1 ? map.coordinates()[rows[i] * map.m() + 1] : rows[i] + 1;
            shown[i] = labels[rows[i]];
        }
        StringBuilder s = new StringBuilder();
        s.append("<figure style=\"max-width:").append(SvgScatter.WIDTH).append("px\">")
                .append(SvgScatter.render(x, y, shown, "e0", map.m() > 1 ? "e1" : "row", false, title));
        s.append("<figcaption>").append(Html.esc(title)).append(": each point at the first ")
                .append(map.m() > 1 ? "two coordinates" : "coordinate").append(" of the ").append(map.m())
                .append(" the algorithm clustered in, coloured by cluster");
        if (rows.length < map.n()) {
            s.append(" (").append(rows.length).append(" of ").append(map.n()).append(" points)");
        }
        s.append('.');
        s.append(" Data: ").append(Html.esc(file)).append('.');
        return s.append("</figcaption></figure>").toString();
    }

    private static String dendrogram(MergeTree tree, int[] labels, String who, String file) {
        String title = "Dendrogram of " + who;
        SvgDendrogram.Drawn drawn = SvgDendrogram.render(tree, labels, title);
        StringBuilder s = new StringBuilder();
        s.append("<figure style=\"max-width:").append(SvgDendrogram.WIDTH).append("px\">").append(drawn.svg());
        s.append("<figcaption>").append(Html.esc(title)).append(": the last ").append(drawn.leaves() - 1)
                .append(" merges of ").append(tree.n() - 1).append(" (SciPy's truncate_mode='lastp'), each drawn at its height;"
                + " a leaf in brackets is a cluster of that many points. Merges within one cluster of the labels are in its"
                + " colour, merges above the cut dark.");
        s.append(" Data: ").append(Html.esc(file)).append('.');
        return s.append("</figcaption></figure>").toString();
    }

    private static String condensedTree(ClusterHierarchy tree, int[] labels, String who, String file) {
        String title = "Condensed tree of " + who;
        SvgCondensedTree.Drawn drawn = SvgCondensedTree.render(tree, labels, title);
        StringBuilder s = new StringBuilder();
        s.append("<figure style=\"max-width:").append(SvgCondensedTree.WIDTH).append("px\">").append(drawn.svg());
        s.append("<figcaption>").append(Html.esc(title)).append(": clusters downwards as \u03bb = 1 / distance grows; each icicle is"
                + " as wide as the points still in that cluster. The selected clusters, which give the labels, are outlined and"
                + " filled in their cluster colour; grey clusters are not selected.");
        if (drawn.drawn() < drawn.clusters()) {
            s.append(" The ").append(drawn.drawn()).append(" largest of ").append(drawn.clusters()).append(" clusters are drawn.");
        }
        if (drawn.infinite()) {
            s.append(" Points at distance 0 (infinite \u03bb) leave at the bottom edge.");
        }
        s.append(" Data: ").append(Html.esc(file)).append('.');
        return s.append("</figcaption></figure>").toString();
    }

}

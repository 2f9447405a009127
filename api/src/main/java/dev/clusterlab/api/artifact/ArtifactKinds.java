package dev.clusterlab.api.artifact;

import dev.clusterlab.api.algorithm.ClusterHierarchy;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The standard artifact kinds, each with its type and the way back from its table; a host uses
 * {@link #decode} to turn a table read from a file into the typed artifact, so reports can draw it.
 *
 * @since 0.2
 */
public final class ArtifactKinds {
    /** Named per-point values ({@link PointScores}). @since 0.2 */
    public static final String POINT_SCORES = "point_scores";
    /** A cluster ordering with reachability and core distances ({@link Reachability}). @since 0.2 */
    public static final String REACHABILITY = "reachability";
    /** A merge tree, SciPy's linkage matrix ({@link MergeTree}). @since 0.2 */
    public static final String MERGE_TREE = "merge_tree";
    /** HDBSCAN*'s condensed tree ({@link ClusterHierarchy}). @since 0.2 */
    public static final String CONDENSED_TREE = "condensed_tree";
    /** Per-point membership probabilities ({@link SoftAssignments}). @since 0.2 */
    public static final String SOFT_ASSIGNMENTS = "soft_assignments";
    /** Cluster centres ({@link Centroids}). @since 0.2 */
    public static final String CENTROIDS = "centroids";
    /** New coordinates of every point, such as a spectral embedding ({@link Embedding}). @since 0.2 */
    public static final String EMBEDDING = "embedding";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_]*");
    private static final Map<String, Function<ArtifactTable, Artifact>> DECODERS = Map.of(
            POINT_SCORES, PointScores::fromTable,
            REACHABILITY, Reachability::fromTable,
            MERGE_TREE, MergeTree::fromTable,
            CONDENSED_TREE, ClusterHierarchy::fromTable,
            SOFT_ASSIGNMENTS, SoftAssignments::fromTable,
            CENTROIDS, Centroids::fromTable,
            EMBEDDING, Embedding::fromTable);

    private ArtifactKinds() {
    }

    /**
     * @param kind a kind
     * @return whether it is one of the standard kinds
     * @since 0.2
     */
    public static boolean isStandard(String kind) {
        return DECODERS.containsKey(kind);
    }

    /**
     * @param kind the artifact's kind
     * @param table its table
     * @return the standard type for a standard kind, a {@link TableArtifact} for any other
     * @throws IllegalArgumentException naming the column or row when the table does not fit the kind
     * @since 0.2
     */
    public static Artifact decode(String kind, ArtifactTable table) {
        Function<ArtifactTable, Artifact> decoder = DECODERS.get(kind);
        return decoder == null ? new TableArtifact(kind, table) : decoder.apply(table);
    }

    /**
     * @param what what the name is for, in the message
     * @param name a name used as a file or column name
     * @return the name
     * @throws IllegalArgumentException unless it is lower snake case (letters, digits, underscores)
     * @since 0.2
     */
    public static String checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be lower snake case (a-z, 0-9, _); found '" + name + "'");
        }
        return name;
    }
}

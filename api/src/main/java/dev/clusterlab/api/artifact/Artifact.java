package dev.clusterlab.api.artifact;

import java.util.OptionalInt;

/**
 * Something a fit produces besides labels, attached to a result under a name
 * ({@link dev.clusterlab.api.algorithm.ClusteringResult.Builder#artifact}). Every artifact is a table
 * ({@link #table()}), so a host writes it to a CSV file and carries it between processes without
 * knowing its kind; the standard kinds ({@link ArtifactKinds}) are also drawn in reports and read back
 * as their own types. A plugin may define a kind of its own: implement this interface (or use
 * {@link TableArtifact}); it is written and read back as a table.
 *
 * @since 0.2
 */
public interface Artifact {
    /**
     * @return the kind, lower snake case: one of {@link ArtifactKinds}' constants, or a plugin's own
     * @since 0.2
     */
    String kind();

    /**
     * @return the artifact as named columns (a column named {@code row} holds dataset rows)
     * @since 0.2
     */
    ArtifactTable table();

    /**
     * @return the number of dataset rows this artifact describes one by one (checked against the
     *     result's labels), or empty when it is not per point
     * @since 0.2
     */
    default OptionalInt points() {
        return OptionalInt.empty();
    }
}

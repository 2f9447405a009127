package dev.clusterlab.api.artifact;

import java.util.Objects;

/**
 * An artifact that is only its table: a kind no standard type stands for, as a plugin made it or as a
 * host read it back from a file.
 *
 * @param kind the kind, lower snake case
 * @param table the columns
 * @since 0.2
 */
public record TableArtifact(String kind, ArtifactTable table) implements Artifact {
    /** @throws IllegalArgumentException if the kind is not lower snake case @since 0.2 */
    public TableArtifact {
        ArtifactKinds.checkName("artifact kind", kind);
        Objects.requireNonNull(table, "table");
    }
}

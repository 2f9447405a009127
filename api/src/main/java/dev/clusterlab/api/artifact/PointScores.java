package dev.clusterlab.api.artifact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Named values, one per point, in row order: by convention {@code probability} (membership strength in
 * [0, 1]), {@code outlier_score} (higher is more outlying), {@code core_distance}, {@code reachability}.
 * Its table is {@code row} then one column per score.
 *
 * @param scores by name (arrays taken over, not copied)
 * @param n the number of points
 * @since 0.2
 */
public record PointScores(Map<String, double[]> scores, int n) implements Artifact {
    /** @throws IllegalArgumentException if a score has not {@code n} values or a bad name @since 0.2 */
    public PointScores {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            ArtifactKinds.checkName("point score name", e.getKey());
            if (e.getKey().equals("row")) {
                throw new IllegalArgumentException("'row' is not a point score name: the table uses it for the row");
            }
            if (e.getValue().length != n) {
                throw new IllegalArgumentException("point score '" + e.getKey() + "' has " + e.getValue().length + " values for "
                        + n + " rows");
            }
        }
    }

    @Override
    public String kind() {
        return ArtifactKinds.POINT_SCORES;
    }

    @Override
    public OptionalInt points() {
        return OptionalInt.of(n);
    }

    @Override
    public ArtifactTable table() {
        ArtifactTable.Builder b = ArtifactTable.builder().ints("row", Reachability.identity(n));
        scores.forEach(b::reals);
        return b.build();
    }

    /**
     * @param t a table with a {@code row} column {@code 0..n-1} in order and one real column per score
     * @return the scores
     * @throws IllegalArgumentException if the rows are not {@code 0..n-1} in order
     * @since 0.2
     */
    public static PointScores fromTable(ArtifactTable t) {
        int[] rows = t.ints("row");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != i) {
                throw new IllegalArgumentException("column 'row', row " + i + ": expected " + i + "; found " + rows[i]);
            }
        }
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (String name : t.names()) {
            if (!name.equals("row")) {
                scores.put(name, t.reals(name));
            }
        }
        return new PointScores(scores, rows.length);
    }
}

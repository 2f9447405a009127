package dev.clusterlab.api.artifact;

import java.util.OptionalInt;

/**
 * A cluster ordering with reachability (OPTICS' reachability plot, scikit-learn's {@code ordering_},
 * {@code reachability_}, {@code core_distances_}), in plot order: position {@code i} is row
 * {@code ordering[i]}. Its table is {@code position,row,reachability,core_distance}.
 *
 * @param ordering the rows in visiting order, a permutation of {@code 0..n-1}
 * @param reachability per position, {@code +inf} where undefined
 * @param coreDistance per position, {@code +inf} where undefined, NaN where unknown
 * @since 0.2
 */
public record Reachability(int[] ordering, double[] reachability, double[] coreDistance) implements Artifact {
    /**
     * @throws IllegalArgumentException if the lengths differ or the ordering is not a permutation (naming the position)
     * @since 0.2
     */
    public Reachability {
        int n = ordering.length;
        if (reachability.length != n || coreDistance.length != n) {
            throw new IllegalArgumentException("a reachability plot needs one reachability and core distance per position; got "
                    + n + " positions, " + reachability.length + " reachabilities and " + coreDistance.length + " core distances");
        }
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int row = ordering[i];
            if (row < 0 || row >= n || seen[row]) {
                throw new IllegalArgumentException("position " + i + ": row " + row + " is out of range or repeated; the ordering"
                        + " must be a permutation of 0.." + (n - 1));
            }
            seen[row] = true;
        }
    }

    /**
     * @param ordering the rows in visiting order
     * @param reachabilityByRow reachability per row
     * @param coreDistanceByRow core distance per row, or {@code null} if unknown
     * @return the plot in position order
     * @since 0.2
     */
    public static Reachability ofRows(int[] ordering, double[] reachabilityByRow, double[] coreDistanceByRow) {
        int n = ordering.length;
        double[] reach = new double[n];
        double[] core = new double[n];
        for (int i = 0; i < n; i++) {
            reach[i] = reachabilityByRow[ordering[i]];
            core[i] = coreDistanceByRow == null ? Double.NaN : coreDistanceByRow[ordering[i]];
        }
        return new Reachability(ordering.clone(), reach, core);
    }

    @Override
    public String kind() {
        return ArtifactKinds.REACHABILITY;
    }

    @Override
    public OptionalInt points() {
        return OptionalInt.of(ordering.length);
    }

    @Override
    public ArtifactTable table() {
        return ArtifactTable.builder().ints("position", identity(ordering.length)).ints("row", ordering)
                .reals("reachability", reachability).reals("core_distance", coreDistance).build();
    }

    /**
     * @param t a table with the columns of {@link #table()} ({@code position} {@code 0..n-1} in order)
     * @return the plot
     * @throws IllegalArgumentException naming the column and row when it does not fit
     * @since 0.2
     */
    public static Reachability fromTable(ArtifactTable t) {
        int[] position = t.ints("position");
        for (int i = 0; i < position.length; i++) {
            if (position[i] != i) {
                throw new IllegalArgumentException("column 'position', row " + i + ": expected position " + i + "; found "
                        + position[i]);
            }
        }
        return new Reachability(t.ints("row"), t.reals("reachability"), t.reals("core_distance"));
    }

    static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}

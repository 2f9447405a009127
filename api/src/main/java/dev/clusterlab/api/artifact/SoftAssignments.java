package dev.clusterlab.api.artifact;

import java.util.OptionalInt;

/**
 * Per-point membership probabilities, as scikit-learn's {@code predict_proba}: row-major {@code n x k},
 * each row summing to 1. Its table is {@code row,p0,...,p(k-1)}.
 *
 * @param probabilities row-major {@code n x k} (taken over, not copied)
 * @param n points
 * @param k clusters or components
 * @since 0.2
 */
public record SoftAssignments(double[] probabilities, int n, int k) implements Artifact {
    /** @throws IllegalArgumentException if the matrix is not {@code n x k} @since 0.2 */
    public SoftAssignments {
        if (k < 1 || n < 0 || probabilities.length != (long) n * k) {
            throw new IllegalArgumentException("soft assignments need n x k = " + n + " x " + k + " values; got "
                    + probabilities.length);
        }
    }

    @Override
    public String kind() {
        return ArtifactKinds.SOFT_ASSIGNMENTS;
    }

    @Override
    public OptionalInt points() {
        return OptionalInt.of(n);
    }

    @Override
    public ArtifactTable table() {
        ArtifactTable.Builder b = ArtifactTable.builder().ints("row", Reachability.identity(n));
        for (int c = 0; c < k; c++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = probabilities[i * k + c];
            }
            b.reals("p" + c, col);
        }
        return b.build();
    }

    /**
     * @param t a table with {@code row} and {@code p0..p(k-1)}
     * @return the matrix
     * @throws IllegalArgumentException when a column is missing
     * @since 0.2
     */
    public static SoftAssignments fromTable(ArtifactTable t) {
        int n = t.rows();
        int k = 0;
        while (t.has("p" + k)) {
            k++;
        }
        double[] p = new double[n * k];
        for (int c = 0; c < k; c++) {
            double[] col = t.reals("p" + c);
            for (int i = 0; i < n; i++) {
                p[i * k + c] = col[i];
            }
        }
        return new SoftAssignments(p, n, k);
    }
}

package dev.clusterlab.api.artifact;

import java.util.OptionalInt;

/**
 * New coordinates for every point, row-major {@code n x m}: a spectral embedding (scikit-learn's
 * {@code spectral_embedding}), a projection, any map of the points into a space where the algorithm
 * clustered them. The report draws the first two coordinates coloured by the labels. Its table is
 * {@code row,e0,...,e(m-1)}.
 *
 * @param coordinates row-major {@code n x m} (taken over, not copied)
 * @param n points
 * @param m coordinates per point, at least 1
 * @since 0.2
 */
public record Embedding(double[] coordinates, int n, int m) implements Artifact {
    /** @throws IllegalArgumentException if the matrix is not {@code n x m} @since 0.2 */
    public Embedding {
        if (m < 1 || n < 0 || coordinates.length != (long) n * m) {
            throw new IllegalArgumentException("an embedding needs n x m = " + n + " x " + m + " values with m >= 1; got "
                    + coordinates.length);
        }
    }

    @Override
    public String kind() {
        return ArtifactKinds.EMBEDDING;
    }

    @Override
    public OptionalInt points() {
        return OptionalInt.of(n);
    }

    @Override
    public ArtifactTable table() {
        ArtifactTable.Builder b = ArtifactTable.builder().ints("row", Reachability.identity(n));
        for (int c = 0; c < m; c++) {
            b.reals("e" + c, column(c));
        }
        return b.build();
    }

    /**
     * @param c a coordinate, {@code 0 <= c < m}
     * @return that coordinate of every point, a new array
     * @since 0.2
     */
    public double[] column(int c) {
        double[] col = new double[n];
        for (int i = 0; i < n; i++) {
            col[i] = coordinates[i * m + c];
        }
        return col;
    }

    /**
     * @param t a table with {@code row} and {@code e0..e(m-1)}
     * @return the embedding
     * @throws IllegalArgumentException when no coordinate column is there
     * @since 0.2
     */
    public static Embedding fromTable(ArtifactTable t) {
        int n = t.rows();
        int m = 0;
        while (t.has("e" + m)) {
            m++;
        }
        double[] v = new double[n * m];
        for (int c = 0; c < m; c++) {
            double[] col = t.reals("e" + c);
            for (int i = 0; i < n; i++) {
                v[i * m + c] = col[i];
            }
        }
        return new Embedding(v, n, m);
    }
}

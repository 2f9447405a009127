package dev.clusterlab.api.artifact;

/**
 * Cluster centres, row-major {@code k x d} in the space the algorithm saw (after preprocessing). Its
 * table is {@code cluster,x0,...,x(d-1)}.
 *
 * @param values row-major {@code k x d} (taken over, not copied)
 * @param k centres
 * @param d dimensions
 * @since 0.2
 */
public record Centroids(float[] values, int k, int d) implements Artifact {
    /** @throws IllegalArgumentException if the array is not {@code k x d} @since 0.2 */
    public Centroids {
        if (k < 0 || d < 0 || values.length != (long) k * d) {
            throw new IllegalArgumentException("centroids need k x d = " + k + " x " + d + " values; got " + values.length);
        }
    }

    @Override
    public String kind() {
        return ArtifactKinds.CENTROIDS;
    }

    @Override
    public ArtifactTable table() {
        ArtifactTable.Builder b = ArtifactTable.builder().ints("cluster", Reachability.identity(k));
        for (int j = 0; j < d; j++) {
            double[] col = new double[k];
            for (int c = 0; c < k; c++) {
                col[c] = values[c * d + j];
            }
            b.reals("x" + j, col);
        }
        return b.build();
    }

    /**
     * @param t a table with {@code cluster} and {@code x0..x(d-1)}
     * @return the centres (values narrowed to float, exact for values written from floats)
     * @since 0.2
     */
    public static Centroids fromTable(ArtifactTable t) {
        int k = t.rows();
        int d = 0;
        while (t.has("x" + d)) {
            d++;
        }
        float[] v = new float[k * d];
        for (int j = 0; j < d; j++) {
            double[] col = t.reals("x" + j);
            for (int c = 0; c < k; c++) {
                v[c * d + j] = (float) col[c];
            }
        }
        return new Centroids(v, k, d);
    }
}

package dev.clusterlab.host.data;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;

/**
 * Stretched, sheared blobs: 2-D {@link BlobsGenerator} output multiplied by the matrix
 * {@code [[0.6, -0.6], [-0.4, 0.8]]} of scikit-learn's clustering comparison example. The clusters are
 * elongated ellipses at an angle, where k-means' spherical assumption misplaces points.
 */
public final class AnisotropicGenerator implements DatasetGenerator {
    private static final double[][] SHEAR = {{0.6, -0.6}, {-0.4, 0.8}};

    @Override
    public String id() {
        return "anisotropic";
    }

    @Override
    public String description() {
        return "2-D Gaussian blobs sheared into slanted ellipses (scikit-learn's clustering comparison example)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("n", 100L, 1, 100_000_000, "number of points"),
                ParamSpec.integer("centers", 3L, 1, 1_000_000, "number of blobs"),
                ParamSpec.real("cluster_std", 1.0, 0, true, Double.POSITIVE_INFINITY, false, "standard deviation before shearing"));
    }

    @Override
    public Dataset generate(String name, Params p, long seed) {
        Dataset blobs = new BlobsGenerator().generate(name, BlobsParams.of(p.getInt("n"), 2, p.getInt("centers"),
                p.getDouble("cluster_std")), seed);
        float[] x = blobs.data();
        float[] out = new float[x.length];
        for (int i = 0; i < blobs.n(); i++) {
            double a = x[2 * i];
            double b = x[2 * i + 1];
            // row vector times matrix, as X @ transformation in the example
            out[2 * i] = (float) (a * SHEAR[0][0] + b * SHEAR[1][0]);
            out[2 * i + 1] = (float) (a * SHEAR[0][1] + b * SHEAR[1][1]);
        }
        return blobs.withValues(2, out, null);
    }
}

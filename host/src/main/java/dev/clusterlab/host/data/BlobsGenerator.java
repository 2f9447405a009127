package dev.clusterlab.host.data;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;

/**
 * Isotropic Gaussian blobs, as scikit-learn's {@code make_blobs}: centres drawn uniformly in
 * {@code [-center_box, center_box]^d}, points split evenly between centres (the first ones get the
 * remainder), shuffled. Same parameters and defaults; a different random stream, so not the same points.
 */
public final class BlobsGenerator implements DatasetGenerator {
    @Override
    public String id() {
        return "blobs";
    }

    @Override
    public String description() {
        return "isotropic Gaussian blobs (scikit-learn's make_blobs)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("n", 100L, 1, 100_000_000, "number of points"),
                ParamSpec.integer("d", 2L, 1, 100_000, "number of features"),
                ParamSpec.integer("centers", 3L, 1, 1_000_000, "number of blobs"),
                ParamSpec.real("cluster_std", 1.0, 0, true, Double.POSITIVE_INFINITY, false, "standard deviation of each blob"),
                ParamSpec.real("center_box", 10.0, 0, false, Double.POSITIVE_INFINITY, false,
                        "centres are drawn uniformly in [-center_box, center_box] per feature"));
    }

    @Override
    public Dataset generate(String name, Params p, long seed) {
        int n = p.getInt("n");
        int d = p.getInt("d");
        int centers = p.getInt("centers");
        double std = p.getDouble("cluster_std");
        double box = p.getDouble("center_box");
        return BlobSampler.sample(name, n, d, centers, box, b -> std, seed);
    }
}

package dev.clusterlab.host.data;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;

/**
 * Blobs of varied density, as scikit-learn's clustering comparison example ({@code cluster_std =
 * [1.0, 2.5, 0.5]}): blob {@code i} gets the standard deviation {@code stds[i % 3] * spread}. A single
 * {@code eps} cannot fit every cluster, which is where HDBSCAN and OPTICS earn their keep.
 */
public final class VariedGenerator implements DatasetGenerator {
    private static final double[] STDS = {1.0, 2.5, 0.5};

    @Override
    public String id() {
        return "varied";
    }

    @Override
    public String description() {
        return "Gaussian blobs of varied density, standard deviations 1.0, 2.5, 0.5 (scikit-learn's comparison example)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("n", 100L, 1, 100_000_000, "number of points"),
                ParamSpec.integer("d", 2L, 1, 100_000, "number of features"),
                ParamSpec.integer("centers", 3L, 1, 1_000_000, "number of blobs"),
                ParamSpec.real("spread", 1.0, 0, false, Double.POSITIVE_INFINITY, false, "multiplies the standard deviations"),
                ParamSpec.real("center_box", 10.0, 0, false, Double.POSITIVE_INFINITY, false, "centres uniform in [-center_box, center_box]"));
    }

    @Override
    public Dataset generate(String name, Params p, long seed) {
        int n = p.getInt("n");
        int d = p.getInt("d");
        int centers = p.getInt("centers");
        double spread = p.getDouble("spread");
        double box = p.getDouble("center_box");
        return BlobSampler.sample(name, n, d, centers, box, b -> STDS[b % STDS.length] * spread, seed);
    }
}

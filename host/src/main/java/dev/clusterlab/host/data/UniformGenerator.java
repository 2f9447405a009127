package dev.clusterlab.host.data;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Uniform noise in a box, with no structure at all: every point's ground truth is noise ({@code -1}),
 * so external metrics are undefined and internal ones show how much structure an algorithm invents.
 */
public final class UniformGenerator implements DatasetGenerator {
    @Override
    public String id() {
        return "uniform";
    }

    @Override
    public String description() {
        return "uniform noise in a box, no clusters (ground truth: all noise)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("n", 100L, 1, 100_000_000, "number of points"),
                ParamSpec.integer("d", 2L, 1, 100_000, "number of features"),
                ParamSpec.real("box", 10.0, 0, false, Double.POSITIVE_INFINITY, false, "points uniform in [-box, box] per feature"));
    }

    @Override
    public Dataset generate(String name, Params p, long seed) {
        int n = p.getInt("n");
        int d = p.getInt("d");
        double box = p.getDouble("box");
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[Math.multiplyExact(n, d)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (-box + 2 * box * rnd.nextDouble());
        }
        int[] truth = new int[n];
        Arrays.fill(truth, -1);
        return Dataset.of(name, n, d, x, null, truth);
    }
}

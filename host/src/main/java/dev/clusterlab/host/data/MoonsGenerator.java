package dev.clusterlab.host.data;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two interleaving half circles, as scikit-learn's {@code make_moons}: the outer moon gets
 * {@code n / 2} points, the inner the rest, Gaussian noise of standard deviation {@code noise} is
 * added, and the points are shuffled. A classic case where k-means fails and density methods win.
 */
public final class MoonsGenerator implements DatasetGenerator {
    @Override
    public String id() {
        return "moons";
    }

    @Override
    public String description() {
        return "two interleaving half circles (scikit-learn's make_moons)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("n", 100L, 2, 100_000_000, "number of points"),
                ParamSpec.real("noise", 0.0, 0, true, Double.POSITIVE_INFINITY, false, "standard deviation of the Gaussian noise"));
    }

    @Override
    public Dataset generate(String name, Params p, long seed) {
        int n = p.getInt("n");
        double noise = p.getDouble("noise");
        int outer = n / 2;
        int inner = n - outer;
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        int[] truth = new int[n];
        for (int i = 0; i < outer; i++) {
            double t = outer == 1 ? 0 : Math.PI * i / (outer - 1);
            x[2 * i] = (float) (Math.cos(t) + noise * Gaussian.next(rnd));
            x[2 * i + 1] = (float) (Math.sin(t) + noise * Gaussian.next(rnd));
            truth[i] = 0;
        }
        for (int i = 0; i < inner; i++) {
            double t = inner == 1 ? 0 : Math.PI * i / (inner - 1);
            int r = outer + i;
            x[2 * r] = (float) (1 - Math.cos(t) + noise * Gaussian.next(rnd));
            x[2 * r + 1] = (float) (1 - Math.sin(t) - 0.5 + noise * Gaussian.next(rnd));
            truth[r] = 1;
        }
        return Shuffle.apply(name, x, truth, n, 2, rnd);
    }
}

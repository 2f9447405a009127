package dev.clusterlab.host.data;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small circle inside a large one, as scikit-learn's {@code make_circles}: {@code n / 2} points on the
 * outer unit circle (label 0), the rest on the inner circle of radius {@code factor} (label 1), each
 * evenly spaced in angle, plus Gaussian noise, shuffled. Non-convex: centroid methods fail.
 */
public final class CirclesGenerator implements DatasetGenerator {
    @Override
    public String id() {
        return "circles";
    }

    @Override
    public String description() {
        return "a small circle inside a large one (scikit-learn's make_circles)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("n", 100L, 2, 100_000_000, "number of points"),
                ParamSpec.real("noise", 0.0, 0, true, Double.POSITIVE_INFINITY, false, "standard deviation of the Gaussian noise"),
                ParamSpec.real("factor", 0.8, 0, false, 1, false, "radius of the inner circle relative to the outer one"));
    }

    @Override
    public Dataset generate(String name, Params p, long seed) {
        int n = p.getInt("n");
        double noise = p.getDouble("noise");
        double factor = p.getDouble("factor");
        int outer = n / 2;
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            boolean isOuter = i < outer;
            int count = isOuter ? outer : n - outer;
            int j = isOuter ? i : i - outer;
            // endpoint=False as scikit-learn: angles 0, 2pi/count, ..., never 2pi itself
            double t = 2 * Math.PI * j / count;
            double r = isOuter ? 1 : factor;
            x[2 * i] = (float) (r * Math.cos(t) + noise * Gaussian.next(rnd));
            x[2 * i + 1] = (float) (r * Math.sin(t) + noise * Gaussian.next(rnd));
            truth[i] = isOuter ? 0 : 1;
        }
        return Shuffle.apply(name, x, truth, n, 2, rnd);
    }
}

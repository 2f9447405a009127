package dev.clusterlab.host.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamBinder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape generators keep the geometry their scikit-learn counterparts define. */
class ShapeGeneratorsTest {
    private static Dataset make(DatasetGenerator g, Map<String, Object> params, long seed) {
        return g.generate("t", ParamBinder.bind(g.id(), g.params(), params), seed);
    }

    @Test
    void circlesWithoutNoiseLieOnTwoCirclesHalfAndHalf() {
        Dataset c = make(new CirclesGenerator(), Map.of("n", 101, "factor", 0.3), 4);
        int outer = 0;
        for (int i = 0; i < c.n(); i++) {
            double r = Math.hypot(c.get(i, 0), c.get(i, 1));
            int label = c.truth().orElseThrow()[i];
            assertThat(r).isCloseTo(label == 0 ? 1.0 : 0.3, within(1e-6));
            outer += label == 0 ? 1 : 0;
        }
        assertThat(outer).isEqualTo(50); // n / 2 on the outer circle, as make_circles
    }

    @Test
    void anisotropicIsTheBlobsTimesTheShearMatrix() {
        Dataset a = make(new AnisotropicGenerator(), Map.of("n", 60, "centers", 3), 9);
        Dataset b = make(new BlobsGenerator(), Map.of("n", 60, "d", 2, "centers", 3), 9);
        for (int i = 0; i < a.n(); i++) {
            double x = b.get(i, 0);
            double y = b.get(i, 1);
            assertThat((double) a.get(i, 0)).isCloseTo(0.6 * x - 0.4 * y, within(1e-5));
            assertThat((double) a.get(i, 1)).isCloseTo(-0.6 * x + 0.8 * y, within(1e-5));
        }
        assertThat(a.truth().orElseThrow()).isEqualTo(b.truth().orElseThrow());
    }

    @Test
    void variedBlobsHaveTheirOwnSpreads() {
        Dataset v = make(new VariedGenerator(), Map.of("n", 30_000, "d", 1, "centers", 3, "center_box", 1000.0), 2);
        double[] sum = new double[3];
        double[] sq = new double[3];
        int[] count = new int[3];
        int[] truth = v.truth().orElseThrow();
        for (int i = 0; i < v.n(); i++) {
            sum[truth[i]] += v.get(i, 0);
            sq[truth[i]] += (double) v.get(i, 0) * v.get(i, 0);
            count[truth[i]]++;
        }
        double[] expected = {1.0, 2.5, 0.5};
        for (int c = 0; c < 3; c++) {
            double mean = sum[c] / count[c];
            double sd = Math.sqrt(sq[c] / count[c] - mean * mean);
            assertThat(sd).as("std of blob %d", c).isCloseTo(expected[c], within(0.05 * expected[c]));
        }
    }

    @Test
    void uniformNoiseIsAllNoiseInsideTheBox() {
        Dataset u = make(new UniformGenerator(), Map.of("n", 500, "d", 3, "box", 2.0), 1);
        assertThat(u.truth().orElseThrow()).containsOnly(-1);
        for (float x : u.data()) {
            assertThat(x).isBetween(-2f, 2f);
        }
    }
}

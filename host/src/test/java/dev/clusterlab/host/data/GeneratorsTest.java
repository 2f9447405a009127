package dev.clusterlab.host.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.host.experiment.DatasetSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
    private static final DatasetGenerator BLOBS = new BlobsGenerator();
    private static final DatasetGenerator MOONS = new MoonsGenerator();

    private static Dataset gen(DatasetGenerator g, Map<String, ?> raw, long seed) {
        Params p = ParamBinder.bind(g.id(), g.params(), raw);
        return g.generate("g", p, seed);
    }

    private static Map<Integer, Integer> counts(Dataset d) {
        Map<Integer, Integer> c = new TreeMap<>();
        for (int l : d.truth().orElseThrow()) {
            c.merge(l, 1, Integer::sum);
        }
        return c;
    }

    @Test
    void registry() {
        assertThat(Generators.ids()).containsExactly("blobs", "moons", "circles", "anisotropic", "varied", "uniform");
        assertThat(Generators.byId("moons")).containsInstanceOf(MoonsGenerator.class);
        assertThat(Generators.byId("spirals")).isEmpty();
    }

    @Test
    void blobsSameSeedSameDataAndLabels() {
        Dataset a = gen(BLOBS, Map.of("n", 300L, "d", 3L, "centers", 4L), 7);
        Dataset b = gen(BLOBS, Map.of("n", 300L, "d", 3L, "centers", 4L), 7);
        assertThat(a.data()).containsExactly(b.data());
        assertThat(a.truth().orElseThrow()).containsExactly(b.truth().orElseThrow());
    }

    @Test
    void blobsDifferentSeedDifferentData() {
        Dataset a = gen(BLOBS, Map.of(), 1);
        Dataset b = gen(BLOBS, Map.of(), 2);
        assertThat(Arrays.equals(a.data(), b.data())).isFalse();
    }

    @Test
    void blobsSizesAsMakeBlobs() {
        Dataset d = gen(BLOBS, Map.of("n", 10L, "d", 5L, "centers", 4L), 0);
        assertThat(d.n()).isEqualTo(10);
        assertThat(d.d()).isEqualTo(5);
        // make_blobs: n // centers each, the remainder one by one to the first centres
        assertThat(counts(d)).containsExactly(Map.entry(0, 3), Map.entry(1, 3), Map.entry(2, 2), Map.entry(3, 2));
        Dataset defaults = gen(BLOBS, Map.of(), 0);
        assertThat(defaults.n()).isEqualTo(100);
        assertThat(defaults.d()).isEqualTo(2);
        assertThat(counts(defaults)).containsExactly(Map.entry(0, 34), Map.entry(1, 33), Map.entry(2, 33));
    }

    @Test
    void blobsStayNearTheirCentreInTheBox() {
        Dataset d = gen(BLOBS, Map.of("n", 3000L, "centers", 3L, "cluster_std", 0.5, "center_box", 5.0), 3);
        int[] t = d.truth().orElseThrow();
        for (int c = 0; c < 3; c++) {
            double sx = 0;
            double sy = 0;
            int m = 0;
            for (int i = 0; i < d.n(); i++) {
                if (t[i] == c) {
                    sx += d.get(i, 0);
                    sy += d.get(i, 1);
                    m++;
                }
            }
            assertThat(sx / m).isBetween(-5.2, 5.2);
            assertThat(sy / m).isBetween(-5.2, 5.2);
            double var = 0;
            for (int i = 0; i < d.n(); i++) {
                if (t[i] == c) {
                    var += Math.pow(d.get(i, 0) - sx / m, 2);
                }
            }
            assertThat(Math.sqrt(var / m)).isCloseTo(0.5, within(0.05));
        }
    }

    @Test
    void blobsAreShuffled() {
        int[] t = gen(BLOBS, Map.of("n", 200L, "centers", 2L), 5).truth().orElseThrow();
        int[] sorted = t.clone();
        Arrays.sort(sorted);
        assertThat(t).isNotEqualTo(sorted);
    }

    @Test
    void moonsSameSeedSameDataDifferentSeedDifferentData() {
        Dataset a = gen(MOONS, Map.of("n", 200L, "noise", 0.1), 11);
        Dataset b = gen(MOONS, Map.of("n", 200L, "noise", 0.1), 11);
        Dataset c = gen(MOONS, Map.of("n", 200L, "noise", 0.1), 12);
        assertThat(a.data()).containsExactly(b.data());
        assertThat(a.truth().orElseThrow()).containsExactly(b.truth().orElseThrow());
        assertThat(Arrays.equals(a.data(), c.data())).isFalse();
    }

    @Test
    void moonsSizesAsMakeMoons() {
        Dataset odd = gen(MOONS, Map.of("n", 101L), 0);
        assertThat(odd.n()).isEqualTo(101);
        assertThat(odd.d()).isEqualTo(2);
        // make_moons: n // 2 on the outer moon (label 0), the rest on the inner one (label 1)
        assertThat(counts(odd)).containsExactly(Map.entry(0, 50), Map.entry(1, 51));
        assertThat(counts(gen(MOONS, Map.of("n", 2L), 0))).containsExactly(Map.entry(0, 1), Map.entry(1, 1));
    }

    @Test
    void moonsWithoutNoiseLieExactlyOnTheTwoHalfCircles() {
        Dataset d = gen(MOONS, Map.of("n", 301L, "noise", 0.0), 4);
        int[] t = d.truth().orElseThrow();
        boolean outerLeft = false;
        boolean outerRight = false;
        boolean innerLeft = false;
        boolean innerRight = false;
        for (int i = 0; i < d.n(); i++) {
            double x = d.get(i, 0);
            double y = d.get(i, 1);
            if (t[i] == 0) {
                // outer: (cos t, sin t), t in [0, pi]
                assertThat(Math.hypot(x, y)).isCloseTo(1.0, within(1e-6));
                assertThat(y).isGreaterThanOrEqualTo(-1e-6);
                outerLeft |= Math.abs(x + 1) < 1e-6 && Math.abs(y) < 1e-6;
                outerRight |= Math.abs(x - 1) < 1e-6 && Math.abs(y) < 1e-6;
            } else {
                assertThat(t[i]).isEqualTo(1);
                // inner: (1 - cos t, 1 - sin t - 0.5), t in [0, pi]
                assertThat(Math.hypot(x - 1, y - 0.5)).isCloseTo(1.0, within(1e-6));
                assertThat(y).isLessThanOrEqualTo(0.5 + 1e-6);
                innerLeft |= Math.abs(x) < 1e-6 && Math.abs(y - 0.5) < 1e-6;
                innerRight |= Math.abs(x - 2) < 1e-6 && Math.abs(y - 0.5) < 1e-6;
            }
        }
        assertThat(outerLeft && outerRight).as("the outer moon spans t = 0 .. pi inclusive").isTrue();
        assertThat(innerLeft && innerRight).as("the inner moon spans t = 0 .. pi inclusive").isTrue();
    }

    @Test
    void moonsWithNoiseLeaveTheCircles() {
        Dataset d = gen(MOONS, Map.of("n", 200L, "noise", 0.2), 4);
        double maxOff = 0;
        int[] t = d.truth().orElseThrow();
        for (int i = 0; i < d.n(); i++) {
            double r = t[i] == 0 ? Math.hypot(d.get(i, 0), d.get(i, 1)) : Math.hypot(d.get(i, 0) - 1, d.get(i, 1) - 0.5);
            maxOff = Math.max(maxOff, Math.abs(r - 1));
        }
        assertThat(maxOff).isGreaterThan(0.1);
    }

    @Test
    void datasetLoaderUsesTheGeneratorSeedElseTheExperimentSeed() {
        DatasetSpec.Generated own = new DatasetSpec.Generated("m", "moons", Map.of("seed", 5L, "n", 50L, "noise", 0.1));
        DatasetSpec.Generated inherit = new DatasetSpec.Generated("m", "moons", Map.of("n", 50L, "noise", 0.1));
        Dataset a = DatasetLoader.load(own, 99);
        Dataset b = DatasetLoader.load(inherit, 5);
        Dataset c = DatasetLoader.load(inherit, 6);
        assertThat(a.data()).containsExactly(b.data());
        assertThat(Arrays.equals(a.data(), c.data())).isFalse();
        assertThat(a.name()).isEqualTo("m");
    }
}

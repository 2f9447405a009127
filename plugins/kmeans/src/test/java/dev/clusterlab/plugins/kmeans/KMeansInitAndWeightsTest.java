package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.testkit.AdjustedRand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.testkit.EasyBlobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** k-means||, given centroids, and sample weights. */
class KMeansInitAndWeightsTest {
    private static final KMeansAlgorithm KMEANS = new KMeansAlgorithm();

    @TempDir
    Path dir;

    private static ExecutionContext context(int threads, long seed) {
        return ExecutionContextFactory.load().create(threads, seed);
    }

    private static KMeansParams params(int k, KMeansParams.Init init, String centroids) {
        return new KMeansParams(k, init, 1, 300, 1e-4, KMeansParams.Variant.LLOYD, centroids);
    }

    private Path csv(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void kMeansParallelFindsEveryBlobAndDoesNotDependOnTheThreadCount() {
        Dataset data = KMeansVariantsTest.blobs(30_000, 4, 20, 0.3, 5);
        int[] truth = data.truth().orElseThrow();
        ClusteringResult one = KMEANS.fit(data, params(20, KMeansParams.Init.K_MEANS_PARALLEL, ""), context(1, 3));
        ClusteringResult two = KMEANS.fit(data, params(20, KMeansParams.Init.K_MEANS_PARALLEL, ""), context(2, 3));
        assertThat(two.labels()).isEqualTo(one.labels());
        assertThat(AdjustedRand.of(truth, one.labels())).isGreaterThan(0.95);
    }

    @Test
    void kMeansParallelDrawsAboutTwoKCandidatesPerRound() {
        Dataset data = KMeansVariantsTest.blobs(20_000, 3, 10, 1.0, 2);
        // With l = 2k per round and 5 rounds, the initial centres are rows of the data, chosen among ~100.
        float[] centres = new KMeansParallel().centres(Points.of(data), 10, new SplittableRandom(1), context(2, 1));
        assertThat(centres).hasSize(30);
        for (int c = 0; c < 10; c++) {
            boolean isRow = false;
            for (int i = 0; i < data.n() && !isRow; i++) {
                isRow = data.get(i, 0) == centres[c * 3] && data.get(i, 1) == centres[c * 3 + 1] && data.get(i, 2) == centres[c * 3 + 2];
            }
            assertThat(isRow).as("centre %d is a row", c).isTrue();
        }
    }

    @Test
    void kMeansParallelOnFewerPointsThanCandidatesStillGivesKCentres() {
        Dataset tiny = Dataset.of("tiny", new float[][] {{0f}, {0f}, {0f}, {1f}});
        ClusteringResult r = KMEANS.fit(tiny, params(3, KMeansParams.Init.K_MEANS_PARALLEL, ""), context(1, 2));
        assertThat(r.labels()).hasSize(4);
        assertThat(r.centroids().orElseThrow()).doesNotContain(Float.NaN);
    }

    @Test
    void givenCentroidsStartTheRunAndAHeaderIsSkipped() throws IOException {
        Dataset data = EasyBlobs.generate(3, 40, 2, 9);
        Path file = csv("c.csv", "a,b\n0,0\n20,20\n40,0\n");
        ClusteringResult r = KMEANS.fit(data, params(3, KMeansParams.Init.RANDOM, file.toString()), context(1, 1));
        int[] truth = data.truth().orElseThrow();
        assertThat(AdjustedRand.of(truth, r.labels())).isEqualTo(1.0);
        // EasyBlobs puts blob c near (20c, 20(c mod 2)), so given centre c keeps blob c.
        for (int i = 0; i < truth.length; i++) {
            assertThat(r.labels()[i]).isEqualTo(truth[i]);
        }
        ClusteringResult again = KMEANS.fit(data, params(3, KMeansParams.Init.RANDOM, file.toString()), context(1, 99));
        assertThat(again.labels()).as("the seed does not matter").isEqualTo(r.labels());
    }

    @Test
    void givenCentroidsOfTheWrongShapeNameTheFileAndBothShapes() throws IOException {
        Dataset data = EasyBlobs.generate(3, 40, 2, 9);
        Path rows = csv("rows.csv", "0,0\n1,1\n");
        assertThatThrownBy(() -> KMEANS.fit(data, params(3, KMeansParams.Init.K_MEANS_PLUS_PLUS, rows.toString()), context(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("rows.csv")
                .hasMessageContaining("2 rows x 2 columns")
                .hasMessageContaining("expected k=3 rows x d=2 columns");
        Path columns = csv("columns.csv", "0,0,0\n1,1,1\n2,2,2\n");
        assertThatThrownBy(() -> KMEANS.fit(data, params(3, KMeansParams.Init.K_MEANS_PLUS_PLUS, columns.toString()), context(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("3 rows x 3 columns");
        Path text = csv("text.csv", "0,0\n1,x\n2,2\n");
        assertThatThrownBy(() -> KMEANS.fit(data, params(3, KMeansParams.Init.K_MEANS_PLUS_PLUS, text.toString()), context(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("line 2, column 2");
        assertThatThrownBy(() -> KMEANS.fit(data, params(3, KMeansParams.Init.K_MEANS_PLUS_PLUS, dir.resolve("none.csv").toString()), context(1, 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("none.csv");
    }

    @Test
    void initCentroidsIsBoundFromText() {
        var bound = ParamBinder.bind("kmeans", KMEANS.descriptor().params(),
                Map.of("k", "2", "init_centroids", " /tmp/c.csv ", "algorithm", "hamerly"));
        KMeansParams p = KMeansParams.from(bound);
        assertThat(p.initCentroids()).isEqualTo("/tmp/c.csv");
        assertThat(p.algorithm()).isEqualTo(KMeansParams.Variant.HAMERLY);
    }

    @Test
    void anIntegerWeightIsTheSameAsRepeatingTheRow() throws IOException {
        Dataset data = KMeansVariantsTest.blobs(500, 3, 4, 3.0, 8);
        SplittableRandom rnd = new SplittableRandom(4);
        float[] w = new float[data.n()];
        int total = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + rnd.nextInt(3);
            total += (int) w[i];
        }
        float[] repeated = new float[total * 3];
        int at = 0;
        for (int i = 0; i < data.n(); i++) {
            for (int r = 0; r < w[i]; r++) {
                System.arraycopy(data.data(), i * 3, repeated, at * 3, 3);
                at++;
            }
        }
        Path start = csv("start.csv", String.join("\n", row(data, 0), row(data, 100), row(data, 200), row(data, 300)) + "\n");
        for (KMeansParams.Variant v : KMeansParams.Variant.values()) {
            KMeansParams p = new KMeansParams(4, KMeansParams.Init.RANDOM, 1, 300, 0, v, start.toString());
            ClusteringResult weighted = KMEANS.fit(data.withWeights(w), p, context(2, 1));
            ClusteringResult copies = KMEANS.fit(Dataset.of("copies", total, 3, repeated, null, null), p, context(2, 1));
            assertThat(weighted.iterations()).as("%s", v).isEqualTo(copies.iterations());
            assertThat(weighted.objective()).as("%s", v).isCloseTo(copies.objective(), within(1e-9 * copies.objective()));
            float[] a = weighted.centroids().orElseThrow();
            float[] b = copies.centroids().orElseThrow();
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).isCloseTo(b[i], within(1e-5f * Math.max(1f, Math.abs(b[i]))));
            }
        }
    }

    private static String row(Dataset data, int i) {
        return data.get(i, 0) + "," + data.get(i, 1) + "," + data.get(i, 2);
    }

    @Test
    void rowsOfZeroWeightNeverSeedKMeansPlusPlusNorPullACentre() {
        // Half the rows sit far away with weight 0: they neither become centres nor move the means.
        int n = 400;
        float[] x = new float[n * 2];
        float[] w = new float[n];
        SplittableRandom rnd = new SplittableRandom(6);
        for (int i = 0; i < n; i++) {
            boolean ghost = i % 2 == 1;
            x[i * 2] = (float) ((ghost ? 1000 : (i % 4 == 0 ? 0 : 50)) + rnd.nextDouble());
            x[i * 2 + 1] = (float) rnd.nextDouble();
            w[i] = ghost ? 0f : 1f;
        }
        Dataset data = Dataset.of("ghosts", n, 2, x, null, null).withWeights(w);
        for (long seed = 0; seed < 10; seed++) {
            float[] start = new KMeansPlusPlus().centres(Points.of(data), 2, new SplittableRandom(seed), context(1, seed));
            assertThat(start[0]).isLessThan(100f);
            assertThat(start[2]).isLessThan(100f);
            ClusteringResult r = KMEANS.fit(data, new KMeansParams(2, KMeansParams.Init.K_MEANS_PLUS_PLUS, 1, 300, 1e-4), context(1, seed));
            float[] c = r.centroids().orElseThrow();
            assertThat(Math.min(c[0], c[2])).isLessThan(2f);
            assertThat(Math.max(c[0], c[2])).isBetween(50f, 52f);
        }
    }
}

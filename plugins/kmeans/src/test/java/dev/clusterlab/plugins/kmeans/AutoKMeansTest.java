package dev.clusterlab.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.ArtifactTable;
import dev.clusterlab.api.artifact.TableArtifact;
import dev.clusterlab.api.exec.ExecutionContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code algorithm=auto}: Lloyd until the clusters settle, then Yinyang if its filters skip enough
 * distances, else Lloyd again; the labels are Lloyd's either way and the result records what ran.
 */
class AutoKMeansTest {
    private static final KMeansAlgorithm KMEANS = new KMeansAlgorithm();

    private static KMeansParams params(int k, KMeansParams.Variant variant) {
        return new KMeansParams(k, KMeansParams.Init.K_MEANS_PLUS_PLUS, 1, 300, 0, variant, "");
    }

    private static ArtifactTable record(ClusteringResult r) {
        return ((TableArtifact) r.artifacts().get(AutoKMeans.ARTIFACT)).table();
    }

    private static int[] ints(ArtifactTable t, String name) {
        return t.columns().stream().filter(c -> c.name().equals(name)).map(c -> ((ArtifactTable.Ints) c).values())
                .findFirst().orElseThrow();
    }

    private static double[] reals(ArtifactTable t, String name) {
        return t.columns().stream().filter(c -> c.name().equals(name)).map(c -> ((ArtifactTable.Reals) c).values())
                .findFirst().orElseThrow();
    }

    @Test
    void separatedClustersInHighDimensionSwitchToYinyangAndKeepLloydsLabels() {
        int n = 16_000;
        int k = 64;
        assertThat(KMeansParams.Variant.AUTO.resolve(n, 64, k)).isEqualTo(KMeansParams.Variant.AUTO);
        Dataset data = KMeansVariantsTest.blobs(n, 64, 60, 2.0, 5);
        ClusteringResult lloyd = KMEANS.fit(data, params(k, KMeansParams.Variant.LLOYD), KMeansVariantsTest.with("scalar", 2, 5));
        ClusteringResult auto = KMEANS.fit(data, params(k, KMeansParams.Variant.AUTO), KMeansVariantsTest.with("scalar", 2, 5));
        assertThat(auto.labels()).isEqualTo(lloyd.labels());
        assertThat(auto.iterations()).isEqualTo(lloyd.iterations());
        assertThat(auto.objective()).isEqualTo(lloyd.objective());

        ArtifactTable t = record(auto);
        assertThat(t.rows()).isEqualTo(auto.iterations());
        int[] yinyang = ints(t, "yinyang");
        int[] lloydRan = ints(t, "lloyd");
        double[] fraction = reals(t, "distance_fraction");
        assertThat(lloydRan[0]).as("the first iteration is Lloyd's").isEqualTo(1);
        int probe = 0;
        while (probe < yinyang.length && yinyang[probe] == 0) {
            probe++;
        }
        assertThat(probe).as("Yinyang took over").isLessThan(yinyang.length - 1);
        assertThat(fraction[probe]).as("its first iteration computes every distance").isEqualTo(1.0);
        for (int i = probe; i < yinyang.length; i++) {
            assertThat(yinyang[i] + lloydRan[i]).isEqualTo(1);
            assertThat(yinyang[i]).as("kept to the end, iteration %d", i + 1).isEqualTo(1);
        }
        assertThat(fraction[probe + 1]).isLessThanOrEqualTo(AutoKMeans.KEEP);
        assertThat(auto.model().orElseThrow().state().orElseThrow()).containsEntry("variant", "auto/yinyang");
    }

    @Test
    void aProbeThatSkipsTooFewDistancesGoesBackToLloyd() {
        // Once Lloyd reassigns at most 1% of the points, Yinyang computes only a few per cent of the distances
        // even on these heavily overlapping blobs (2.7%); a threshold of 1% makes the probe fail.
        double keep = 0.01;
        Dataset data = KMeansVariantTimings.overlapping(6_000, 16, 30, 1.5, 3);
        Points points = Points.of(data);
        ExecutionContext context = KMeansVariantsTest.with("scalar", 2, 3);
        float[] start = new KMeansPlusPlus().centres(points, 30, new SplittableRandom(3), context);
        KMeansLoop loop = new KMeansLoop(points, 30, 300, 0, context);
        AutoKMeans auto = new AutoKMeans(points, 30, 300, context, keep);
        KMeansLoop.Outcome withAuto = loop.run(auto, start.clone(), 0, 1);
        KMeansLoop.Outcome lloyd = loop.run(new LloydKMeans(points, 30, context), start.clone(), 0, 1);
        assertThat(withAuto.labels()).isEqualTo(lloyd.labels());
        ArtifactTable t = auto.artifact().table();
        int[] yinyang = ints(t, "yinyang");
        double[] fraction = reals(t, "distance_fraction");
        int probe = 0;
        while (probe < yinyang.length && yinyang[probe] == 0) {
            probe++;
        }
        assertThat(probe).as("the probe happened").isLessThan(yinyang.length - 2);
        assertThat(yinyang[probe + 1]).isEqualTo(1);
        assertThat(fraction[probe + 1]).as("too many distances").isGreaterThan(keep);
        for (int i = probe + 2; i < yinyang.length; i++) {
            assertThat(yinyang[i]).as("Lloyd again at iteration %d", i + 1).isZero();
        }
        assertThat(auto.last()).isEqualTo(KMeansParams.Variant.LLOYD);
    }

    @Test
    void smallProblemsRunLloydAndSayWhy() {
        Dataset data = KMeansVariantsTest.blobs(2_000, 3, 6, 1.0, 1);
        ClusteringResult r = KMEANS.fit(data, params(6, KMeansParams.Variant.AUTO), KMeansVariantsTest.with("vector", 1, 1));
        assertThat(r.artifacts()).doesNotContainKey(AutoKMeans.ARTIFACT);
        assertThat(r.model().orElseThrow().state().orElseThrow()).containsEntry("variant", "auto/lloyd");
    }
}

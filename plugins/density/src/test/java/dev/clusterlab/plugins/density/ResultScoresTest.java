package dev.clusterlab.plugins.density;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-point scores and the ordering each algorithm puts in its result, equal to its model's. */
class ResultScoresTest {

    @Test
    void opticsPutsItsOrderingReachabilityAndCoreDistancesInTheResult() {
        Dataset data = ReferenceData.dataset("moons", false);
        ClusteringResult r = Fits.fit(new OpticsAlgorithm(), data, Map.of("min_samples", 10), 2);
        OpticsModel model = (OpticsModel) r.model().orElseThrow();
        assertThat(r.ordering()).hasValueSatisfying(o -> assertThat(o).isEqualTo(model.ordering()));
        int[] sorted = r.ordering().orElseThrow().clone();
        Arrays.sort(sorted);
        for (int i = 0; i < data.n(); i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
        assertThat(r.pointScores()).containsOnlyKeys("reachability", "core_distance");
        assertThat(r.pointScores().get("reachability")).isEqualTo(model.reachability());
        assertThat(r.pointScores().get("core_distance")).isEqualTo(model.coreDistances());
        // The plot starts at an undefined (infinite) reachability.
        assertThat(r.pointScores().get("reachability")[r.ordering().orElseThrow()[0]]).isInfinite();
    }

    @Test
    void hdbscanPutsProbabilitiesOutlierScoresAndCoreDistancesInTheResult() {
        Dataset data = ReferenceData.dataset("blobs4d", false);
        ClusteringResult r = Fits.fit(new HdbscanAlgorithm(), data, Map.of("min_cluster_size", 15), 2);
        HdbscanModel model = (HdbscanModel) r.model().orElseThrow();
        assertThat(r.ordering()).isEmpty();
        assertThat(r.pointScores()).containsOnlyKeys("probability", "outlier_score", "core_distance");
        assertThat(r.pointScores().get("probability")).isEqualTo(model.probabilities());
        assertThat(r.pointScores().get("outlier_score")).isEqualTo(model.outlierScores());
        float[] core = model.coreDistances();
        double[] scored = r.pointScores().get("core_distance");
        for (int i = 0; i < data.n(); i++) {
            assertThat(scored[i]).isEqualTo((double) core[i]);
        }
    }

    @Test
    void dbscanMarksItsCorePointsWithAZeroOneScore() {
        Dataset data = ReferenceData.dataset("moons", false);
        ClusteringResult r = Fits.fit(new DbscanAlgorithm(), data, Map.of("eps", 0.2, "min_samples", 5), 2);
        int[] coreRows = ((DbscanModel) r.model().orElseThrow()).coreSampleIndices();
        assertThat(r.pointScores()).containsOnlyKeys("core");
        double[] expected = new double[data.n()];
        for (int c : coreRows) {
            expected[c] = 1;
        }
        assertThat(r.pointScores().get("core")).isEqualTo(expected);
        assertThat(coreRows).isNotEmpty();
    }
}

package dev.clusterlab.plugins.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.param.ParameterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DBSCAN behaviour beyond the reference runs: border rule, numbering, weights, predict, metric errors. */
class DbscanBehaviourTest {

    private static Dataset line(float... xs) {
        float[][] rows = new float[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            rows[i] = new float[] {xs[i]};
        }
        return Dataset.of("line", rows);
    }

    /**
     * eps 1, min_samples 4. Row 0 (x = 5) has 3 neighbours (itself, 4.25 and 5.75), so it is a border
     * point of two clusters: R = rows 1..4 (5.75, 6.25, 6.5, 6.75) and L = rows 5..8 (3.25, 3.5, 3.75,
     * 4.25), 1.5 apart at their closest, so not connected. scikit-learn expands clusters from core points
     * in row order, so R, whose smallest core row (1) is smaller than L's (5), claims row 0. Labels are
     * numbered by first appearance: row 0, hence R, is cluster 0. Row 9 is noise.
     */
    @Test
    void aBorderPointJoinsTheClusterWithTheSmallestCoreRowAndNumberingFollowsRows() {
        ClusteringResult r = Fits.fit(new DbscanAlgorithm(), line(5, 5.75f, 6.25f, 6.5f, 6.75f, 3.25f, 3.5f, 3.75f, 4.25f, 20),
                Map.of("eps", 1.0, "min_samples", 4), 1);
        assertThat(r.labels()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, -1);
        assertThat(((DbscanModel) r.model().orElseThrow()).coreSampleIndices()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        // The same points with L first: now L's core rows come first and take the border point.
        ClusteringResult swapped = Fits.fit(new DbscanAlgorithm(), line(5, 3.25f, 3.5f, 3.75f, 4.25f, 5.75f, 6.25f, 6.5f, 6.75f, 20),
                Map.of("eps", 1.0, "min_samples", 4), 1);
        assertThat(swapped.labels()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, -1);
    }

    /**
     * Core means a neighbourhood weight (the point's own included) of at least min_samples, as
     * scikit-learn: rows 0 and 1 share the neighbourhood {0, 0.5} of weight 3 + 0, so both are core,
     * even the weightless row 1; rows 2 and 3 weigh 2 together and are noise.
     */
    @Test
    void sampleWeightsDecideCoreness() {
        Dataset data = line(0, 0.5f, 10, 10.5f).withWeights(new float[] {3, 0, 1, 1});
        ClusteringResult r = Fits.fit(new DbscanAlgorithm(), data, Map.of("eps", 1.0, "min_samples", 3), 1);
        assertThat(r.labels()).containsExactly(0, 0, -1, -1);
        assertThat(((DbscanModel) r.model().orElseThrow()).coreSampleIndices()).containsExactly(0, 1);
    }

    @Test
    void predictGivesTheClusterOfTheNearestCorePointWithinEps() {
        ClusteringResult r = Fits.fit(new DbscanAlgorithm(), line(0, 0.5f, 1, 10, 10.5f, 11),
                Map.of("eps", 1.0, "min_samples", 3), 1);
        int[] predicted = r.model().orElseThrow().predict(line(0.2f, 10.9f, 5, 11.8f), Fits.context(1));
        assertThat(predicted).containsExactly(0, 1, -1, 1);
    }

    @Test
    void unknownMetricIsNamed() {
        assertThatThrownBy(() -> Fits.fit(new DbscanAlgorithm(), line(0, 1), Map.of("metric", "hamming"), 1))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'metric'")
                .hasMessageContaining("hamming");
    }

    @Test
    void runsWithNoParameterAtAll() {
        ClusteringResult r = Fits.fit(new DbscanAlgorithm(), line(0, 0.1f, 0.2f, 0.3f, 0.4f, 9), Map.of(), 1);
        assertThat(r.labels()).containsExactly(0, 0, 0, 0, 0, -1);
    }
}

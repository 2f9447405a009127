package dev.clusterlab.plugins.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HDBSCAN* selection on one-dimensional cases small enough to work out by hand. With
 * {@code min_samples = 1} every core distance is 0, so mutual reachability is the plain distance and
 * the hierarchy is single linkage; lambda = 1 / distance. Cluster ids: the root is n, new clusters
 * are numbered breadth first, left (the side of the spanning-tree edge's source) before right.
 * Stability of C = sum over its rows of (lambda - birth(C)) x size.
 */
class HdbscanSelectionTest {

    private static Dataset line(String name, float... xs) {
        float[][] rows = new float[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            rows[i] = new float[] {xs[i]};
        }
        return Dataset.of(name, rows);
    }

    private static ClusteringResult fit(Dataset data, Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("min_samples", 1);
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Fits.fit(new HdbscanAlgorithm(), data, raw, 1);
    }

    private static HdbscanModel model(ClusteringResult r) {
        return (HdbscanModel) r.model().orElseThrow();
    }

    /** {0,1,2} and {10,11,12}: the root splits at distance 8 into two clusters of 3, each dissolving at distance 1. */
    @Test
    void twoGroupsAreTwoClustersWithFullMembership() {
        ClusteringResult r = fit(line("two", 0, 1, 2, 10, 11, 12), "min_cluster_size", 3);
        assertThat(r.labels()).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(model(r).probabilities()).containsOnly(1.0);
        assertThat(model(r).outlierScores()).containsOnly(0.0);
    }

    /**
     * A = {0,5,10}, B = {16,21,26} (gap 6), C = {100,105,110} (gap 74); points 5 apart inside groups.
     * Root 9 splits at 74 into AB = 10 (born at lambda 1/74) and C = 11; AB splits at 6 into A = 12 and
     * B = 13 (born at 1/6), whose points leave at lambda 1/5.
     * stability(AB) = 6 (1/6 - 1/74) = 0.919; stability(A) = stability(B) = 3 (1/5 - 1/6) = 0.1.
     * EOM: 0.1 + 0.1 < 0.919, so AB is kept whole: labels AB = 0, C = 1.
     * Leaf: the leaves C = 11, A = 12, B = 13 are labelled 0, 1, 2 in id order.
     */
    @Test
    void excessOfMassKeepsTheParentWhereLeafSplitsIt() {
        Dataset data = line("nested", 0, 5, 10, 16, 21, 26, 100, 105, 110);
        assertThat(fit(data, "min_cluster_size", 3).labels()).containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 1);
        assertThat(fit(data, "min_cluster_size", 3, "cluster_selection_method", "leaf").labels())
                .containsExactly(1, 1, 1, 2, 2, 2, 0, 0, 0);
        assertThat(model(fit(data, "min_cluster_size", 3)).selectedClusters()).containsExactly(10, 11);
    }

    /**
     * Same data, leaf selection with cluster_selection_epsilon 7: A and B are born at distance 6 < 7,
     * so each gives way to its first ancestor born above 7, AB (born at 74); C (born at 74) stays.
     * With epsilon 100 and allow_single_cluster, every leaf climbs to the root: one cluster, and every
     * point left its cluster at lambda 1/5 >= 1/100, so nobody is noise.
     */
    @Test
    void selectionEpsilonMergesClustersBornBelowIt() {
        Dataset data = line("nested", 0, 5, 10, 16, 21, 26, 100, 105, 110);
        assertThat(fit(data, "min_cluster_size", 3, "cluster_selection_method", "leaf", "cluster_selection_epsilon", 7.0).labels())
                .containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 1);
        assertThat(fit(data, "min_cluster_size", 3, "cluster_selection_method", "leaf", "cluster_selection_epsilon", 100.0,
                "allow_single_cluster", true).labels()).containsOnly(0);
    }

    /**
     * {0,5,10}, {100,105,110} and a lone point at 300: the root loses 300 at distance 190 (lambda 1/190)
     * and continues; it splits at 90 into A = 8 and C = 9. 300 only ever belongs to the root: noise.
     * GLOSH of 300: the largest lambda under the root is 1/5, so (1/5 - 1/190) / (1/5) = 1 - 5/190.
     */
    @Test
    void aPointThatOnlyBelongsToTheRootIsNoiseWithHighOutlierScore() {
        ClusteringResult r = fit(line("noise", 0, 5, 10, 100, 105, 110, 300), "min_cluster_size", 3);
        assertThat(r.labels()).containsExactly(0, 0, 0, 1, 1, 1, -1);
        assertThat(model(r).probabilities()[6]).isZero();
        assertThat(model(r).outlierScores()[6]).isCloseTo(1 - 5.0 / 190, within(1e-12));
        assertThat(model(r).outlierScores()[0]).isZero();
    }

    /**
     * A, B, C as above plus 60: 60 joins A u B at distance 34 and C at 40, so the root splits at 40 into
     * ABo = 11 (7 points) and C = 12; ABo loses 60 at lambda 1/34 and splits at 6 into A and B.
     * stability(ABo) = (1/34 - 1/40) + 6 (1/6 - 1/40) = 0.854 > 0.2 = stability(A) + stability(B): ABo is
     * selected and 60 is its member, weakly: probability min(1/34, 1/6) / (1/6) = 6/34, where 1/6 is the
     * largest lambda among ABo's own rows; GLOSH (1/5 - 1/34) / (1/5) = 1 - 5/34.
     */
    @Test
    void aPointFallingOutOfASelectedClusterIsAWeakMember() {
        ClusteringResult r = fit(line("weak", 0, 5, 10, 16, 21, 26, 100, 105, 110, 60), "min_cluster_size", 3);
        assertThat(r.labels()).containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 1, 0);
        assertThat(model(r).probabilities()[9]).isCloseTo(6.0 / 34, within(1e-12));
        assertThat(model(r).outlierScores()[9]).isCloseTo(1 - 5.0 / 34, within(1e-12));
        assertThat(model(r).probabilities()[0]).isEqualTo(1.0);
    }

    /**
     * {0,1,2} and {10,11,12} with min_cluster_size 4: the split at 8 leaves two parts of 3 < 4, so all six
     * points leave the root at lambda 1/8 and there is no cluster but the root: all noise by default;
     * with allow_single_cluster the root (stability 6/8 > 0) is selected and every point, having left at
     * 1/8 = the root's largest lambda, is kept. Leaf selection finds no leaf, so only noise, as scikit-learn.
     */
    @Test
    void allowSingleClusterSelectsTheRoot() {
        Dataset data = line("single", 0, 1, 2, 10, 11, 12);
        assertThat(fit(data, "min_cluster_size", 4).labels()).containsOnly(-1);
        assertThat(fit(data, "min_cluster_size", 4, "allow_single_cluster", true).labels()).containsOnly(0);
        assertThat(fit(data, "min_cluster_size", 4, "allow_single_cluster", true, "cluster_selection_method", "leaf").labels())
                .containsOnly(-1);
    }

    /** Core distances with min_samples 2 are the distance to the nearest other point, itself counted first. */
    @Test
    void coreDistancesCountThePointItself() {
        ClusteringResult r = Fits.fit(new HdbscanAlgorithm(), line("core", 0, 1, 3, 7, 8, 9),
                Map.of("min_cluster_size", 2, "min_samples", 2), 1);
        assertThat(model(r).coreDistances()).containsExactly(1, 1, 2, 1, 1, 1);
    }
}

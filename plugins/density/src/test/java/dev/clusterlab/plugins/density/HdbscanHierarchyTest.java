package dev.clusterlab.plugins.density;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterHierarchy;
import dev.clusterlab.api.algorithm.ClusteringResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The condensed tree reaches the result (for reports and result files) exactly as the model holds it. */
class HdbscanHierarchyTest {

    @Test
    void resultCarriesACopyOfTheModelsCondensedTree() {
        for (String method : new String[] {"eom", "leaf"}) {
            Dataset data = ReferenceData.dataset("moons", false);
            ClusteringResult r = Fits.fit(new HdbscanAlgorithm(), data,
                    Map.of("min_cluster_size", 10, "cluster_selection_method", method), 2);
            HdbscanModel model = (HdbscanModel) r.model().orElseThrow();
            ClusterHierarchy h = r.hierarchy().orElseThrow();
            int[][] rows = model.condensedTree();
            assertThat(h.rows()).as(method).isGreaterThanOrEqualTo(data.n());
            assertThat(h.parent()).as(method).isEqualTo(rows[0]);
            assertThat(h.child()).as(method).isEqualTo(rows[1]);
            assertThat(h.childSize()).as(method).isEqualTo(rows[2]);
            assertThat(h.lambda()).as(method).isEqualTo(model.condensedTreeLambdas());
            assertThat(h.root()).as(method).isEqualTo(data.n());
            // every point leaves the tree exactly once
            assertThat(java.util.Arrays.stream(h.child()).filter(c -> c < data.n()).distinct().count()).isEqualTo(data.n());
            // the labels map back to the selected clusters
            assertThat(h.clustersOfLabels(r.labels())).as(method).isEqualTo(model.selectedClusters());
            // a copy: changing the result's rows leaves the model alone
            h.lambda()[0] = -1;
            assertThat(model.condensedTreeLambdas()[0]).isNotEqualTo(-1);
        }
    }

    @Test
    void opticsResultHasTheOrderingAndReachabilityButNoTree() {
        Dataset data = ReferenceData.dataset("moons", false);
        ClusteringResult r = Fits.fit(new OpticsAlgorithm(), data, Map.of("min_samples", 10), 1);
        assertThat(r.hierarchy()).isEmpty();
        int[] order = r.ordering().orElseThrow();
        assertThat(order).hasSize(data.n());
        assertThat(java.util.Arrays.stream(order).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, data.n()).toArray());
        assertThat(r.pointScores().get("reachability")[order[0]]).isInfinite();
    }
}

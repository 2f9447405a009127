package dev.clusterlab.plugins.hierarchical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.ArtifactKinds;
import dev.clusterlab.api.artifact.MergeTree;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParameterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter rules, the memory guard of the matrix linkages, and the merge tree in the result. */
class AgglomerativeBehaviourTest {
    private static final ExecutionContext CONTEXT = ExecutionContextFactory.load().create(2, 0);
    private static final AgglomerativeAlgorithm ALG = new AgglomerativeAlgorithm();

    private static ClusteringResult fit(Dataset data, Map<String, Object> raw) {
        return ALG.fit(data, ParamBinder.bind(ALG.descriptor().id(), ALG.descriptor().params(), raw), CONTEXT);
    }

    @Test
    void kAndDistanceThresholdAreExclusiveAsInScikitLearn() {
        Dataset data = ReferenceData.dataset("blobs2d");
        assertThatThrownBy(() -> fit(data, Map.of("distance_threshold", 3.0)))
                .isInstanceOf(ParameterException.class).hasMessageContaining("'k'").hasMessageContaining("k: 0");
        assertThatThrownBy(() -> fit(data, Map.of("k", 0)))
                .isInstanceOf(ParameterException.class).hasMessageContaining("distance_threshold");
        assertThat(fit(data, Map.of("k", 0, "distance_threshold", 1e9)).clusterCount()).isEqualTo(1);
    }

    @Test
    void wardCentroidAndMedianRefuseANonEuclideanMetric() {
        for (String linkage : new String[] {"ward", "centroid", "median"}) {
            assertThatThrownBy(() -> new AgglomerativeParams(3, 0, Linkage.valueOf(linkage.toUpperCase()), Distance.MANHATTAN, true, false))
                    .as(linkage).isInstanceOf(ParameterException.class)
                    .hasMessageContaining("'metric'").hasMessageContaining("euclidean for linkage=" + linkage).hasMessageContaining("manhattan");
        }
    }

    @Test
    void connectivityIsForWardOnlyAndNeedsMorePointsThanNeighbours() {
        assertThatThrownBy(() -> new AgglomerativeParams(3, 0, Linkage.AVERAGE, Distance.EUCLIDEAN, true, false, 10))
                .isInstanceOf(ParameterException.class).hasMessageContaining("'connectivity.n_neighbors'")
                .hasMessageContaining("linkage=ward").hasMessageContaining("linkage=average");
        Dataset few = Dataset.of("few", 6, 1, ramp(6), null, null);
        assertThatThrownBy(() -> fit(few, Map.of("k", 2, "connectivity.n_neighbors", 6)))
                .isInstanceOf(DataException.class).hasMessageContaining("connectivity.n_neighbors=6")
                .hasMessageContaining("only 6 points").hasMessageContaining("at most 5");
        assertThat(fit(few, Map.of("k", 2, "connectivity.n_neighbors", 5)).clusterCount()).isEqualTo(2);
    }

    @Test
    void structuredWardMergesOnlyAlongTheGraph() {
        // Two tight pairs far apart on a line, each pair a component of the 1-neighbour graph: the pairs
        // form first, and the bridge joins them last, at their closest points.
        Dataset line = Dataset.of("pairs", 4, 1, new float[] {0f, 1f, 10f, 11.5f}, null, null);
        MergeTree tree = (MergeTree) fit(line, Map.of("k", 2, "connectivity.n_neighbors", 1)).artifacts().get(ArtifactKinds.MERGE_TREE);
        assertThat(tree.left()).containsExactly(0, 2, 4);
        assertThat(tree.right()).containsExactly(1, 3, 5);
        assertThat(tree.size()).containsExactly(2, 2, 4);
        // Ward's height of {0, 1} and {10, 11.5}: sqrt(2 * 2 * 2 / 4) * |0.5 - 10.75|
        assertThat(tree.distance()[2]).isCloseTo(Math.sqrt(2.0) * 10.25, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aMatrixLinkageThatCannotFitTheHeapIsRefusedBeforeAllocating() {
        int n = 70_000; // more pairs than one Java array holds: refused whatever the heap
        Dataset line = Dataset.of("line", n, 1, new float[n], null, null);
        assertThatThrownBy(() -> fit(line, Map.of("k", 2, "linkage", "average")))
                .isInstanceOf(DataException.class).hasMessageContaining("n=70000").hasMessageContaining("ward and single");
        long heap = Runtime.getRuntime().maxMemory();
        int tooMany = (int) Math.min(65_000, Math.sqrt(2.0 * heap / 4) * 1.2);
        assertThatThrownBy(() -> CondensedMatrix.checkFits("agglomerative linkage=complete", tooMany))
                .isInstanceOf(DataException.class).hasMessageContaining(" MB");
        // Ward on the same line needs no matrix at all.
        assertThat(fit(Dataset.of("line", 5_000, 1, ramp(5_000), null, null), Map.of("k", 2, "linkage", "ward")).clusterCount())
                .isEqualTo(2);
    }

    @Test
    void theMergeTreeIsInTheResultAndCutsToItsLabels() {
        Dataset data = ReferenceData.dataset("blobs5d");
        ClusteringResult r = fit(data, Map.of("k", 3, "linkage", "average"));
        MergeTree tree = (MergeTree) r.artifacts().get(ArtifactKinds.MERGE_TREE);
        assertThat(tree.n()).isEqualTo(data.n());
        assertThat(tree.cut(3)).isEqualTo(r.labels());
        assertThat(tree.size()[tree.n() - 2]).isEqualTo(data.n());
        assertThat(r.model()).as("no rule for new points, as in scikit-learn").isEmpty();
    }

    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.001f + (i >= n / 2 ? 10 : 0);
        }
        return x;
    }
}

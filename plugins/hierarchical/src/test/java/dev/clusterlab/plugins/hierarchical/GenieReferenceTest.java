package dev.clusterlab.plugins.hierarchical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.kernel.Distance;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Genie against the genieclust R package 1.1.3 (recorded by {@code scripts/reference/genie_reference.R})
 * on the committed continuous datasets, for several thresholds and k: the same partition.
 */
class GenieReferenceTest {
    private static final ExecutionContext CONTEXT = ExecutionContextFactory.load().create(2, 0);

    /** run, dataset, k, gini_threshold */
    static Stream<String[]> runs() {
        return ReferenceData.rows("genie-runs.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void labelsAreGenieclusts(String run, String dataset, String k, String threshold) {
        Dataset data = ReferenceData.dataset(dataset);
        ClusteringResult r = new GenieAlgorithm().fit(data,
                new GenieParams(Integer.parseInt(k), Double.parseDouble(threshold), Distance.EUCLIDEAN), CONTEXT);
        int[] expected = ReferenceData.rows(run + ".genie.csv").stream().mapToInt(s -> Integer.parseInt(s[0])).toArray();
        assertThat(r.clusterCount()).as(run).isEqualTo(Integer.parseInt(k));
        assertThat(ReferenceData.samePartition(r.labels(), expected)).as("%s: the same partition as genieclust's", run).isTrue();
    }

    @Test
    void thresholdOneIsSingleLinkage() {
        Dataset data = ReferenceData.dataset("moons");
        int[] genie = new GenieAlgorithm().fit(data, new GenieParams(5, 1.0, Distance.EUCLIDEAN), CONTEXT).labels();
        int[] single = new AgglomerativeAlgorithm().fit(data, new AgglomerativeParams(5, Linkage.SINGLE), CONTEXT).labels();
        assertThat(genie).isEqualTo(single);
    }

    @Test
    void giniIndexOfSizesFollowsItsDefinition() {
        // sizes {1, 1, 1, 1} -> 0; merging two -> {2, 1, 1}: sum |ci - cj| = 2, / ((3 - 1) * 4) = 0.25
        GenieMerges.Sizes s = new GenieMerges.Sizes(4);
        assertThat(s.gini()).isZero();
        s.merge(1, 1);
        assertThat(s.gini()).isEqualTo(0.25);
        assertThat(s.smallest()).isEqualTo(1);
        s.merge(1, 1); // {2, 2} -> 0
        assertThat(s.gini()).isZero();
        assertThat(s.smallest()).isEqualTo(2);
    }
}

package dev.clusterlab.plugins.hierarchical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.MergeTree;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.ParamBinder;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against SciPy 1.10.1 and scikit-learn 1.2.1 on committed continuous data (no tied distances, so each
 * tree is unique): the linkage matrix merge for merge (same clusters, same sizes, heights within float
 * rounding) for every linkage and metric, and scikit-learn's labels for cuts by k and by height.
 */
class AgglomerativeReferenceTest {
    private static final ExecutionContext CONTEXT = ExecutionContextFactory.load().create(2, 0);

    static List<ReferenceData.Run> linkageRuns() {
        return ReferenceData.runs("linkage");
    }

    static List<ReferenceData.Run> labelRuns() {
        List<ReferenceData.Run> runs = new java.util.ArrayList<>(ReferenceData.runs("labels"));
        runs.addAll(ReferenceData.runs("structured"));
        return runs;
    }

    static List<ReferenceData.Run> structuredRuns() {
        return ReferenceData.runs("structured");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linkageRuns")
    void linkageMatrixIsScipys(ReferenceData.Run run) {
        Dataset data = ReferenceData.dataset(run.dataset());
        Linkage linkage = Linkage.valueOf(((String) run.params().get("linkage")).toUpperCase(java.util.Locale.ROOT));
        Distance metric = Distance.byId((String) run.params().get("metric"));
        MergeTree tree = AgglomerativeAlgorithm.tree(data.data(), data.n(), data.d(), linkage, metric, CONTEXT);
        assertSameTree(run, tree, ReferenceData.rows(run.run() + ".linkage.csv"));
    }

    private static void assertSameTree(ReferenceData.Run run, MergeTree tree, List<String[]> z) {
        assertThat(tree.n() - 1).isEqualTo(z.size());
        for (int i = 0; i < z.size(); i++) {
            String[] row = z.get(i);
            double expected = Double.parseDouble(row[2]);
            assertThat(new int[] {tree.left()[i], tree.right()[i], tree.size()[i]}).as("%s merge %d", run, i)
                    .containsExactly(Integer.parseInt(row[0]), Integer.parseInt(row[1]), Integer.parseInt(row[3]));
            assertThat(tree.distance()[i]).as("%s height of merge %d", run, i)
                    .isCloseTo(expected, org.assertj.core.api.Assertions.within(2e-5 * Math.abs(expected) + 1e-6));
        }
    }

    /** Structured Ward: scikit-learn's children_ and distances_, merge for merge in its order. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("structuredRuns")
    void structuredWardTreeIsScikitLearns(ReferenceData.Run run) {
        Dataset data = ReferenceData.dataset(run.dataset());
        AgglomerativeAlgorithm alg = new AgglomerativeAlgorithm();
        ClusteringResult r = alg.fit(data, ParamBinder.bind(alg.descriptor().id(), alg.descriptor().params(), run.params()), CONTEXT);
        MergeTree tree = (MergeTree) r.artifacts().get(dev.clusterlab.api.artifact.ArtifactKinds.MERGE_TREE);
        assertSameTree(run, tree, ReferenceData.rows(run.run() + ".tree.csv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelRuns")
    void labelsAreScikitLearns(ReferenceData.Run run) {
        Dataset data = ReferenceData.dataset(run.dataset());
        AgglomerativeAlgorithm alg = new AgglomerativeAlgorithm();
        ClusteringResult r = alg.fit(data, ParamBinder.bind(alg.descriptor().id(), alg.descriptor().params(), run.params()), CONTEXT);
        int[] expected = ReferenceData.rows(run.run() + ".labels.csv").stream().mapToInt(s -> Integer.parseInt(s[0])).toArray();
        assertThat(r.clusterCount()).as(run.run()).isEqualTo(java.util.Arrays.stream(expected).max().orElseThrow() + 1);
        assertThat(ReferenceData.samePartition(r.labels(), expected)).as("%s: the same partition as scikit-learn's", run).isTrue();
    }
}

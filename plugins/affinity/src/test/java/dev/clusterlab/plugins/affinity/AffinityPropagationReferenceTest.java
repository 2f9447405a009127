package dev.clusterlab.plugins.affinity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.TableArtifact;
import dev.clusterlab.api.param.ParamBinder;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Affinity Propagation against scikit-learn 1.2.1's {@code AffinityPropagation} on the committed
 * datasets ({@code scripts/reference/affinity_reference.py}): 2-d, 5-d and anisotropic blobs; the median
 * preference, fixed preferences, a per-point preference column and precomputed similarities; damping
 * 0.5 to 0.9; and a run stopped by {@code max_iter} before converging. Each well-conditioned run
 * (scikit-learn's exemplars the same for five noise seeds and for float32 input, as the script checks)
 * must give scikit-learn's exemplars and its labels exactly (clusters are numbered by their exemplar's
 * row in both), the same number of iterations and the same convergence, with 1 and 2 threads. The run
 * stopped in the middle of the message passing is not well conditioned (its exemplars change with
 * scikit-learn's own noise seed): it must report non-convergence after {@code max_iter} iterations, with
 * as many exemplars as scikit-learn found under some perturbation, each labelled as its own cluster.
 * Where the script recorded it (similarities from the features alone), {@code predict} of 40 new points
 * is scikit-learn's.
 */
class AffinityPropagationReferenceTest {

    static List<ReferenceRuns.Run> runs() {
        return ReferenceRuns.runs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void matchesScikitLearn(ReferenceRuns.Run run) {
        Dataset data = ReferenceRuns.dataset(run.dataset());
        AffinityPropagationAlgorithm ap = new AffinityPropagationAlgorithm();
        AffinityPropagationParams params = AffinityPropagationParams.from(
                ParamBinder.bind(AffinityPropagationAlgorithm.ID, AffinityPropagationParams.SPECS, run.params()));
        ClusteringResult one = ap.fit(data, params, ReferenceRuns.context(1));
        ClusteringResult two = ap.fit(data, params, ReferenceRuns.context(2));

        assertThat(two.labels()).as("labels with 2 threads").isEqualTo(one.labels());
        int[] exemplars = ((TableArtifact) one.artifacts().get("exemplars")).table().ints("row");
        assertThat(one.converged()).as("converged").isEqualTo(run.converged());
        if (!run.stable()) {
            assertThat(one.iterations()).as("n_iter_").isEqualTo(run.iterations());
            assertThat(exemplars.length).as("exemplars").isBetween(run.minClusters(), run.maxClusters());
            for (int c = 0; c < exemplars.length; c++) {
                assertThat(one.labels()[exemplars[c]]).as("the label of exemplar " + c).isEqualTo(c);
            }
            return;
        }
        assertThat(exemplars).as("exemplars (cluster_centers_indices_)")
                .isEqualTo(ReferenceRuns.ints(run.run() + ".exemplars.csv"));
        assertThat(one.labels()).as("labels_").isEqualTo(ReferenceRuns.ints(run.run() + ".labels.csv"));
        assertThat(one.converged()).as("converged").isEqualTo(run.converged());
        assertThat(one.iterations()).as("n_iter_").isEqualTo(run.iterations());
        if (ReferenceRuns.exists(run.run() + ".predict.csv")) {
            Dataset probes = ReferenceRuns.dataset(run.dataset() + ".probes");
            assertThat(one.model().orElseThrow().predict(probes, ReferenceRuns.context(2))).as("predict(probes)")
                    .isEqualTo(ReferenceRuns.ints(run.run() + ".predict.csv"));
        }
    }
}

package dev.clusterlab.plugins.kmeans;

import dev.clusterlab.api.testkit.AdjustedRand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.plugins.kmeans.ReferenceData.SklearnRun;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agreement with scikit-learn 1.2.1's {@code KMeans(init='k-means++', algorithm='lloyd')}, whose
 * results were recorded by {@code scripts/reference/kmeans_reference.py}. The random streams differ,
 * so single runs are not compared; the medians over seeds 0..9 and the best of ten restarts are.
 */
class KMeansReferenceTest {
    private static final KMeansAlgorithm KMEANS = new KMeansAlgorithm();

    private static ClusteringResult fit(Dataset data, int k, int nInit, long seed) {
        var params = ParamBinder.bind("kmeans", KMEANS.descriptor().params(), Map.of("k", k, "n_init", nInit));
        return KMEANS.fit(data, params, ExecutionContextFactory.load().create(2, seed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"blobs6", "blobs10", "iris"})
    void medianInertiaAndAriOverTenSeedsMatchScikitLearn(String name) {
        Dataset data = ReferenceData.dataset(name);
        int[] truth = data.truth().orElseThrow();
        List<SklearnRun> sklearn = ReferenceData.sklearnRuns(name, 1);
        assertThat(sklearn).hasSize(10);
        int k = sklearn.getFirst().k();
        double[] inertia = new double[10];
        double[] ari = new double[10];
        for (int seed = 0; seed < 10; seed++) {
            ClusteringResult r = fit(data, k, 1, seed);
            inertia[seed] = r.objective();
            ari[seed] = AdjustedRand.of(truth, r.labels());
        }
        double sklearnInertia = median(sklearn.stream().mapToDouble(SklearnRun::inertia).toArray());
        double sklearnAri = median(sklearn.stream().mapToDouble(SklearnRun::ari).toArray());
        assertThat(median(inertia)).as("median inertia on %s; ours %s", name, Arrays.toString(inertia))
                .isCloseTo(sklearnInertia, within(0.01 * sklearnInertia));
        assertThat(median(ari)).as("median ARI on %s; ours %s", name, Arrays.toString(ari))
                .isCloseTo(sklearnAri, within(0.02));
    }

    @ParameterizedTest
    @ValueSource(strings = {"blobs6", "blobs10", "iris"})
    void bestOfTenRestartsIsAsGoodAsScikitLearns(String name) {
        Dataset data = ReferenceData.dataset(name);
        SklearnRun sklearn = ReferenceData.sklearnRuns(name, 10).getFirst();
        ClusteringResult r = fit(data, sklearn.k(), 10, 0);
        assertThat(r.objective()).isLessThanOrEqualTo(sklearn.inertia() * 1.01);
        assertThat(r.clusterCount()).isEqualTo(sklearn.k());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

package dev.clusterlab.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.testkit.EasyBlobs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** transform, and state()/restoreModel round trips for the three algorithms of the plugin. */
class KMeansModelStateTest {
    private final ExecutionContext context = ExecutionContextFactory.load().create(2, 5);
    private final Dataset blobs = EasyBlobs.generate(4, 80, 3, 21);
    private final Dataset probes = KMeansVariantsTest.blobs(300, 3, 5, 30.0, 2);

    private static ClusteringAlgorithm algorithm(String id) {
        return switch (id) {
            case "kmeans" -> new KMeansAlgorithm();
            case "minibatch_kmeans" -> new MiniBatchKMeansAlgorithm();
            default -> new BisectingKMeansAlgorithm();
        };
    }

    private ClusteringResult fit(String id) {
        ClusteringAlgorithm a = algorithm(id);
        var params = ParamBinder.bind(id, a.descriptor().params(), id.equals("kmeans") ? Map.of("k", 4, "algorithm", "elkan") : Map.of("k", 4));
        return a.fit(blobs, params, context);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kmeans", "minibatch_kmeans", "bisecting_kmeans"})
    void aRestoredModelPredictsAndTransformsAsTheFittedOne(String id) {
        ClusteringResult r = fit(id);
        ClusterModel model = r.model().orElseThrow();
        Map<String, Object> state = model.state().orElseThrow();
        assertThat(state).containsEntry("format", "clusterlab.kmeans.model").containsEntry("algorithm", id)
                .containsEntry("k", 4).containsEntry("d", 3).containsKey("variant");
        assertThat(state.get("centroids")).isInstanceOf(List.class);
        ClusterModel restored = algorithm(id).restoreModel(state).orElseThrow();
        assertThat(restored.d()).isEqualTo(3);
        assertThat(restored.predict(probes, context)).isEqualTo(model.predict(probes, context));
        assertThat(restored.transform(probes, context).orElseThrow()).isEqualTo(model.transform(probes, context).orElseThrow());
        assertThat(restored.state().orElseThrow()).isEqualTo(state);
        if (!id.equals("bisecting_kmeans")) {
            assertThat(model.predict(blobs, context)).as("training labels").isEqualTo(r.labels());
        }
    }

    @Test
    void theStateNamesTheVariantThatWasFitted() {
        assertThat(fit("kmeans").model().orElseThrow().state().orElseThrow()).containsEntry("variant", "elkan");
        assertThat(fit("bisecting_kmeans").model().orElseThrow().state().orElseThrow())
                .containsEntry("variant", "bisecting/biggest_inertia");
    }

    @Test
    void transformGivesEuclideanDistancesToEachCentroidRowMajor() {
        ClusteringResult r = fit("kmeans");
        float[] c = r.centroids().orElseThrow();
        float[] t = r.model().orElseThrow().transform(probes, context).orElseThrow();
        assertThat(t).hasSize(probes.n() * 4);
        for (int i = 0; i < probes.n(); i++) {
            int nearest = 0;
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int f = 0; f < 3; f++) {
                    double diff = probes.get(i, f) - c[j * 3 + f];
                    s += diff * diff;
                }
                assertThat((double) t[i * 4 + j]).isCloseTo(Math.sqrt(s), within(1e-4 * Math.max(1, Math.sqrt(s))));
                if (t[i * 4 + j] < t[i * 4 + nearest]) {
                    nearest = j;
                }
            }
            assertThat(r.model().orElseThrow().predict(probes, context)[i]).isEqualTo(nearest);
        }
    }

    @Test
    void transformChecksTheDimension() {
        assertThatThrownBy(() -> fit("kmeans").model().orElseThrow().transform(Dataset.of("flat", new float[][] {{1f}}), context))
                .isInstanceOf(DataException.class).hasMessageContaining("3").hasMessageContaining("'flat'");
    }

    private void assertRejected(Consumer<Map<String, Object>> change, String... fragments) {
        Map<String, Object> state = new HashMap<>(fit("kmeans").model().orElseThrow().state().orElseThrow());
        change.accept(state);
        var thrown = assertThatThrownBy(() -> new KMeansAlgorithm().restoreModel(state)).isInstanceOf(DataException.class);
        for (String f : fragments) {
            thrown.hasMessageContaining(f);
        }
    }

    @Test
    void malformedStatesAreRejectedNamingWhatIsWrong() {
        assertRejected(s -> s.remove("centroids"), "'centroids'", "list of lists");
        assertRejected(s -> s.put("centroids", List.of(List.of(1.0, 2.0, 3.0), List.of(1.0, 2.0))), "row 2", "3 numbers");
        assertRejected(s -> s.put("centroids", List.of(List.of(1.0, "x", 3.0))), "row 1, column 2", "\"x\"");
        assertRejected(s -> s.put("centroids", List.of(List.of(1.0, Double.NaN, 3.0))), "finite");
        assertRejected(s -> s.put("k", 7), "'k'", "7", "4 rows");
        assertRejected(s -> s.put("d", 2), "'d'", "3 columns");
        assertRejected(s -> s.put("format", "other"), "'format'");
        assertRejected(s -> s.put("version", 2), "'version'");
        assertRejected(s -> s.put("algorithm", "dbscan"), "'algorithm'", "kmeans", "dbscan");
        assertRejected(s -> s.remove("variant"), "'variant'");
    }

    @Test
    void aStateWithoutKAndDIsAcceptedFromItsCentroids() {
        Map<String, Object> state = new HashMap<>(fit("kmeans").model().orElseThrow().state().orElseThrow());
        state.remove("k");
        state.remove("d");
        ClusterModel m = new KMeansAlgorithm().restoreModel(state).orElseThrow();
        assertThat(m.d()).isEqualTo(3);
    }
}

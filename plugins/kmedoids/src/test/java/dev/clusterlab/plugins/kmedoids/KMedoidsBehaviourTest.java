package dev.clusterlab.plugins.kmedoids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.Labels;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.plugins.kmedoids.KMedoidsParams.Init;
import dev.clusterlab.plugins.kmedoids.KMedoidsParams.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Behaviour the issue names: the same bits for 1, 2 and 3 threads (FasterPAM's batched evaluation
 * included), a precomputed matrix giving the same medoids as the features it was computed from, the
 * errors (k > n, a non-square, negative or asymmetric matrix, an unknown metric), the model, and edge
 * cases (k = 1, k = n, duplicate rows).
 */
class KMedoidsBehaviourTest {
    private static final KMedoidsAlgorithm ALGORITHM = new KMedoidsAlgorithm();

    private static int[] medoids(ClusteringResult r) {
        return KMedoidsOptimalityTest.medoids(r);
    }

    /** The same labels, objective bits, medoids and iteration counts for 1, 2 and 3 threads, from every seeded start. */
    @ParameterizedTest
    @EnumSource(Method.class)
    void sameBitsForOneTwoAndThreeThreads(Method method) {
        // FasterPAM: above MedoidState.PARALLEL_MIN, where it evaluates batches of candidates in parallel.
        Dataset data = ReferenceData.blobs("threads", method == Method.FASTERPAM ? 5000 : 1500, 3, 9, 8.0, 17);
        for (Init init : List.of(Init.BUILD, Init.RANDOM, Init.KMEANS_PLUS_PLUS)) {
            KMedoidsParams params = new KMedoidsParams(8, method, init, 300, "euclidean");
            ClusteringResult one = ALGORITHM.fit(data, params, ReferenceData.context(1, 5));
            for (int threads : new int[] {2, 3}) {
                ClusteringResult other = ALGORITHM.fit(data, params, ReferenceData.context(threads, 5));
                assertThat(other.labels()).as("%s/%s labels, %d threads", method.id(), init.id(), threads).isEqualTo(one.labels());
                assertThat(Double.doubleToRawLongBits(other.objective())).as("objective bits")
                        .isEqualTo(Double.doubleToRawLongBits(one.objective()));
                assertThat(medoids(other)).isEqualTo(medoids(one));
                assertThat(other.iterations()).isEqualTo(one.iterations());
                assertThat(other.converged()).isEqualTo(one.converged());
            }
            assertThat(Labels.checkContract(one.labels(), data.n())).isNull();
        }
    }

    @Test
    void precomputedDistancesGiveTheSameMedoidsAsTheFeatures() {
        Dataset data = ReferenceData.dataset("blobs2d");
        ExecutionContext context = ReferenceData.context(2);
        Dissimilarities d = Dissimilarities.of(data, Distance.EUCLIDEAN, context);
        Dataset matrix = Dataset.of("blobs2d-distances", d.n, d.n, d.d.clone(), null, null);
        // The same distances computed independently, in double, then rounded.
        float[] exact = new float[d.n * d.n];
        for (int i = 0; i < d.n; i++) {
            for (int j = 0; j < d.n; j++) {
                double s = 0;
                for (int c = 0; c < data.d(); c++) {
                    double diff = (double) data.get(i, c) - data.get(j, c);
                    s += diff * diff;
                }
                exact[i * d.n + j] = (float) Math.sqrt(s);
            }
        }
        Dataset doubleMatrix = Dataset.of("blobs2d-double", d.n, d.n, exact, null, null);
        for (Method method : Method.values()) {
            KMedoidsParams features = new KMedoidsParams(5).withMethod(method);
            ClusteringResult a = ALGORITHM.fit(data, features, context);
            ClusteringResult b = ALGORITHM.fit(matrix, features.withMetric("precomputed"), context);
            ClusteringResult c = ALGORITHM.fit(doubleMatrix, features.withMetric("precomputed"), context);
            assertThat(medoids(b)).as(method.id()).isEqualTo(medoids(a));
            assertThat(b.labels()).isEqualTo(a.labels());
            assertThat(b.objective()).isEqualTo(a.objective());
            assertThat(medoids(c)).as("%s from double distances", method.id()).isEqualTo(medoids(a));
            assertThat(b.model()).as("no model without coordinates").isEmpty();
            assertThat(b.centroids()).isEmpty();
            assertThat(a.model()).isPresent();
            float[] centroids = a.centroids().orElseThrow();
            for (int s = 0; s < 5; s++) {
                assertThat(Arrays.copyOfRange(centroids, 2 * s, 2 * s + 2)).isEqualTo(data.row(medoids(a)[s]));
            }
        }
    }

    @Test
    void moreMedoidsThanPointsNamesBoth() {
        Dataset data = ReferenceData.blobs("five", 5, 2, 2, 3.0, 1);
        assertThatThrownBy(() -> ALGORITHM.fit(data, new KMedoidsParams(6), ReferenceData.context(1)))
                .isInstanceOf(DataException.class).hasMessageContaining("k=6").hasMessageContaining("n=5");
    }

    @Test
    void nonSquarePrecomputedMatrixNamesTheShape() {
        Dataset data = Dataset.of("rect", new float[][] {{0, 1}, {1, 0}, {2, 2}});
        assertThatThrownBy(() -> ALGORITHM.fit(data, new KMedoidsParams(2).withMetric("precomputed"), ReferenceData.context(1)))
                .isInstanceOf(DataException.class).hasMessageContaining("3 rows and 2 columns").hasMessageContaining("rect");
    }

    @Test
    void negativeDissimilarityNamesRowAndColumn() {
        Dataset data = Dataset.of("neg", new float[][] {{0, 1, 2}, {1, 0, -3}, {2, -3, 0}});
        assertThatThrownBy(() -> ALGORITHM.fit(data, new KMedoidsParams(2).withMetric("precomputed"), ReferenceData.context(1)))
                .isInstanceOf(DataException.class).hasMessageContaining("row 2, column 3").hasMessageContaining("-3");
    }

    @Test
    void asymmetricMatrixNamesBothEntries() {
        Dataset data = Dataset.of("asym", new float[][] {{0, 1, 2}, {1, 0, 4}, {2, 5, 0}});
        assertThatThrownBy(() -> ALGORITHM.fit(data, new KMedoidsParams(2).withMetric("precomputed"), ReferenceData.context(1)))
                .isInstanceOf(DataException.class).hasMessageContaining("not symmetric")
                .hasMessageContaining("row 2, column 3 is 4.0").hasMessageContaining("row 3, column 2 is 5.0");
    }

    @Test
    void symmetryWithinRoundingIsAccepted() {
        Dataset data = Dataset.of("nearly", new float[][] {{0, 1, 2}, {1, 0, 4}, {2, 4.0000005f, 0}});
        ClusteringResult r = ALGORITHM.fit(data, new KMedoidsParams(2).withMetric("precomputed"), ReferenceData.context(1));
        assertThat(r.clusterCount()).isEqualTo(2);
    }

    @Test
    void unknownMetricNamesTheParameterAndTheChoices() {
        // metric is a text (a distance id or 'precomputed'): the params record checks it, naming the choices.
        assertThatThrownBy(() -> ALGORITHM.fit(ReferenceData.dataset("moons"),
                ParamBinder.bind(KMedoidsAlgorithm.ID, KMedoidsParams.SPECS, Map.of("metric", "hamming")), ReferenceData.context(1)))
                .isInstanceOf(ParameterException.class).hasMessageContaining("'metric'").hasMessageContaining("precomputed")
                .hasMessageContaining("hamming");
        assertThat(new KMedoidsParams(2).withMetric("L1").metric()).isEqualTo("manhattan");
        assertThat(new KMedoidsParams(2).withMetric("minkowski:3").distance()).contains(Distance.minkowski(3));
    }

    @Test
    void tooLargeMatrixIsRefusedWithTheGigabytesNeeded() {
        assertThatThrownBy(() -> Dissimilarities.checkHeap(50_000, "big"))
                .isInstanceOf(DataException.class).hasMessageContaining("GB").hasMessageContaining("50,000");
    }

    @Test
    void modelPredictsTheNearestMedoidAndSurvivesItsState() {
        Dataset data = ReferenceData.dataset("blobs5d");
        ExecutionContext context = ReferenceData.context(2);
        for (String metric : List.of("euclidean", "manhattan", "cosine")) {
            ClusteringResult r = ALGORITHM.fit(data, new KMedoidsParams(4).withMetric(metric), context);
            ClusterModel model = r.model().orElseThrow();
            assertThat(model.predict(data, context)).as("predict on the training data, %s", metric).isEqualTo(r.labels());
            ClusterModel restored = ALGORITHM.restoreModel(model.state().orElseThrow()).orElseThrow();
            Dataset probes = ReferenceData.blobs("probes", 50, 5, 3, 10.0, 9);
            assertThat(restored.predict(probes, context)).isEqualTo(model.predict(probes, context));
            float[] t = model.transform(probes, context).orElseThrow();
            assertThat(t).hasSize(50 * 4);
            float[] medoidRows = ((KMedoidsModel) model).medoids();
            Distance distance = Distance.byId(metric);
            assertThat(t[7 * 4 + 2]).isCloseTo(context.kernels().distance(distance, probes.data(), 7 * 5, medoidRows, 2 * 5, 5),
                    org.assertj.core.data.Offset.offset(1e-5f));
        }
        assertThatThrownBy(() -> KMedoidsModel.restore(Map.of("format", "clusterlab.kmedoids.model", "version", 2)))
                .isInstanceOf(DataException.class).hasMessageContaining("'version'");
    }

    @Test
    void oneMedoidIsTheRowOfSmallestSummedDistanceForEveryMethod() {
        Dataset data = ReferenceData.dataset("moons");
        ExecutionContext context = ReferenceData.context(1);
        Dissimilarities d = Dissimilarities.of(data, Distance.EUCLIDEAN, context);
        double[] sums = Initialization.rowSums(d, context);
        int best = 0;
        for (int i = 1; i < sums.length; i++) {
            best = sums[i] < sums[best] ? i : best;
        }
        for (Method method : Method.values()) {
            for (Init init : Init.values()) {
                ClusteringResult r = ALGORITHM.fit(data, new KMedoidsParams(1, method, init, 300, "euclidean"), context);
                if (method != Method.ALTERNATE || init == Init.BUILD || init == Init.HEURISTIC) {
                    assertThat(medoids(r)).as("%s from %s", method.id(), init.id()).containsExactly(best);
                }
                assertThat(r.labels()).containsOnly(0);
            }
        }
    }

    @Test
    void asManyMedoidsAsPointsGiveZeroDeviation() {
        Dataset data = ReferenceData.blobs("tiny", 12, 2, 3, 5.0, 4);
        for (Method method : Method.values()) {
            ClusteringResult r = ALGORITHM.fit(data, new KMedoidsParams(12).withMethod(method), ReferenceData.context(1));
            assertThat(r.objective()).isZero();
            assertThat(Labels.checkContract(r.labels(), 12)).isNull();
            assertThat(r.clusterCount()).isEqualTo(12);
        }
    }

    @Test
    void duplicateRowsLeaveNoClusterEmpty() {
        float[][] rows = new float[20][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i < 17 ? new float[] {1f, 1f} : new float[] {5f, 5f};
        }
        Dataset data = Dataset.of("dups", rows);
        for (Method method : Method.values()) {
            for (Init init : Init.values()) {
                ClusteringResult r = ALGORITHM.fit(data, new KMedoidsParams(4, method, init, 300, "euclidean"),
                        ReferenceData.context(1, 3));
                assertThat(Labels.checkContract(r.labels(), 20)).as("%s from %s", method.id(), init.id()).isNull();
                assertThat(r.clusterCount()).isEqualTo(4);
                if (method != Method.ALTERNATE || init == Init.BUILD || init == Init.KMEANS_PLUS_PLUS) {
                    // A Voronoi iteration cannot leave a start (random, heuristic) with every medoid in one group of duplicates.
                    assertThat(r.objective()).as("%s from %s", method.id(), init.id()).isZero();
                }
            }
        }
    }

    @Test
    void seededInitialisationsRepeatAndMaxIterIsHonoured() {
        Dataset data = ReferenceData.dataset("aniso");
        for (Init init : List.of(Init.RANDOM, Init.KMEANS_PLUS_PLUS)) {
            KMedoidsParams params = new KMedoidsParams(6).withInit(init);
            ClusteringResult a = ALGORITHM.fit(data, params, ReferenceData.context(1, 11));
            ClusteringResult b = ALGORITHM.fit(data, params, ReferenceData.context(2, 11));
            assertThat(medoids(b)).isEqualTo(medoids(a));
            ClusteringResult once = ALGORITHM.fit(data, params.withMethod(Method.PAM).withMaxIter(1), ReferenceData.context(1, 11));
            assertThat(once.iterations()).isEqualTo(1);
            assertThat(once.converged()).as("one PAM swap from a random start is not the end").isFalse();
        }
        assertThat(Initialization.random(10, 10, new java.util.SplittableRandom(1))).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void medoidsArtifactListsEachClustersRow() {
        ClusteringResult r = ALGORITHM.fit(ReferenceData.dataset("moons"), new KMedoidsParams(3), ReferenceData.context(1));
        var table = ((dev.clusterlab.api.artifact.TableArtifact) r.artifacts().get("medoids")).table();
        assertThat(table.ints("cluster")).containsExactly(0, 1, 2);
        int[] rows = table.ints("row");
        for (int s = 0; s < 3; s++) {
            assertThat(r.labels()[rows[s]]).isEqualTo(s);
        }
    }
}

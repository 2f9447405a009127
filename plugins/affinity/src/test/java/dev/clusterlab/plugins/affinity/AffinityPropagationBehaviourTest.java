package dev.clusterlab.plugins.affinity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParameterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge cases of scikit-learn's AffinityPropagation documentation, the memory guard and the error messages. */
class AffinityPropagationBehaviourTest {
    private final AffinityPropagationAlgorithm ap = new AffinityPropagationAlgorithm();

    private static AffinityPropagationParams params(Map<String, Object> raw) {
        return AffinityPropagationParams.from(ParamBinder.bind(AffinityPropagationAlgorithm.ID, AffinityPropagationParams.SPECS, raw));
    }

    /** scikit-learn: equal similarities and preferences, preference at least the similarities: every sample its own centre. */
    @Test
    void equalSimilaritiesWithTheMedianPreferenceMakeEveryPointAnExemplar() {
        Dataset same = Dataset.of("same", new float[][] {{1, 2}, {1, 2}, {1, 2}, {1, 2}});
        ClusteringResult r = ap.fit(same, new AffinityPropagationParams(), ReferenceRuns.context(1));
        assertThat(r.labels()).containsExactly(0, 1, 2, 3);
        assertThat(r.iterations()).isZero();
    }

    /** scikit-learn: a preference smaller than the (equal) similarities gives one centre and label 0 for every sample. */
    @Test
    void equalSimilaritiesWithASmallerPreferenceMakeOneCluster() {
        Dataset same = Dataset.of("same", new float[][] {{1, 2}, {1, 2}, {1, 2}});
        ClusteringResult r = ap.fit(same, new AffinityPropagationParams().withPreference("-1"), ReferenceRuns.context(1));
        assertThat(r.labels()).containsExactly(0, 0, 0);
    }

    @Test
    void onePointIsOneCluster() {
        ClusteringResult r = ap.fit(Dataset.of("one", new float[][] {{3, 4}}), new AffinityPropagationParams(), ReferenceRuns.context(1));
        assertThat(r.labels()).containsExactly(0);
    }

    @Test
    void matricesThatDoNotFitTheHeapAreRefusedBeforeAllocatingWithTheFigure() {
        assertThatThrownBy(() -> AffinityPropagationAlgorithm.checkHeap(10_000, "big", true, 1_000_000_000L))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("10,000 points of 'big' need 1.2")
                .hasMessageContaining("heap has 1.00 GB free")
                .hasMessageContaining("-Xmx");
        AffinityPropagationAlgorithm.checkHeap(1_000, "small", true, 1_000_000_000L);
        assertThatThrownBy(() -> AffinityPropagationAlgorithm.checkHeap(10_000, "big", false, 700_000_000L))
                .isInstanceOf(DataException.class).hasMessageContaining("need 0.81 GB for the responsibility and availability");
        assertThatThrownBy(() -> AffinityPropagationAlgorithm.checkHeap(50_000, "huge", false, Long.MAX_VALUE))
                .isInstanceOf(DataException.class).hasMessageContaining("n <= 46,340");
    }

    @Test
    void aPreferenceColumnThatIsNoFeatureNamesTheFeatures() {
        Dataset data = Dataset.of("d", 2, 2, new float[] {0, 1, 2, 3}, List.of("a", "b"), null);
        assertThatThrownBy(() -> ap.fit(data, params(Map.of("preference_column", "pref")), ReferenceRuns.context(1)))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("preference_column")
                .hasMessageContaining("a, b")
                .hasMessageContaining("'pref'");
    }

    @Test
    void aPreferenceThatIsNeitherMedianNorANumberIsRefused() {
        assertThatThrownBy(() -> params(Map.of("preference", "lowest")))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("preference")
                .hasMessageContaining("'median' or a finite number")
                .hasMessageContaining("'lowest'");
    }

    @Test
    void precomputedSimilaritiesMustBeSquareAndFinite() {
        Dataset wide = Dataset.of("wide", new float[][] {{0, -1, -2}, {-1, 0, -3}});
        assertThatThrownBy(() -> ap.fit(wide, params(Map.of("affinity", "precomputed")), ReferenceRuns.context(1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("found 2 rows and 3 columns");
        float[] nan = {0, -1, Float.NaN, 0};
        Dataset bad = Dataset.withMissingValues("bad", 2, 2, nan, null, null);
        assertThatThrownBy(() -> ap.fit(bad, params(Map.of("affinity", "precomputed")), ReferenceRuns.context(1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("row 2, column 1");
    }

    @Test
    void theSavedModelPredictsAsTheFittedOne() {
        Dataset data = ReferenceRuns.dataset("blobs2d");
        ClusteringResult r = ap.fit(data, new AffinityPropagationParams(), ReferenceRuns.context(2));
        ClusterModel model = r.model().orElseThrow();
        ClusterModel back = ap.restoreModel(model.state().orElseThrow()).orElseThrow();
        Dataset probes = ReferenceRuns.dataset("blobs2d.probes");
        assertThat(back.predict(probes, ReferenceRuns.context(1))).isEqualTo(model.predict(probes, ReferenceRuns.context(1)));
        assertThat(model.predict(data, ReferenceRuns.context(1))).as("training points join their own exemplar's cluster")
                .isEqualTo(r.labels());
        assertThatThrownBy(() -> ap.restoreModel(Map.of("format", "clusterlab.affinity_propagation.model", "version", 2)))
                .isInstanceOf(DataException.class).hasMessageContaining("'version' must be 1");
    }

    /** The fit remakes rows when the heap cannot hold the similarity matrix: the rows, hence the fit, are the same bits. */
    @Test
    void rowsRemadeOnEachPassAreTheKeptRows() {
        Dataset data = ReferenceRuns.dataset("blobs5d");
        int n = data.n();
        SimilarityRows raw = SimilarityRows.features(data.data(), n, data.d());
        double[] preferences = new double[n];
        java.util.Arrays.fill(preferences, -30);
        Similarities kept = new Similarities(raw, preferences, ReferenceRuns.context(2), true);
        Similarities remade = new Similarities(raw, preferences, ReferenceRuns.context(1), false);
        assertThat(kept.kept()).isTrue();
        assertThat(remade.kept()).isFalse();
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            kept.row(i, a);
            remade.row(i, b);
            assertThat(b).as("row %d", i).isEqualTo(a);
        }
        boolean[] exemplars = new MessagePassingRun(kept).exemplars;
        assertThat(new MessagePassingRun(remade).exemplars).isEqualTo(exemplars);
    }

    /** The plain loops of the similarity rows give the engine kernel's sums bit for bit (vector body and tail). */
    @Test
    void similarityRowsAreTheEngineKernelsBits() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(14);
        for (int d : new int[] {1, 3, 6, 16}) {
            int n = 203;
            float[] x = new float[n * d];
            for (int e = 0; e < x.length; e++) {
                x[e] = (float) (random.nextGaussian() * 7);
            }
            float[] columns = new float[n * d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    columns[j * n + i] = x[i * d + j];
                }
            }
            SimilarityRows rows = SimilarityRows.features(x, n, d);
            float[] mine = new float[n];
            float[] kernel = new float[n];
            for (int i = 0; i < n; i++) {
                rows.raw(i, mine);
                ReferenceRuns.context(1).kernels().squaredEuclideanToColumns(x, i * d, columns, n, 0, n, d, kernel, 0);
                for (int k = 0; k < n; k++) {
                    float expected = k == i ? 0f : -kernel[k];
                    assertThat(Float.floatToRawIntBits(mine[k])).as("d %d, row %d, column %d", d, i, k)
                            .isEqualTo(Float.floatToRawIntBits(expected));
                }
            }
        }
    }

    /** One message passing of 50 iterations. */
    private static final class MessagePassingRun {
        final boolean[] exemplars;

        MessagePassingRun(Similarities s) {
            MessagePassing m = new MessagePassing(s);
            m.run(0.7, 50, 15, ReferenceRuns.context(2), dev.clusterlab.api.exec.ProgressListener.NONE);
            exemplars = m.exemplars();
        }
    }
}

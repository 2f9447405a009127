package dev.clusterlab.plugins.meanshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusterModel;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.testkit.EasyBlobs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge cases of issue 14's Mean Shift: scikit-learn's error when no point is within bandwidth of any
 * seed, bin seeding that leaves no seed, bad seeds, the estimated bandwidth of identical points, the
 * model's saved state, cluster_all, the alias, and identical results for 1 and 2 threads on a larger set
 * that crosses many chunks.
 */
class MeanShiftBehaviourTest {
    private final MeanShiftAlgorithm ms = new MeanShiftAlgorithm();

    private static MeanShiftParams params(Map<String, Object> raw) {
        return MeanShiftParams.from(ParamBinder.bind(MeanShiftAlgorithm.ID, MeanShiftParams.SPECS, raw));
    }

    @Test
    void seedsFarFromEveryPointGiveScikitLearnsError() {
        Dataset data = EasyBlobs.generate(2, 20, 2, 1);
        assertThatThrownBy(() -> ms.fit(data, params(Map.of("bandwidth", 1.0, "seeds", "1000,1000; -1000,5")),
                ReferenceData.context(1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("no point was within bandwidth=1.000000 of any seed");
    }

    @Test
    void seedsWithoutAPointAreDroppedOthersKept() {
        Dataset data = EasyBlobs.generate(2, 20, 2, 1);
        ClusteringResult r = ms.fit(data, params(Map.of("bandwidth", 3.0, "seeds", "1000,1000; 0,0")), ReferenceData.context(1));
        assertThat(r.centroidCount()).isEqualTo(1);
        assertThat(r.labels()).containsOnly(0);
    }

    @Test
    void binSeedingWithNoFullCellIsADataException() {
        Dataset data = EasyBlobs.generate(2, 20, 2, 1);
        assertThatThrownBy(() -> ms.fit(data, params(Map.of("bandwidth", 1.0, "bin_seeding", true, "min_bin_freq", 1000)),
                ReferenceData.context(1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("min_bin_freq=1000");
    }

    @Test
    void malformedSeedsNameTheParameter() {
        assertThatThrownBy(() -> params(Map.of("seeds", "1,2; 3")))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'seeds'")
                .hasMessageContaining("row 2 has 1 coordinates but row 1 has 2");
        assertThatThrownBy(() -> params(Map.of("seeds", "1,x")))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'seeds'")
                .hasMessageContaining("\"x\", not a number");
    }

    @Test
    void seedsOfAnotherDimensionNameTheParameter() {
        Dataset data = EasyBlobs.generate(2, 20, 3, 1);
        assertThatThrownBy(() -> ms.fit(data, params(Map.of("bandwidth", 1.0, "seeds", "1,2")), ReferenceData.context(1)))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'seeds'")
                .hasMessageContaining("rows of 3 coordinates");
    }

    @Test
    void identicalPointsCannotEstimateABandwidth() {
        Dataset data = Dataset.of("same", new float[][] {{1, 1}, {1, 1}, {1, 1}, {1, 1}});
        assertThatThrownBy(() -> ms.fit(data, new MeanShiftParams(0), ReferenceData.context(1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("estimated bandwidth is 0");
        ClusteringResult r = ms.fit(data, new MeanShiftParams(0.5), ReferenceData.context(1));
        assertThat(r.labels()).containsOnly(0);
    }

    @Test
    void clusterAllFalseMakesFarPointsNoiseButPredictStillGivesTheNearestCentre() {
        float[][] rows = new float[41][];
        Dataset blobs = EasyBlobs.generate(2, 20, 2, 3);
        for (int i = 0; i < 40; i++) {
            rows[i] = blobs.row(i);
        }
        rows[40] = new float[] {10, 50};
        Dataset data = Dataset.of("with-outlier", rows);
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("bandwidth", 3.0, "bin_seeding", true, "min_bin_freq", 3,
                "cluster_all", false));
        ClusteringResult r = ms.fit(data, params(raw), ReferenceData.context(2));
        assertThat(r.labels()[40]).isEqualTo(-1);
        assertThat(r.noiseCount()).isEqualTo(1);
        int[] predicted = r.model().orElseThrow().predict(Dataset.of("far", new float[][] {{10, 50}}), ReferenceData.context(1));
        assertThat(predicted[0]).isGreaterThanOrEqualTo(0);
        raw.put("cluster_all", true);
        assertThat(ms.fit(data, params(raw), ReferenceData.context(2)).noiseCount()).isZero();
    }

    @Test
    void savedStateRestoresAModelThatPredictsTheSame() {
        Dataset data = ReferenceData.dataset("blobs2d", false);
        Dataset probes = ReferenceData.dataset("blobs2d", true);
        ClusteringResult r = ms.fit(data, new MeanShiftParams(1.5), ReferenceData.context(2));
        ClusterModel model = r.model().orElseThrow();
        Map<String, Object> state = model.state().orElseThrow();
        MeanShiftModel restored = (MeanShiftModel) ms.restoreModel(state).orElseThrow();
        assertThat(restored.centres()).isEqualTo(((MeanShiftModel) model).centres());
        assertThat(restored.predict(probes, ReferenceData.context(1))).isEqualTo(model.predict(probes, ReferenceData.context(2)));
        assertThat(restored.predict(data, ReferenceData.context(1))).isEqualTo(r.labels());
        assertThat(restored.params()).isEqualTo(((MeanShiftModel) model).params());
        Map<String, Object> broken = new LinkedHashMap<>(state);
        broken.put("labels", List.of(0));
        assertThatThrownBy(() -> ms.restoreModel(broken)).isInstanceOf(DataException.class).hasMessageContaining("'labels'");
    }

    @Test
    void predictRefusesAnotherDimension() {
        ClusteringResult r = ms.fit(EasyBlobs.generate(2, 20, 2, 1), new MeanShiftParams(3), ReferenceData.context(1));
        assertThatThrownBy(() -> r.model().orElseThrow().predict(EasyBlobs.generate(2, 5, 3, 1), ReferenceData.context(1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("fitted on 2 features");
    }

    @Test
    void oneAndTwoThreadsGiveTheSameBitsOnManyChunks() {
        Dataset data = EasyBlobs.generate(6, 500, 2, 9);
        for (Map<String, Object> raw : List.<Map<String, Object>>of(Map.of("bandwidth", 0.7), Map.of("bandwidth", 0.7, "bin_seeding", true),
                Map.of("n_samples", 500))) {
            MeanShiftModel one = (MeanShiftModel) ms.fit(data, params(raw), ReferenceData.context(1)).model().orElseThrow();
            ClusteringResult r2 = ms.fit(data, params(raw), ReferenceData.context(2));
            MeanShiftModel two = (MeanShiftModel) r2.model().orElseThrow();
            assertThat(two.centres()).as("%s", raw).isEqualTo(one.centres());
            assertThat(Double.doubleToLongBits(two.params().bandwidth())).isEqualTo(Double.doubleToLongBits(one.params().bandwidth()));
            assertThat(r2.labels()).isEqualTo(one.predict(data, ReferenceData.context(1)));
        }
    }

    @Test
    void binSeedingFallbackIsSaidInTheMessage() {
        Dataset data = EasyBlobs.generate(2, 20, 2, 1);
        List<String> messages = new ArrayList<>();
        ms.fit(data, params(Map.of("bandwidth", 0.001, "bin_seeding", true)), ReferenceData.recording(ReferenceData.context(1), messages));
        assertThat(messages.getLast()).contains("binning data failed with bin_size=0.001000").contains("40 clusters");
    }

    @Test
    void theAliasIsMeanshift() {
        assertThat(ms.descriptor().id()).isEqualTo("mean_shift");
        assertThat(ms.descriptor().aliases()).containsExactly("meanshift");
    }
}

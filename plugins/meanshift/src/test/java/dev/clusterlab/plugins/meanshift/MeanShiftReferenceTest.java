package dev.clusterlab.plugins.meanshift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.Labels;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.param.ParamBinder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mean Shift against scikit-learn 1.2.1's {@code MeanShift} on the committed datasets
 * ({@code scripts/reference/meanshift_reference.py}): 2-d and 5-d blobs, moons and anisotropic blobs;
 * given and estimated bandwidths (the defaults, another quantile, a sample of n_samples drawn as numpy's
 * {@code RandomState(0)}), bin seeding (with min_bin_freq 1 and 5, and with a bandwidth so small that
 * every point has its own cell: scikit-learn's warning and fallback), cluster_all false (orphans -1),
 * max_iter 2, and given seeds. Each run must give scikit-learn's bandwidth, number of clusters, labels
 * ({@code labels_} identical, not only the same partition: the centres are in scikit-learn's order),
 * {@code n_iter_}, {@code predict} on new points, and its centres in the same order within
 * {@value #CENTRE_TOLERANCE} of the largest coordinate; with 1 and 2 threads, bit for bit the same.
 *
 * <p>Why a tolerance: a centre is a double mean of the same float32 values in both, but scikit-learn sums
 * them in its kd-tree's order and ClusterLab in ascending row order, so the last bits differ (a sum of
 * {@code c} terms: at most about {@code c 2^-53} of the largest value, {@code 5e-14} for the 400 points
 * here); 1e-12 leaves room for that and nothing more. An estimated bandwidth is a double average of
 * double k-th-neighbour distances, summed in another order too: 1e-12 relative.
 */
class MeanShiftReferenceTest {
    private static final double CENTRE_TOLERANCE = 1e-12;

    static List<ReferenceData.Run> runs() {
        return ReferenceData.runs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void matchesScikitLearn(ReferenceData.Run run) {
        Dataset data = ReferenceData.dataset(run.dataset(), false);
        MeanShiftAlgorithm ms = new MeanShiftAlgorithm();
        List<String> messages = new ArrayList<>();
        ExecutionContext one = ReferenceData.recording(ReferenceData.context(1), messages);
        ClusteringResult r1 = ms.fit(data, ParamBinder.bind(MeanShiftAlgorithm.ID, MeanShiftParams.SPECS, run.params()), one);
        ClusteringResult r2 = ms.fit(data, MeanShiftParams.from(
                ParamBinder.bind(MeanShiftAlgorithm.ID, MeanShiftParams.SPECS, run.params())), ReferenceData.context(2));
        MeanShiftModel m1 = (MeanShiftModel) r1.model().orElseThrow();
        MeanShiftModel m2 = (MeanShiftModel) r2.model().orElseThrow();
        assertThat(r2.labels()).as("labels with 2 threads").isEqualTo(r1.labels());
        assertThat(m2.centres()).as("centres with 2 threads").isEqualTo(m1.centres());

        double bandwidth = m1.params().bandwidth();
        assertThat(Math.abs(bandwidth - run.bandwidth())).as("bandwidth %s vs scikit-learn's %s", bandwidth, run.bandwidth())
                .isLessThanOrEqualTo(CENTRE_TOLERANCE * run.bandwidth());
        assertThat(m1.centreCount()).as("number of clusters").isEqualTo(run.clusters());
        assertThat(r1.iterations()).as("n_iter_").isEqualTo(run.nIter());
        assertThat(messages.getLast().contains("binning data failed")).as("the bin-seeding fallback is said: " + messages.getLast())
                .isEqualTo(run.warned());

        double[] expected = ReferenceData.numbers(run.run() + ".centres.csv");
        double[] actual = m1.centres();
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / scale);
        }
        assertThat(worst).as("largest centre difference, relative to the largest coordinate").isLessThanOrEqualTo(CENTRE_TOLERANCE);

        int[] sklearnLabels = ReferenceData.labels(run.run() + ".labels.csv");
        assertThat(Labels.checkContract(r1.labels(), data.n())).as("label contract").isNull();
        assertThat(r1.labels()).as("labels_").isEqualTo(sklearnLabels);
        Dataset probes = ReferenceData.dataset(run.dataset(), true);
        assertThat(m1.predict(probes, ReferenceData.context(2))).as("predict(probes)")
                .isEqualTo(ReferenceData.labels(run.run() + ".predict.csv"));
        assertThat(r1.centroidCount()).isEqualTo(run.clusters());
    }
}

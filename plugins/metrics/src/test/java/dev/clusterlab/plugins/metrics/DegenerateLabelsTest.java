package dev.clusterlab.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.metric.QualityMetric;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Labels for which a metric is undefined give NaN instead of an exception; the noise conventions;
 * and inputs that are mistakes (wrong length, labels below -1, no ground truth) fail clearly.
 */
class DegenerateLabelsTest {
    private static final ExecutionContext CONTEXT = Metrics.context(2);
    /** Six points on a line, in two obvious groups, with ground truth. */
    private static final Dataset LINE = Dataset.of("line", 6, 1, new float[] {0, 1, 2, 10, 11, 12}, null,
            new int[] {0, 0, 0, 1, 1, 1});

    static List<QualityMetric> internal() {
        return Metrics.all().stream().filter(m -> !m.descriptor().needsGroundTruth()).toList();
    }

    static List<QualityMetric> external() {
        return Metrics.all().stream().filter(m -> m.descriptor().needsGroundTruth()).toList();
    }

    @ParameterizedTest
    @MethodSource("internal")
    void internalIsNaNForOneClusterAllNoiseOrOneClusterPerPoint(QualityMetric metric) {
        assertThat(metric.compute(LINE, new int[] {0, 0, 0, 0, 0, 0}, CONTEXT)).isNaN();
        assertThat(metric.compute(LINE, new int[] {-1, -1, -1, -1, -1, -1}, CONTEXT)).isNaN();
        assertThat(metric.compute(LINE, new int[] {0, 1, 2, 3, 4, 5}, CONTEXT)).isNaN();
        assertThat(metric.compute(LINE, new int[] {0, -1, -1, 1, -1, -1}, CONTEXT)).as("2 clusters on 2 points").isNaN();
        assertThat(metric.compute(LINE, new int[] {0, 0, 0, -1, -1, -1}, CONTEXT)).as("one cluster left").isNaN();
    }

    @ParameterizedTest
    @MethodSource("internal")
    void internalLeavesNoiseOut(QualityMetric metric) {
        Dataset withoutNoise = Dataset.of("line-4", 4, 1, new float[] {0, 1, 10, 12}, null, null);
        double expected = metric.compute(withoutNoise, new int[] {0, 0, 1, 1}, CONTEXT);
        // Noise in the middle of the data: if it were counted as a cluster or as members, values would move.
        assertThat(metric.compute(LINE, new int[] {0, 0, -1, 1, -1, 1}, CONTEXT)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("internalAndExternal")
    void labelValuesOnlyNameGroups(QualityMetric metric) {
        double consecutive = metric.compute(LINE, new int[] {0, 0, 1, 1, 2, 2}, CONTEXT);
        assertThat(metric.compute(LINE, new int[] {7, 7, 3, 3, 40, 40}, CONTEXT)).isCloseTo(consecutive, within(1e-15));
    }

    static List<QualityMetric> internalAndExternal() {
        return Metrics.all();
    }

    @Test
    void silhouetteOfASingletonIsZeroByDefinition() {
        // Points 0, 1 in one cluster and 10 alone: s = (10-1)/10, (9-1)/9 and 0 for the singleton.
        Dataset three = Dataset.of("three", 3, 1, new float[] {0, 1, 10}, null, null);
        double expected = (0.9 + 8.0 / 9.0 + 0.0) / 3.0;
        assertThat(new Silhouette().compute(three, new int[] {0, 0, 1}, CONTEXT)).isCloseTo(expected, within(1e-7));
    }

    @Test
    void silhouetteOfDuplicatesAcrossClustersIsZero() {
        Dataset same = Dataset.of("same", 4, 1, new float[] {5, 5, 5, 5}, null, null);
        assertThat(new Silhouette().compute(same, new int[] {0, 0, 1, 1}, CONTEXT)).isZero();
    }

    @ParameterizedTest
    @MethodSource("external")
    void externalIsNaNWhenAllGroundTruthIsNoise(QualityMetric metric) {
        Dataset noTruth = LINE.withTruth(new int[] {-1, -1, -1, -1, -1, -1});
        assertThat(metric.compute(noTruth, new int[] {0, 0, 0, 1, 1, 1}, CONTEXT)).isNaN();
    }

    @ParameterizedTest
    @MethodSource("external")
    void externalLeavesGroundTruthNoiseOutAndCountsPredictedNoiseAsAGroup(QualityMetric metric) {
        Dataset partlyNoise = LINE.withTruth(new int[] {0, 0, -1, 1, 1, -1});
        // Rows 3 and 6 have no truth, so what is predicted for them does not matter.
        double value = metric.compute(partlyNoise, new int[] {0, 0, 1, 1, 1, 0}, CONTEXT);
        assertThat(value).isEqualTo(1.0);
        // Predicted noise is one group: all of class 1 called noise is still a perfect match...
        assertThat(metric.compute(LINE, new int[] {0, 0, 0, -1, -1, -1}, CONTEXT)).isEqualTo(1.0);
        // ...and noise spread over both classes is one group straddling them, not a perfect match.
        assertThat(metric.compute(LINE, new int[] {0, 0, -1, 1, 1, -1}, CONTEXT)).isLessThan(1.0);
    }

    @ParameterizedTest
    @MethodSource("external")
    void externalOfOneGroupInBothIsAPerfectMatch(QualityMetric metric) {
        Dataset oneClass = LINE.withTruth(new int[] {0, 0, 0, 0, 0, 0});
        assertThat(metric.compute(oneClass, new int[] {3, 3, 3, 3, 3, 3}, CONTEXT)).isEqualTo(1.0);
    }

    static List<QualityMetric> chanceOrInformationBased() {
        return external().stream().filter(m -> List.of("adjusted_rand", "nmi", "adjusted_mutual_info", "completeness",
                "v_measure").contains(m.descriptor().id())).toList();
    }

    @ParameterizedTest
    @MethodSource("chanceOrInformationBased")
    void oneClassSplitCarriesNoInformation(QualityMetric metric) {
        // Homogeneity (1: each group is pure), Rand and Fowlkes-Mallows (pairs apart in the prediction)
        // are not 0 here; their scikit-learn values are in label_pairs.expected.csv (one_class_split_60).
        Dataset oneClass = LINE.withTruth(new int[] {0, 0, 0, 0, 0, 0});
        assertThat(metric.compute(oneClass, new int[] {0, 0, 0, 1, 1, 1}, CONTEXT)).isEqualTo(0.0);
    }

    @Test
    void homogeneityAndCompletenessSwapWithTruthAndPrediction() {
        int[] truth = ReferenceData.labels("blobs", "truth");
        int[] predicted = ReferenceData.labels("blobs", "kmeans_over");
        // Leave out ground-truth noise on both sides so that swapping is a pure swap.
        int[] keep = IntStream.range(0, truth.length).filter(i -> truth[i] != -1).toArray();
        int[] t = Arrays.stream(keep).map(i -> truth[i]).toArray();
        int[] p = Arrays.stream(keep).map(i -> predicted[i]).toArray();
        Dataset forward = Dataset.of("f", t.length, 1, new float[t.length], null, t);
        Dataset backward = Dataset.of("b", t.length, 1, new float[t.length], null, p);
        assertThat(new Homogeneity().compute(forward, p, CONTEXT))
                .isEqualTo(new Completeness().compute(backward, t, CONTEXT));
        assertThat(new VMeasure().compute(forward, p, CONTEXT))
                .isCloseTo(new VMeasure().compute(backward, t, CONTEXT), within(1e-15));
        assertThat(new VMeasure().compute(forward, p, CONTEXT))
                .isCloseTo(new NormalizedMutualInformation().compute(forward, p, CONTEXT), within(1e-14));
    }

    @Test
    void adjustedRandMatchesTheTextbookExamples() {
        // The examples in scikit-learn's adjusted_rand_score documentation.
        Dataset four = Dataset.of("four", 4, 1, new float[] {0, 1, 2, 3}, null, new int[] {0, 0, 1, 1});
        assertThat(new AdjustedRand().compute(four, new int[] {0, 1, 0, 1}, CONTEXT)).isEqualTo(-0.5);
        Dataset split = four.withTruth(new int[] {0, 0, 0, 0});
        assertThat(new AdjustedRand().compute(split, new int[] {0, 1, 2, 3}, CONTEXT)).isEqualTo(0.0);
    }

    @ParameterizedTest
    @MethodSource("internalAndExternal")
    void inputsAreNotModified(QualityMetric metric) {
        Dataset blobs = ReferenceData.dataset("blobs");
        float[] before = blobs.data().clone();
        int[] labels = ReferenceData.labels("blobs", "noisy");
        int[] labelsBefore = labels.clone();
        metric.compute(blobs, labels, CONTEXT);
        assertThat(blobs.data()).isEqualTo(before);
        assertThat(labels).isEqualTo(labelsBefore);
    }

    @ParameterizedTest
    @MethodSource("internalAndExternal")
    void wrongNumberOfLabelsNamesMetricAndCounts(QualityMetric metric) {
        assertThatThrownBy(() -> metric.compute(LINE, new int[] {0, 1}, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + metric.descriptor().id() + "'")
                .hasMessageContaining("expected 6 labels")
                .hasMessageContaining("got 2");
    }

    @ParameterizedTest
    @MethodSource("internalAndExternal")
    void labelBelowMinusOneNamesTheRow(QualityMetric metric) {
        int[] labels = {0, 0, 0, 1, -2, 1};
        assertThatThrownBy(() -> metric.compute(LINE, labels, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 5")
                .hasMessageContaining("got -2");
    }

    @ParameterizedTest
    @MethodSource("external")
    void externalWithoutGroundTruthSaysSo(QualityMetric metric) {
        Dataset bare = LINE.withTruth(null);
        assertThatThrownBy(() -> metric.compute(bare, new int[] {0, 0, 0, 1, 1, 1}, CONTEXT))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'" + metric.descriptor().id() + "'")
                .hasMessageContaining("no ground-truth labels");
    }

    @ParameterizedTest
    @MethodSource("internal")
    void internalIgnoresGroundTruth(QualityMetric metric) {
        int[] labels = {0, 0, 0, 1, 1, 1};
        assertThat(metric.compute(LINE.withTruth(null), labels, CONTEXT))
                .isEqualTo(metric.compute(LINE, Arrays.copyOf(labels, 6), CONTEXT));
    }
}

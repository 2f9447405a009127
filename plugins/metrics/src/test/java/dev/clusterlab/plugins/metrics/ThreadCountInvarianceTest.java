package dev.clusterlab.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.metric.QualityMetric;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same bits with 1 and 3 threads (chunks fixed by n, combined in chunk order). */
class ThreadCountInvarianceTest {

    static List<QualityMetric> metrics() {
        return Metrics.all();
    }

    @ParameterizedTest
    @MethodSource("metrics")
    void sameBitsForOneAndThreeThreads(QualityMetric metric) {
        for (String name : List.of("blobs", "wine", "blobs19")) {
            Dataset data = ReferenceData.dataset(name);
            for (String labelling : List.of("kmeans", "noisy", "bad")) {
                int[] labels = ReferenceData.labels(name, labelling);
                double one = metric.compute(data, labels, Metrics.context(1));
                double three = metric.compute(data, labels, Metrics.context(3));
                assertThat(Double.doubleToRawLongBits(three)).as(name + "/" + labelling)
                        .isEqualTo(Double.doubleToRawLongBits(one));
            }
        }
    }

    @Test
    void expectedMutualInformationIsChunkedHereAndTheSameForOneAndTwoThreads() {
        ReferenceData.Pair pair = ReferenceData.pairs().get("random_6000_100x120");
        Contingency t = Contingency.of("test", pair.dataset(), pair.predicted());
        long terms = 0;
        for (long a : t.classSizes()) {
            for (long b : t.clusterSizes()) {
                terms += Math.min(a, b) - Math.max(1, a + b - t.n()) + 1;
            }
        }
        assertThat(terms).as("enough terms for the parallel path").isGreaterThan(ExpectedMutualInformation.SEQUENTIAL);
        double one = ExpectedMutualInformation.of(t, Metrics.context(1));
        double two = ExpectedMutualInformation.of(t, Metrics.context(2));
        assertThat(Double.doubleToRawLongBits(two)).isEqualTo(Double.doubleToRawLongBits(one));
        double ami1 = new AdjustedMutualInformation().compute(pair.dataset(), pair.predicted(), Metrics.context(1));
        double ami2 = new AdjustedMutualInformation().compute(pair.dataset(), pair.predicted(), Metrics.context(2));
        assertThat(Double.doubleToRawLongBits(ami2)).isEqualTo(Double.doubleToRawLongBits(ami1));
    }

    @Test
    void silhouetteSpansSeveralChunksHere() {
        // Guard for the test above: with a single chunk thread counts could not matter.
        assertThat(ReferenceData.dataset("blobs").n()).isGreaterThan(3 * Silhouette.CHUNK);
    }
}

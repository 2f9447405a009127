package dev.clusterlab.plugins.density;

import dev.clusterlab.api.testkit.AdjustedRand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringResult;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DBSCAN against scikit-learn 1.2.1 on the committed datasets (noise, varying density, 2-d and 4-d,
 * euclidean, manhattan and chebyshev, with and without sample weights): same core points, same noise,
 * and the same partition (ARI 1; the issue asks for at least 0.99), with 1 and 3 threads.
 */
class DbscanReferenceTest {

    static List<ReferenceData.Run> runs() {
        return ReferenceData.runs("dbscan");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void matchesScikitLearn(ReferenceData.Run run) {
        Dataset data = ReferenceData.dataset(run.dataset(), run.weighted());
        List<String[]> expected = ReferenceData.output(run);
        int[] sklearnLabels = ReferenceData.ints(expected, 0);
        int[] sklearnCore = IntStream.range(0, data.n()).filter(i -> expected.get(i)[1].equals("1")).toArray();

        ClusteringResult one = Fits.fit(new DbscanAlgorithm(), data, run.bindable(), 1);
        ClusteringResult three = Fits.fit(new DbscanAlgorithm(), data, run.bindable(), 3);

        assertThat(three.labels()).as("labels with 3 threads").isEqualTo(one.labels());
        assertThat(((DbscanModel) one.model().orElseThrow()).coreSampleIndices()).as("core points").isEqualTo(sklearnCore);
        assertThat(noise(one.labels())).as("noise").isEqualTo(noise(sklearnLabels));
        assertThat(AdjustedRand.of(sklearnLabels, one.labels())).as("ARI against scikit-learn").isGreaterThanOrEqualTo(0.99);
        assertThat(AdjustedRand.of(sklearnLabels, one.labels())).as("the border rule reproduces scikit-learn's").isEqualTo(1.0);
        assertThat(one.clusterCount()).isEqualTo(Arrays.stream(sklearnLabels).max().orElseThrow() + 1);
    }

    private static int[] noise(int[] labels) {
        return IntStream.range(0, labels.length).filter(i -> labels[i] == -1).toArray();
    }
}

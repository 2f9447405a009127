package dev.clusterlab.plugins.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The silhouette of large data is computed on a seeded sample (scikit-learn's {@code sample_size}):
 * exact at and below the threshold, sampled above it, said so through progress, the same for 1 and 2
 * threads and a seed, and equal to the exact silhouette of the sampled rows.
 */
class SilhouetteSamplingTest {

    /** Three Gaussian blobs in 3-d, with every 10th label set to noise. */
    private static Dataset blobs(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * 3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i * 3 + j] = (float) (4.0 * ((i % 3) == j ? 1 : 0) + nextGaussian(random));
            }
        }
        return Dataset.of("blobs" + n, n, 3, x, null, null);
    }

    private static double nextGaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    private static int[] labels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10 == 9 ? -1 : i % 3;
        }
        return labels;
    }

    /** A context with the given threads and seed that records progress messages. */
    private static ExecutionContext recording(int threads, long seed, List<String> messages) {
        ExecutionContext base = Metrics.context(threads).withSeed(seed);
        return base.withProgress((fraction, message) -> messages.add(message));
    }

    @Test
    void atTheDefaultThresholdItIsExactAndSilent() {
        int n = 900; // small: the default threshold is far away
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        double value = new Silhouette().compute(blobs(n, 1), labels(n), recording(2, 7, messages));
        assertThat(messages).isEmpty();
        // Below the threshold the seed cannot matter.
        assertThat(new Silhouette().compute(blobs(n, 1), labels(n), Metrics.context(1).withSeed(99))).isEqualTo(value);
    }

    @Test
    void aboveTheThresholdASeededSampleIsScoredAndReported() {
        Silhouette small = new Silhouette(500, 200);
        int n = 1000; // 900 non-noise points > 500
        Dataset data = blobs(n, 2);
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        double sampled = small.compute(data, labels(n), recording(2, 5, messages));
        assertThat(messages).singleElement().satisfies(m -> assertThat(m)
                .contains("sampled").contains("200").contains("n = 900").contains("seed 5"));

        // It is the exact silhouette of the sampled non-noise rows.
        Clusters all = Clusters.withoutNoise("silhouette", data, labels(n));
        int[] rows = Silhouette.sample(all.n(), 200, 5);
        float[] x = new float[rows.length * 3];
        int[] l = new int[rows.length];
        for (int m = 0; m < rows.length; m++) {
            System.arraycopy(all.points(), rows[m] * 3, x, m * 3, 3);
            l[m] = all.labels()[rows[m]];
        }
        double exactOfSample = new Silhouette().compute(Dataset.of("sample", rows.length, 3, x, null, null), l,
                Metrics.context(1));
        assertThat(sampled).isEqualTo(exactOfSample);

        // Another seed, another sample; the same seed, the same value.
        assertThat(small.compute(data, labels(n), Metrics.context(1).withSeed(6))).isNotEqualTo(sampled);
        assertThat(small.compute(data, labels(n), Metrics.context(1).withSeed(5))).isEqualTo(sampled);
    }

    @Test
    void justAtTheThresholdNothingIsSampled() {
        Silhouette small = new Silhouette(900, 200);
        int n = 1000; // exactly 900 non-noise points
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        double value = small.compute(blobs(n, 3), labels(n), recording(1, 5, messages));
        assertThat(messages).isEmpty();
        assertThat(value).isEqualTo(new Silhouette().compute(blobs(n, 3), labels(n), Metrics.context(2)));
    }

    @Test
    void sampleIsDistinctSortedAndFixedBySeed() {
        int[] a = Silhouette.sample(50_000, 10_000, 11);
        assertThat(a).hasSize(10_000).isSorted().doesNotHaveDuplicates();
        assertThat(a[0]).isGreaterThanOrEqualTo(0);
        assertThat(a[a.length - 1]).isLessThan(50_000);
        assertThat(Silhouette.sample(50_000, 10_000, 11)).isEqualTo(a);
        assertThat(Silhouette.sample(50_000, 10_000, 12)).isNotEqualTo(a);
    }

    @Test
    void defaultThresholdSamplesTheSameBitsForOneAndTwoThreads() {
        int n = 22_300; // 20,070 non-noise points: just above the 20,000 of the default
        Dataset data = blobs(n, 4);
        int[] labels = labels(n);
        List<String> one = Collections.synchronizedList(new ArrayList<>());
        List<String> two = Collections.synchronizedList(new ArrayList<>());
        double s1 = new Silhouette().compute(data, labels, recording(1, 42, one));
        double s2 = new Silhouette().compute(data, labels, recording(2, 42, two));
        assertThat(Double.doubleToRawLongBits(s2)).isEqualTo(Double.doubleToRawLongBits(s1));
        assertThat(one).singleElement().satisfies(m -> assertThat(m)
                .contains("sampled " + Silhouette.SAMPLE_SIZE).contains("n = 20070"));
        assertThat(two).isEqualTo(one);
        assertThat(s1).isBetween(0.3, 1.0); // separated blobs
    }
}

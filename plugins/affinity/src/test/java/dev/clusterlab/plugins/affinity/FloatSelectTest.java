package dev.clusterlab.plugins.affinity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The counting selection against a full sort, on matrices with negatives, zeros, repeats and both parities. */
class FloatSelectTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 50, 101})
    void theMedianIsTheSortedMiddle(int n) {
        SplittableRandom random = new SplittableRandom(n);
        float[][] rows = new float[n][n];
        float[] all = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                // Repeats (a coarse grid), zeros, negative and positive values.
                float v = i == k ? 0f : (float) Math.round(random.nextGaussian() * 40) / 8 - 1;
                rows[i][k] = v;
                all[i * n + k] = v;
            }
        }
        Arrays.sort(all);
        int m = all.length;
        double expected = m % 2 == 1 ? all[m / 2] : ((double) all[m / 2 - 1] + all[m / 2]) / 2;
        java.util.function.BiConsumer<Integer, float[]> source = (i, out) -> System.arraycopy(rows[i], 0, out, 0, n);
        assertThat(FloatSelect.median(n, source, ReferenceRuns.context(2).parallel())).isEqualTo(expected);
        for (int rank : new int[] {0, m / 3, m - 1}) {
            assertThat(FloatSelect.select(n, source, rank, rank, ReferenceRuns.context(1).parallel())[0]).isEqualTo(all[rank]);
        }
    }
}

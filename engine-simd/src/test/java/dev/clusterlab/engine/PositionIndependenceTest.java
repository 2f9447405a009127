package dev.clusterlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A distance must not depend on where its two vectors lie in their arrays: the kd-trees, compact blocks and
 * Boruvka's searches compute on reordered copies of the data and compare their edges and neighbours with
 * distances computed on the original rows. The same values at the start of an array, in the middle of a
 * large one, and alone in an array of their own length must give the same bits.
 */
class PositionIndependenceTest {
    private static final List<Distance> KINDS = List.of(Distance.SQUARED_EUCLIDEAN, Distance.EUCLIDEAN, Distance.MANHATTAN,
            Distance.CHEBYSHEV, Distance.minkowski(3), Distance.minkowski(1.5), Distance.COSINE, Distance.INNER_PRODUCT);

    @Test
    void theSameValuesGiveTheSameBitsAtEveryOffset() {
        Kernels kernels = new VectorKernels();
        SplittableRandom rnd = new SplittableRandom(11);
        int[] offsets = {0, 1, 5, 16, 37};
        for (int d = 1; d <= 70; d++) {
            float[] a = new float[d];
            float[] b = new float[d];
            for (int j = 0; j < d; j++) {
                a[j] = (float) rnd.nextDouble(-10, 10);
                b[j] = (float) rnd.nextDouble(-10, 10);
            }
            for (Distance kind : KINDS) {
                int reference = Float.floatToRawIntBits(kernels.distance(kind, a, 0, b, 0, d));
                for (int ao : offsets) {
                    for (int bo : offsets) {
                        float[] big = new float[ao + bo + 2 * d + 64];
                        System.arraycopy(a, 0, big, ao, d);
                        System.arraycopy(b, 0, big, ao + d + bo, d);
                        int bits = Float.floatToRawIntBits(kernels.distance(kind, big, ao, big, ao + d + bo, d));
                        assertThat(bits).as("%s d=%d a at %d, b at %d", kind, d, ao, ao + d + bo).isEqualTo(reference);
                    }
                }
            }
        }
    }
}

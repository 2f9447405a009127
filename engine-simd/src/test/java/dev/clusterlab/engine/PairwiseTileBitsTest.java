package dev.clusterlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.kernel.Distance;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A pair's bits from the vector pairwise kernel do not depend on whether it fell in a 4 x 4 tile or on the
 * block's edge (summed alone): both sum one accumulator's lanes and then the tail in the same order.
 */
class PairwiseTileBitsTest {
    @Test
    void tilesAndEdgesGiveTheSameBits() {
        VectorKernels kernels = new VectorKernels();
        SplittableRandom rnd = new SplittableRandom(3);
        int rows = 9; // two tiles of 4 and an edge row, each way
        for (int d : new int[] {PairwiseTiles.MIN_DIM, PairwiseTiles.MIN_DIM + 1, 79, 100, 207}) {
            float[] a = new float[rows * d];
            float[] b = new float[rows * d];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (rnd.nextDouble(-1, 1) * Math.pow(10, rnd.nextInt(-2, 3)));
                b[i] = (float) (rnd.nextDouble(-1, 1) * Math.pow(10, rnd.nextInt(-2, 3)));
            }
            for (Distance distance : List.of(Distance.SQUARED_EUCLIDEAN, Distance.EUCLIDEAN, Distance.INNER_PRODUCT)) {
                float[] block = new float[rows * rows];
                kernels.pairwise(distance, a, 0, rows, b, 0, rows, d, block);
                float[] one = new float[1];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < rows; j++) {
                        kernels.pairwise(distance, a, i, i + 1, b, j, j + 1, d, one);
                        assertThat(Float.floatToRawIntBits(block[i * rows + j]))
                                .as("%s d=%d pair (%d,%d)", distance, d, i, j)
                                .isEqualTo(Float.floatToRawIntBits(one[0]));
                    }
                }
            }
        }
    }
}

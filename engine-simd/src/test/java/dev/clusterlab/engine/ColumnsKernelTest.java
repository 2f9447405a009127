package dev.clusterlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.kernel.Kernels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Squared Euclidean distances to rows held column by column: vector and scalar give the same bits, and
 * those of the scalar one-to-one kernel on the same rows laid out row by row; infinite rows are infinite.
 */
class ColumnsKernelTest {
    private static final Kernels SCALAR = new ScalarKernels();
    private static final Kernels VECTOR = new VectorKernels();

    @Test
    void vectorAndScalarAgreeBitForBitWithTheRowKernel() {
        SplittableRandom rnd = new SplittableRandom(5);
        int cases = 0;
        for (int d : new int[] {1, 2, 3, 5, 8, 13, 33}) {
            for (int rows : new int[] {1, 7, 16, 63, 64, 65, 200, 1031}) {
                int stride = rows + 9;
                float[] columns = new float[d * stride];
                float[] rowMajor = new float[rows * d];
                for (int r = 0; r < rows; r++) {
                    for (int k = 0; k < d; k++) {
                        float v = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-3, 4)));
                        columns[k * stride + r] = v;
                        rowMajor[r * d + k] = v;
                    }
                }
                float[] query = new float[d + 2];
                for (int k = 0; k < query.length; k++) {
                    query[k] = (float) rnd.nextGaussian();
                }
                int from = rows > 3 ? 2 : 0;
                float[] scalar = new float[rows + 4];
                float[] vector = new float[rows + 4];
                SCALAR.squaredEuclideanToColumns(query, 2, columns, stride, from, rows, d, scalar, 3);
                VECTOR.squaredEuclideanToColumns(query, 2, columns, stride, from, rows, d, vector, 3);
                for (int r = from; r < rows; r++) {
                    float expected = SCALAR.squaredEuclidean(query, 2, rowMajor, r * d, d);
                    assertThat(Float.floatToIntBits(scalar[3 + r - from])).as("scalar d=%d rows=%d r=%d", d, rows, r)
                            .isEqualTo(Float.floatToIntBits(expected));
                    assertThat(Float.floatToIntBits(vector[3 + r - from])).as("vector d=%d rows=%d r=%d", d, rows, r)
                            .isEqualTo(Float.floatToIntBits(expected));
                }
                cases++;
            }
        }
        assertThat(cases).isEqualTo(56);
    }

    @Test
    void aRowWithAnInfiniteCoordinateIsInfinitelyFar() {
        int stride = 40;
        float[] columns = new float[2 * stride];
        columns[5] = Float.POSITIVE_INFINITY;
        columns[stride + 33] = Float.POSITIVE_INFINITY;
        float[] out = new float[40];
        for (Kernels k : new Kernels[] {SCALAR, VECTOR}) {
            k.squaredEuclideanToColumns(new float[] {1, 2}, 0, columns, stride, 0, 40, 2, out, 0);
            assertThat(out[5]).isInfinite();
            assertThat(out[33]).isInfinite();
            assertThat(out[6]).isEqualTo(5f);
        }
    }
}

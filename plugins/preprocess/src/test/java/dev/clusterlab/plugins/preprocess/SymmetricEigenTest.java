package dev.clusterlab.plugins.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The eigen-decomposition under PCA: A v = λ v, orthonormal vectors, ascending values, on random matrices. */
class SymmetricEigenTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 20, 64})
    void decomposesRandomSymmetricMatrices(int d) {
        SplittableRandom random = new SplittableRandom(d);
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = random.nextDouble(-1, 1) * (j == i ? 10 : 1);
            }
        }
        if (d > 3) {
            a[1] = a[0].clone(); // a repeated row and column: a zero eigenvalue
            for (int i = 0; i < d; i++) {
                a[i][1] = a[i][0];
            }
        }
        double[][] copy = new double[d][];
        for (int i = 0; i < d; i++) {
            copy[i] = a[i].clone();
        }
        SymmetricEigen eigen = new SymmetricEigen(a);
        double[] values = eigen.values();
        assertThat(a).as("input left alone").isDeepEqualTo(copy);
        for (int k = 1; k < d; k++) {
            assertThat(values[k]).isGreaterThanOrEqualTo(values[k - 1]);
        }
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) {
                double av = 0;
                for (int j = 0; j < d; j++) {
                    av += a[i][j] * eigen.vector(j, k);
                }
                assertThat(av).isCloseTo(values[k] * eigen.vector(i, k), within(1e-12 * 10 * d));
            }
            for (int l = 0; l < d; l++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += eigen.vector(i, k) * eigen.vector(i, l);
                }
                assertThat(dot).isCloseTo(k == l ? 1 : 0, within(1e-13 * d));
            }
        }
    }
}

package dev.clusterlab.host.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaTest {
    private static int[] all(int n) {
        return BestRunPlots.subsample(n, n);
    }

    @Test
    void pointsOnALineHaveTheLineAsFirstComponentWithAllTheVariance() {
        // (t, 2t, -t) + (1, 1, 1) for t = -2..2: direction (1, 2, -1)/sqrt(6), variance var(t) * 6 = 2.5 * 6.
        float[] data = new float[5 * 3];
        for (int i = 0; i < 5; i++) {
            int t = i - 2;
            data[i * 3] = 1 + t;
            data[i * 3 + 1] = 1 + 2 * t;
            data[i * 3 + 2] = 1 - t;
        }
        Pca.Result pca = Pca.fit(data, 3, all(5), 2);
        double r6 = Math.sqrt(6);
        assertThat(pca.components()[0]).containsExactly(new double[] {1 / r6, 2 / r6, -1 / r6}, within(1e-12));
        assertThat(pca.variances()[0]).isCloseTo(15, within(1e-9));
        assertThat(pca.variances()[1]).isCloseTo(0, within(1e-9));
        assertThat(pca.explained(0)).isCloseTo(1, within(1e-12));
        assertThat(pca.mean()).containsExactly(new double[] {1, 1, 1}, within(1e-12));
        double[][] p = pca.project(data, all(5));
        for (int i = 0; i < 5; i++) {
            assertThat(p[0][i]).isCloseTo((i - 2) * r6, within(1e-9));
            assertThat(p[1][i]).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void axisAlignedCrossGivesTheAxesOrderedByVariance() {
        // (±3, 0), (0, ±1): covariance diag(18/3, 2/3) with n - 1 = 3.
        float[] data = {3, 0, -3, 0, 0, 1, 0, -1};
        Pca.Result pca = Pca.fit(data, 2, all(4), 2);
        assertThat(pca.components()[0]).containsExactly(new double[] {1, 0}, within(1e-12));
        assertThat(pca.components()[1]).containsExactly(new double[] {0, 1}, within(1e-12));
        assertThat(pca.variances()).containsExactly(new double[] {6, 2.0 / 3}, within(1e-12));
        assertThat(pca.explained(0) + pca.explained(1)).isCloseTo(1, within(1e-12));
    }

    @Test
    void powerIterationAgreesWithJacobi() {
        SplittableRandom rnd = new SplittableRandom(3);
        int d = 6;
        double[][] a = new double[d][d];
        double[][] b = new double[d][d];
        double[] scale = {5, 3, 2, 1, 0.5, 0.1};
        double[][] x = new double[200][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = rnd.nextGaussian() * scale[j] + (j > 0 ? 0.3 * row[j - 1] : 0);
            }
        }
        for (double[] row : x) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] += row[i] * row[j] / 200;
                    b[i][j] = a[i][j];
                }
            }
        }
        double[][] vj = new double[2][];
        double[] lj = new double[2];
        Pca.jacobi(a, vj, lj);
        double[][] vp = new double[2][];
        double[] lp = new double[2];
        Pca.power(b, vp, lp);
        assertThat(lp).containsExactly(lj, within(1e-9 * lj[0]));
        for (int c = 0; c < 2; c++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += vj[c][j] * vp[c][j];
            }
            assertThat(Math.abs(dot)).isCloseTo(1, within(1e-8));
        }
    }

    @Test
    void manyFeaturesUseThePowerPathAndStillFindTheLine() {
        int d = Pca.JACOBI_MAX_D + 50;
        int n = 40;
        float[] data = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                data[i * d + j] = (float) ((i - 20) * (j % 2 == 0 ? 1 : -1) + 0.001 * ((i * 31 + j * 17) % 7));
            }
        }
        Pca.Result pca = Pca.fit(data, d, all(n), 2);
        assertThat(pca.explained(0)).isGreaterThan(0.999);
        assertThat(Math.abs(pca.components()[0][0])).isCloseTo(1 / Math.sqrt(d), within(1e-4));
        assertThat(pca.components()[0][0] * pca.components()[0][1]).isNegative();
    }

    @Test
    void constantDataExplainsNothingAndDoesNotFail() {
        float[] data = {2, 2, 2, 2, 2, 2};
        Pca.Result pca = Pca.fit(data, 3, all(2), 2);
        assertThat(pca.explained(0)).isZero();
        assertThat(pca.project(data, all(2))[0]).containsOnly(0.0);
    }
}

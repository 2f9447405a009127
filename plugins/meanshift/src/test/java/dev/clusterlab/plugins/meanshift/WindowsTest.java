package dev.clusterlab.plugins.meanshift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.kernel.CompactBlocks;
import dev.clusterlab.api.kernel.Distance;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Windows} against the plain definition: for random windows over blobs (many of them crossing
 * blocks and groups that are taken whole), the members are exactly the points with
 * {@code sum (x_j - m_j)^2 <= bandwidth^2} in double, and the sum is bitwise the canonical one
 * (group by group, block by block, row by row in layout order, each part from zero) that never takes a
 * block whole: so the mean depends on the set of members only.
 */
class WindowsTest {
    @Test
    void membersAreExactAndTheSumIsTheCanonicalOne() {
        int n = 5000;
        int d = 2;
        SplittableRandom rnd = new SplittableRandom(3);
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            double cx = (i % 5) * 3.0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) ((j == 0 ? cx : 0) + rnd.nextGaussian());
            }
        }
        CompactBlocks layout = ReferenceData.context(1).kernels().compactBlocks(x, n, d, Distance.EUCLIDEAN, Windows.BLOCK_ROWS);
        Windows windows = new Windows(layout, n, d);
        double[] out = new double[d];
        double[] scratch = new double[2 * d];
        for (int q = 0; q < 300; q++) {
            double bandwidth = 0.2 + 3 * rnd.nextDouble();
            // every tenth window sits on a data point: its boundary then passes near other points too
            double[] m = q % 10 == 0
                    ? new double[] {x[(q * 7) * d], x[(q * 7) * d + 1]}
                    : new double[] {-2 + 16 * rnd.nextDouble(), -3 + 6 * rnd.nextDouble()};
            int count = windows.sum(m, bandwidth, out, scratch);

            int direct = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double t = x[i * d + j] - m[j];
                    s += t * t;
                }
                if (s <= bandwidth * bandwidth) {
                    direct++;
                }
            }
            assertThat(count).as("members of window %d", q).isEqualTo(direct);

            double[] canonical = canonical(layout, n, d, m, bandwidth);
            for (int j = 0; j < d; j++) {
                assertThat(Double.doubleToLongBits(out[j])).as("sum of window %d, coordinate %d", q, j)
                        .isEqualTo(Double.doubleToLongBits(canonical[j]));
            }
        }
    }

    private static double[] canonical(CompactBlocks layout, int n, int d, double[] m, double bandwidth) {
        double[] total = new double[d];
        int blocks = layout.blocks();
        float[] rows = layout.rows();
        for (int g0 = 0; g0 < blocks; g0 += Windows.GROUP) {
            double[] group = new double[d];
            int groupMembers = 0;
            for (int b = g0; b < Math.min(blocks, g0 + Windows.GROUP); b++) {
                double[] block = new double[d];
                int members = 0;
                for (int i = b * layout.blockRows(); i < Math.min(n, (b + 1) * layout.blockRows()); i++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        double t = rows[i * d + j] - m[j];
                        s += t * t;
                    }
                    if (s <= bandwidth * bandwidth) {
                        for (int j = 0; j < d; j++) {
                            block[j] += rows[i * d + j];
                        }
                        members++;
                    }
                }
                if (members > 0) {
                    for (int j = 0; j < d; j++) {
                        group[j] += block[j];
                    }
                    groupMembers += members;
                }
            }
            if (groupMembers > 0) {
                for (int j = 0; j < d; j++) {
                    total[j] += group[j];
                }
            }
        }
        return total;
    }
}

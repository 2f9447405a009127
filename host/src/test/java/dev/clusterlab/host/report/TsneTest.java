package dev.clusterlab.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TsneTest {
    /** Three unit-variance Gaussian blobs in 5-D, centres 20 apart: well separated. */
    private static float[] blobs(int perBlob, long seed) {
        int d = 5;
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[3 * perBlob * d];
        for (int i = 0; i < 3 * perBlob; i++) {
            int b = i % 3;
            for (int c = 0; c < d; c++) {
                double centre = c == b ? 20 : 0;
                v[i * d + c] = (float) (centre + rnd.nextGaussian());
            }
        }
        return v;
    }

    private static int[] all(int m) {
        return IntStream.range(0, m).toArray();
    }

    @Test
    void separatedBlobsStayApartAndTheKlDivergenceIsSmall() {
        int b = 200;
        int m = 3 * b;
        float[] v = blobs(b, 11);
        int[] rows = all(m);
        Tsne.Result t = Tsne.embed(v, 5, rows, 3, Tsne.ITERATIONS, Tsne.THETA);
        double[] y = t.y();
        int same = 0;
        for (int i = 0; i < m; i++) {
            int best = -1;
            double bd = Double.POSITIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double d2 = dx * dx + dy * dy;
                if (j != i && d2 < bd) {
                    bd = d2;
                    best = j;
                }
            }
            same += best % 3 == i % 3 ? 1 : 0;
        }
        assertThat(same).as("points whose nearest embedded neighbour is in their own blob").isGreaterThanOrEqualTo((int) Math.ceil(0.99 * m));

        // The bound: with no affinity across blobs (checked), the picture that only separates the blobs and
        // collapses each to a point (q uniform over the 3 b (b - 1) within-blob pairs) has
        // KL = sum p ln p + ln(3 b (b - 1)) = ln(3 b (b - 1)) - H(P). A useful embedding must beat it.
        Tsne.Neighbours nb = Tsne.neighbours(v, 5, rows, t.neighbours());
        Tsne.Sparse p = Tsne.joint(nb, Tsne.conditional(nb, t.perplexity()));
        double across = 0;
        double plogp = 0;
        for (int i = 0; i < m; i++) {
            for (int e = p.start()[i]; e < p.start()[i + 1]; e++) {
                double pv = p.value()[e];
                if (p.column()[e] % 3 != i % 3) {
                    across += pv;
                }
                plogp += pv > 0 ? pv * Math.log(pv) : 0;
            }
        }
        assertThat(across).isLessThan(1e-9);
        double collapsed = plogp + Math.log(3.0 * b * (b - 1));
        System.out.printf(Locale.ROOT, "t-SNE blobs: KL %.4f, collapsed-blobs bound %.4f, start %.4f%n", t.kl(), collapsed,
                Tsne.klDivergence(p, Tsne.start(v, 5, rows, 3)));
        assertThat(t.kl()).isPositive().isLessThan(collapsed);
        // and far below the start (all points within 1e-4: q about uniform over all m (m - 1) pairs)
        assertThat(t.kl()).isLessThan(0.5 * (plogp + Math.log((double) m * (m - 1))));
    }

    @Test
    void conditionalRowsHaveTheRequestedPerplexity() {
        float[] v = blobs(100, 5);
        int m = 300;
        for (double u : new double[] {30, 5, 2}) {
            int k = Math.min(m - 1, (int) (3 * u) + 1);
            Tsne.Neighbours nb = Tsne.neighbours(v, 5, all(m), k);
            double[] cond = Tsne.conditional(nb, u);
            for (int i = 0; i < m; i++) {
                double sum = 0;
                double h = 0;
                for (int t = 0; t < k; t++) {
                    double pv = cond[i * k + t];
                    sum += pv;
                    h -= pv > 0 ? pv * Math.log(pv) / Math.log(2) : 0;
                }
                assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(Math.abs(Math.pow(2, h) / u - 1)).as("relative perplexity error, u = %s, row %d", u, i).isLessThan(1e-3);
            }
        }
        // small m: the perplexity is capped at (m - 1) / 3
        assertThat(Tsne.perplexity(10)).isEqualTo(3);
        assertThat(Tsne.perplexity(5000)).isEqualTo(30);
    }

    @Test
    void neighboursAreTheNearestInOrder() {
        float[] v = {0, 0, 1, 0, 3, 0, 1, 0, 10, 0, -2, 0};
        Tsne.Neighbours nb = Tsne.neighbours(v, 2, all(6), 3);
        assertThat(java.util.Arrays.copyOfRange(nb.ids(), 0, 3)).containsExactly(1, 3, 5);
        assertThat(java.util.Arrays.copyOfRange(nb.dist2(), 0, 3)).containsExactly(1, 1, 4);
        assertThat(java.util.Arrays.copyOfRange(nb.ids(), 3, 6)).containsExactly(3, 0, 2); // point 1: its duplicate first
    }

    @Test
    void barnesHutGradientMatchesTheExactOne() {
        SplittableRandom rnd = new SplittableRandom(42);
        int m = 300;
        float[] v = blobs(100, 9);
        Tsne.Neighbours nb = Tsne.neighbours(v, 5, all(m), 91);
        Tsne.Sparse p = Tsne.joint(nb, Tsne.conditional(nb, 30));
        double[] y = new double[2 * m];
        for (int i = 0; i < 2 * m; i++) {
            y[i] = rnd.nextGaussian() * 5;
        }
        y[2] = y[0]; // a duplicate position
        y[3] = y[1];
        double[] exact = new double[2 * m];
        double zExact = Tsne.exactGradient(p, y, 1, exact);
        double[] bh = new double[2 * m];
        double zBh = Tsne.gradient(p, y, 1, 0.5, bh);
        double rel = Math.sqrt(dist2(bh, exact) / dist2(exact, new double[2 * m]));
        System.out.printf(Locale.ROOT, "t-SNE gradient: theta 0.5 relative error %.4f, Z %.6g vs %.6g%n", rel, zBh, zExact);
        assertThat(rel).isLessThan(0.05);
        assertThat(Math.abs(zBh / zExact - 1)).isLessThan(0.05);
        double[] zero = new double[2 * m];
        double z0 = Tsne.gradient(p, y, 1, 0, zero);
        // theta 0 sums every pair directly: equal up to the order of the floating-point sums
        assertThat(Math.sqrt(dist2(zero, exact) / dist2(exact, new double[2 * m]))).isLessThan(1e-12);
        assertThat(Math.abs(z0 / zExact - 1)).isLessThan(1e-12);
        // and the exaggerated gradient too
        Tsne.exactGradient(p, y, 12, exact);
        Tsne.gradient(p, y, 12, 0, zero);
        assertThat(Math.sqrt(dist2(zero, exact) / dist2(exact, new double[2 * m]))).isLessThan(1e-12);
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    @Test
    void quadTreeHandlesCoincidentPoints() {
        double[] y = new double[20];
        QuadTree tree = new QuadTree(y, 10);
        double[] f = new double[2];
        assertThat(tree.repulsion(3, 0.5, f)).isEqualTo(9);
        assertThat(f).containsExactly(0, 0);
        assertThat(tree.nodes()).isEqualTo(1);
    }

    private static Dataset dataset(int perBlob) {
        return Dataset.of("b", 3 * perBlob, 5, blobs(perBlob, 1), List.of("a", "b", "c", "d", "e"), null);
    }

    private static int[] labels(int n) {
        return IntStream.range(0, n).map(i -> i % 10 == 0 ? -1 : i % 3).toArray();
    }

    @Test
    void sameSeedGivesTheSameFigure() {
        Dataset data = dataset(900); // 2,700 rows: a sample of 2,000
        int[] labels = labels(data.n());
        String a = TsnePlot.figure(data, labels, 4, "alg <b>");
        String b = TsnePlot.figure(data, labels, 4, "alg <b>");
        assertThat(a).isEqualTo(b);
        assertThat(a).contains("class=\"plot tsne\"", "a uniform random sample (seed 4) of 2000 of the 2700 points of the scatter",
                "perplexity 30", "750", "not meaningful", "alg &lt;b&gt;", "class=\"noise\"").doesNotContain("<script", "NaN", "Infinity");
        assertThat(Xml.parse(a).getElementsByTagNameNS("*", "circle").getLength()).isEqualTo(2000);
        Matcher kl = Pattern.compile("final KL divergence (\\d+\\.\\d+)").matcher(a);
        assertThat(kl.find()).isTrue();
        assertThat(Double.parseDouble(kl.group(1))).isPositive();
        assertThat(TsnePlot.figure(data, labels, 5, "alg <b>")).isNotEqualTo(a);
    }

    @Test
    void tinyDataGetsANote() {
        for (int n = 0; n < 5; n++) {
            float[] v = new float[n * 2];
            String fig = TsnePlot.figure(Dataset.of("t", n, 2, v, List.of("x", "y"), null), new int[n], 0, "w");
            assertThat(fig).startsWith("<p class=\"note\">").contains("at least 5 points");
        }
        // five points, all the same: embedded, perplexity capped at 4/3, no NaN
        String five = TsnePlot.figure(Dataset.of("t", 5, 2, new float[10], List.of("x", "y"), null), new int[5], 0, "w");
        assertThat(five).contains("class=\"plot tsne\"", "perplexity 1.33").doesNotContain("NaN", "Infinity");
        // one feature
        float[] line = new float[40];
        for (int i = 0; i < 40; i++) {
            line[i] = i % 2 * 10 + i * 0.01f;
        }
        String one = TsnePlot.figure(Dataset.of("l", 40, 1, line, List.of("x"), null), labels(40), 0, "w");
        assertThat(one).contains("class=\"plot tsne\"", "perplexity 13").doesNotContain("NaN", "Infinity");
    }

    @Test
    void timings() {
        for (int m : new int[] {500, 2000, 500, 2000}) { // twice: the second pass is with the JIT warm
            float[] v = blobs(m / 2, 2); // 1.5 m rows, the first m embedded
            long t0 = System.nanoTime();
            Tsne.Result r = Tsne.embed(v, 5, all(m), 1, Tsne.ITERATIONS, Tsne.THETA);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf(Locale.ROOT, "t-SNE m = %d: %d ms, KL %.4f%n", m, ms, r.kl());
        }
    }
}

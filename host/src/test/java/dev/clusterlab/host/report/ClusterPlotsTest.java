package dev.clusterlab.host.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.api.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The silhouette plot, the inter-cluster distance map and the feature box plots of the best run. */
class ClusterPlotsTest {
    private static final String SVG = "http://www.w3.org/2000/svg";
    /**
     * The whole fixture report (two datasets, one of 6,000 points) may not grow past this: 320,000, plus
     * 90,000 for the two t-SNE figures (2,000 and 200 points, 90,264 characters; see {@link TsneReportTest}).
     */
    static final int MAX_REPORT_CHARS = 410_000;
    /** What the three new figures may add to the 6,000-point dataset's section. */
    static final int MAX_NEW_FIGURES_CHARS = 45_000;

    private static String html;
    private static Document doc;

    @BeforeAll
    static void render() {
        html = ReportWriter.html(new ReportFixture().report());
        doc = Xml.parse(html);
    }

    private static List<Element> svgs(String cssClass) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS(SVG, "svg");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if ((" " + e.getAttribute("class") + " ").contains(" " + cssClass + " ")) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> children(Element root, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = root.getElementsByTagNameNS(SVG, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    // --- silhouette ---

    @Test
    void silhouettesEqualTheValuesComputedByHand() {
        // cluster 0 at x = 0, 1, 2 and cluster 1 at x = 10, 11, 13 (y = 0), cluster 2 a single point far away
        float[] data = {0, 0, 1, 0, 2, 0, 10, 0, 11, 0, 13, 0, 5, 40};
        int[] labels = {0, 0, 0, 1, 1, 1, 2};
        double[] s = SilhouetteValues.values(data, 2, new int[] {0, 1, 2, 3, 4, 5, 6}, labels);
        // x=0: a = (1+2)/2, b = min((10+11+13)/3, dist to (5,40)); and so on
        double far0 = Math.hypot(5, 40);
        assertThat(far0).isGreaterThan(34.0 / 3);
        double[] expected = {
            1 - 1.5 / (34.0 / 3), // a = 1.5, b = 34/3
            1 - 1.0 / (31.0 / 3), // a = 1, b = 31/3
            1 - 1.5 / (28.0 / 3), // a = 1.5, b = 28/3
            1 - 2.0 / 9, // a = (1+3)/2, b = (10+9+8)/3
            1 - 1.5 / 10, // a = (1+2)/2, b = (11+10+9)/3
            1 - 2.5 / 12, // a = (3+2)/2, b = (13+12+11)/3
            0, // a cluster of one point
        };
        for (int i = 0; i < expected.length; i++) {
            assertThat(s[i]).as("point %d", i).isCloseTo(expected[i], within(1e-12));
        }
        // labels need not be consecutive
        assertThat(SilhouetteValues.values(data, 2, new int[] {0, 1, 2, 3, 4, 5, 6}, new int[] {7, 7, 7, 900, 900, 900, 3}))
                .containsExactly(s);
        // a point nearer the other cluster than its own is negative: (b - a) / a
        float[] wrong = {0, 1, 2, 9, 10, 11};
        double[] w = SilhouetteValues.values(wrong, 1, new int[] {0, 1, 2, 3, 4, 5}, new int[] {0, 0, 1, 0, 1, 1});
        // x=9 in cluster 0: a = (9+8)/2 = 8.5, b = (7+1+2)/3 = 10/3
        assertThat(w[3]).isCloseTo((10.0 / 3 - 8.5) / 8.5, within(1e-12));
    }

    @Test
    void silhouetteSamplesTheScatterRowsWithoutNoiseAndIsSeeded() {
        int n = 6000;
        float[] data = new float[n * 2];
        int[] labels = new int[n];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 11 == 0 ? -1 : i % 2;
            data[2 * i] = (float) (labels[i] * 4 + rnd.nextGaussian());
            data[2 * i + 1] = (float) rnd.nextGaussian();
        }
        int[] scatter = BestRunPlots.subsample(n, BestRunPlots.MAX_POINTS);
        SilhouetteValues.Sample a = SilhouetteValues.compute(data, 2, labels, scatter, 42);
        assertThat(a.rows()).hasSize(SilhouetteValues.MAX_POINTS).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(a.rows()).allMatch(r -> labels[r] >= 0 && Arrays.binarySearch(scatter, r) >= 0)).isTrue();
        long noise = Arrays.stream(scatter).filter(r -> labels[r] < 0).count();
        assertThat(a.noise()).isEqualTo(noise);
        assertThat(a.candidates()).isEqualTo(scatter.length - noise);
        assertThat(SilhouetteValues.compute(data, 2, labels, scatter, 42).rows()).isEqualTo(a.rows());
        assertThat(SilhouetteValues.compute(data, 2, labels, scatter, 43).rows()).isNotEqualTo(a.rows());
        assertThat(a.mean()).isBetween(0.5, 0.9);

        Dataset ds = Dataset.of("two", n, 2, data, List.of("x", "y"), null);
        String fig = SvgSilhouette.figure(ds, labels, 42, "kmeans k=2");
        Document d = Xml.parse(fig);
        assertThat(fig).contains("a uniform random sample (seed 42) of " + a.candidates() + " points of the scatter",
                "without its " + noise + " noise points", String.format(java.util.Locale.ROOT, "the mean, %.4f", a.mean()));
        Element svg = (Element) d.getElementsByTagNameNS(SVG, "svg").item(0);
        List<Element> paths = children(svg, "path");
        assertThat(paths).hasSize(2);
        // one horizontal step per point
        int steps = paths.stream().mapToInt(p -> p.getAttribute("d").split("V", -1).length - 1).sum();
        assertThat(steps).isEqualTo(SilhouetteValues.MAX_POINTS);
        assertThat(children(svg, "line").stream().filter(l -> l.getAttribute("class").equals("mark"))).hasSize(1);
        assertThat(fig).doesNotContain("NaN", "Infinity");
    }

    @Test
    void oneClusterGivesANoteInsteadOfASilhouettePlot() {
        Dataset ds = Dataset.of("one <b>", 4, 1, new float[] {0, 1, 2, 3}, List.of("x"), null);
        String fig = SvgSilhouette.figure(ds, new int[] {0, 0, -1, 0}, 0, "k<i>means</i>");
        assertThat(fig).startsWith("<p class=\"note\">").contains("a single cluster", "k&lt;i&gt;means&lt;/i&gt;")
                .doesNotContain("<svg");
        assertThat(ClusterMap.figure(ds, new int[] {0, 0, -1, 0}, "x")).startsWith("<p class=\"note\">").doesNotContain("<svg");
    }

    @Test
    void wideDataGetsASmallerSilhouetteSample() {
        assertThat(SilhouetteValues.cap(10)).isEqualTo(SilhouetteValues.MAX_POINTS);
        int wide = SilhouetteValues.cap(100_000);
        assertThat(wide).isLessThan(SilhouetteValues.MAX_POINTS);
        assertThat((double) wide * wide * 100_000 / 2).isLessThanOrEqualTo(SilhouetteValues.MAX_WORK * 1.0);
    }

    // --- distance map ---

    @Test
    void mdsOfCentresInAPlaneKeepsTheirDistances() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int k : new int[] {2, 3, 7, 20}) {
            // a plane in 5-D: offset + u * e1 + v * e2 with orthonormal e1, e2
            double[] e1 = {0.5, 0.5, 0.5, 0.5, 0};
            double[] e2 = {0.5, -0.5, 0.5, -0.5, 0};
            double[] offset = {3, -1, 2, 7, 11};
            double[][] centres = new double[k][5];
            for (int i = 0; i < k; i++) {
                double u = rnd.nextDouble(-10, 10);
                double v = rnd.nextDouble(-3, 3);
                for (int j = 0; j < 5; j++) {
                    centres[i][j] = offset[j] + u * e1[j] + v * e2[j];
                }
            }
            ClusterMap.Map2d map = ClusterMap.mds(centres);
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    double original = 0;
                    for (int c = 0; c < 5; c++) {
                        original += (centres[i][c] - centres[j][c]) * (centres[i][c] - centres[j][c]);
                    }
                    double[] p = map.coordinates()[i];
                    double[] q = map.coordinates()[j];
                    assertThat(Math.hypot(p[0] - q[0], p[1] - q[1])).as("k=%d, %d-%d", k, i, j)
                            .isCloseTo(Math.sqrt(original), within(1e-9));
                }
            }
            assertThat(map.kept()).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void centresAreMeansWithoutNoiseAndCircleAreasFollowSizes() {
        float[] data = {0, 0, 2, 0, 10, 10, 12, 10, 14, 10, 100, 100, 0, 30};
        int[] labels = {0, 0, 1, 1, 1, -1, 3}; // cluster 2 empty, row 5 noise
        ClusterMap.Centres c = ClusterMap.centres(data, 2, labels, ClusterMap.MAX_CLUSTERS);
        assertThat(c.clusters()).containsExactly(0, 1, 3);
        assertThat(c.sizes()).containsExactly(2, 3, 1);
        assertThat(c.centres()[0]).containsExactly(1, 0);
        assertThat(c.centres()[1]).containsExactly(12, 10);
        assertThat(c.centres()[2]).containsExactly(0, 30);
        ClusterMap.Centres two = ClusterMap.centres(data, 2, labels, 2);
        assertThat(two.clusters()).containsExactly(0, 1); // the two largest

        double[] r = ClusterMap.radii(new long[] {400, 100, 25, 1}, 30);
        assertThat(r).containsExactly(30, 15, 7.5, 1.5);
        for (int i = 0; i < r.length; i++) {
            assertThat(Math.PI * r[i] * r[i] / new long[] {400, 100, 25, 1}[i]).isCloseTo(Math.PI * 900 / 400, within(1e-9));
        }
        String svg = ClusterMap.render(c, ClusterMap.mds(c.centres()), "map <x>");
        Document d = Xml.parse(svg);
        List<Element> circles = children(d.getDocumentElement(), "circle");
        assertThat(circles).hasSize(3);
        // drawn largest first; area per point is the same for every circle
        double perPoint = -1;
        for (Element e : circles) {
            String label = e.getParentNode().getTextContent();
            long size = label.startsWith("cluster 1") ? 3 : label.startsWith("cluster 0") ? 2 : 1;
            double rr = Double.parseDouble(e.getAttribute("r"));
            double area = Math.PI * rr * rr / size;
            if (perPoint < 0) {
                perPoint = area;
                assertThat(rr).isEqualTo(ClusterMap.MAX_RADIUS);
            }
            assertThat(area).isCloseTo(perPoint, within(perPoint * 0.002));
        }
        assertThat(d.getDocumentElement().getTextContent()).contains("map <x>", "cluster 3: 1 point");
        assertThat(svg).doesNotContain("NaN", "Infinity");
    }

    @Test
    void manyClustersPlaceTheLargestSixtyFour() {
        int n = 100 * 101 / 2;
        float[] data = new float[n];
        int[] labels = new int[n];
        int row = 0;
        for (int c = 0; c < 100; c++) {
            for (int i = 0; i <= c; i++) { // cluster c has c + 1 points at x = c
                data[row] = c;
                labels[row++] = c;
            }
        }
        String fig = ClusterMap.figure(Dataset.of("many", n, 1, data, List.of("x"), null), labels, "w");
        Document d = Xml.parse(fig);
        assertThat(d.getElementsByTagNameNS(SVG, "circle").getLength()).isEqualTo(ClusterMap.MAX_CLUSTERS);
        assertThat(fig).contains("The 64 largest of 100 clusters are placed.", "cluster 99: 100 points")
                .doesNotContain("cluster 35: ");
    }

    @Test
    void circlesStayInsideThePlot() {
        ClusterMap.Centres c = new ClusterMap.Centres(new int[] {0, 1, 2}, new long[] {10, 10, 10},
                new double[][] {{0, 0}, {100, 0}, {0, 1}});
        Document d = Xml.parse(ClusterMap.render(c, ClusterMap.mds(c.centres()), "t"));
        for (Element e : children(d.getDocumentElement(), "circle")) {
            double x = Double.parseDouble(e.getAttribute("cx"));
            double y = Double.parseDouble(e.getAttribute("cy"));
            double r = Double.parseDouble(e.getAttribute("r"));
            assertThat(x - r).isGreaterThanOrEqualTo(0);
            assertThat(x + r).isLessThanOrEqualTo(ClusterMap.WIDTH);
            assertThat(y - r).isGreaterThanOrEqualTo(0);
            assertThat(y + r).isLessThanOrEqualTo(ClusterMap.HEIGHT);
        }
        // clusters with the same centre still give finite coordinates
        ClusterMap.Centres same = new ClusterMap.Centres(new int[] {0, 1}, new long[] {5, 1}, new double[][] {{2, 2}, {2, 2}});
        String svg = ClusterMap.render(same, ClusterMap.mds(same.centres()), "same");
        Xml.parse(svg);
        assertThat(svg).doesNotContain("NaN", "Infinity");
    }

    // --- feature box plots ---

    /** numpy.quantile(x, p) with method='linear', written out from its definition. */
    private static double numpyLinear(double[] x, double p) {
        double[] s = x.clone();
        Arrays.sort(s);
        double virtual = (s.length - 1) * p;
        int below = (int) Math.floor(virtual);
        int above = (int) Math.ceil(virtual);
        double gamma = virtual - below;
        return s[below] * (1 - gamma) + s[above] * gamma;
    }

    @Test
    void quartilesAreNumpysLinearInterpolation() {
        double[] x = {7, 1, 3, 3, 10, 2, 8};
        // np.quantile([7, 1, 3, 3, 10, 2, 8], [.25, .5, .75]) == [2.5, 3., 7.5]
        FeatureBoxes.Box b = FeatureBoxes.box(x.clone());
        assertThat(b.q1()).isEqualTo(2.5);
        assertThat(b.median()).isEqualTo(3);
        assertThat(b.q3()).isEqualTo(7.5);
        double[][] arrays = {{1, 2, 3, 4}, {5}, {4, 4}, {0.3, -1.7, 2.2, 9.1, 0, 0, 5.5, -3.25, 1e3}, {3, 1}};
        for (double[] a : arrays) {
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            for (double p : new double[] {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1}) {
                assertThat(FeatureBoxes.quantile(sorted, p)).as("%s p=%s", Arrays.toString(a), p)
                        .isCloseTo(numpyLinear(a, p), within(1e-12));
            }
        }
        // np.quantile([1, 2, 3, 4], [.25, .5, .75]) == [1.75, 2.5, 3.25]
        FeatureBoxes.Box four = FeatureBoxes.box(new double[] {4, 3, 2, 1});
        assertThat(new double[] {four.q1(), four.median(), four.q3()}).containsExactly(1.75, 2.5, 3.25);
    }

    @Test
    void whiskersStopAtTheLastValueWithinOneAndAHalfIqr() {
        // q1 = 2.75, q3 = 8.5, IQR = 5.75: fences at -5.875 and 17.125, so 100 is beyond the upper whisker
        FeatureBoxes.Box b = FeatureBoxes.box(new double[] {100, 1, 2, 3, 3, 7, 8, 10});
        assertThat(b.q1()).isEqualTo(2.75);
        assertThat(b.q3()).isEqualTo(8.5);
        assertThat(b.low()).isEqualTo(1);
        assertThat(b.high()).isEqualTo(10);
        assertThat(b.n()).isEqualTo(8);
    }

    @Test
    void boxesSkipCategoricalColumnsAndDrawSixNumericOnes() {
        int n = 60;
        int d = 9;
        float[] v = new float[n * d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 7 == 0 ? -1 : i % 3;
            for (int j = 0; j < d; j++) {
                v[i * d + j] = j == 1 ? i % 2 : (float) (i * (j + 1) % 17);
            }
        }
        List<String> names = List.of("a", "<plan>", "c", "d", "e", "f \"g\"", "h", "i", "j");
        Dataset table = Dataset.of("t", n, d, v, names, null).withCategorical(Map.of(1, List.of("free", "pro")));
        String fig = FeatureBoxes.figure(table, labels, "alg <b>");
        Document doc = Xml.parse(fig);
        Element svg = (Element) doc.getElementsByTagNameNS(SVG, "svg").item(0);
        String text = svg.getTextContent();
        assertThat(text).contains("a", "c", "d", "e", "f \"g\"", "h").doesNotContain("<plan>", "i, cluster");
        // 6 panels, 3 clusters + noise each
        assertThat(children(svg, "rect")).hasSize(6 * 4);
        assertThat(fig).contains("the first 6 of 8 numeric columns", "categorical columns are left out", "(noise last, grey)",
                "alg &lt;b&gt;", "f &quot;g&quot;");
        assertThat(fig).doesNotContain("NaN", "Infinity");
        assertThat(FeatureBoxes.figure(Dataset.of("c", 2, 1, new float[] {0, 1}, List.of("p"), null)
                .withCategorical(Map.of(0, List.of("x", "y"))), new int[] {0, 1}, "w")).isEmpty();
    }

    // --- in the report ---

    @Test
    void theReportHasTheNewFiguresForEachBestRunAndStaysSmall() {
        assertThat(svgs("silhouette")).hasSize(2);
        assertThat(svgs("distmap")).hasSize(2);
        assertThat(svgs("boxes")).hasSize(2);
        // the 6,000-point dataset: 5,000 points in the scatter, 2,000 of them in the silhouette plot
        assertThat(html).contains("a uniform random sample (seed 0) of 5000 points of the scatter");
        int steps = children(svgs("silhouette").getFirst(), "path").stream()
                .mapToInt(p -> p.getAttribute("d").split("V", -1).length - 1).sum();
        assertThat(steps).isEqualTo(SilhouetteValues.MAX_POINTS);
        assertThat(children(svgs("distmap").getFirst(), "circle")).hasSize(3);
        // the 200-point dataset: every point, hostile feature names as text in the box panels
        assertThat(html).contains("a and b taken among the 200 points plotted, the points of the scatter.");
        assertThat(svgs("boxes").get(1).getTextContent()).contains(ReportFixture.CANARY_IMG);

        int newFigures = 0;
        for (String cls : new String[] {"silhouette", "distmap", "boxes"}) {
            int start = html.indexOf("class=\"plot " + cls + "\"");
            newFigures += html.indexOf("</figure>", start) - start;
        }
        assertThat(newFigures).as("characters of the new figures of the 6,000-point dataset").isLessThan(MAX_NEW_FIGURES_CHARS);
        assertThat(html.length()).as("characters of the fixture report").isLessThan(MAX_REPORT_CHARS);
    }
}

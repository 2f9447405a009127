package dev.clusterlab.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusterHierarchy;
import dev.clusterlab.host.output.Comparison;
import dev.clusterlab.api.artifact.Artifact;
import dev.clusterlab.api.artifact.Reachability;
import dev.clusterlab.host.output.RunStatus;
import dev.clusterlab.host.output.RunRecord;
import dev.clusterlab.host.output.SampleHierarchy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reachability plot of an OPTICS best run and the condensed tree of an HDBSCAN best run, from an
 * experiment with hostile dataset names and run ids.
 */
class HierarchyPlotsTest {
    static final String OPTICS_DATA = "moons <i>optics</i>";
    static final String HDBSCAN_DATA = "tree \"data\" " + ReportFixture.CANARY_IMG;
    static final String OPTICS_RUN = "run<b>optics</b>-0";
    static final String HDBSCAN_RUN = "run\"hdbscan\"" + ReportFixture.CANARY_SCRIPT;
    static final int OPTICS_N = 2500;

    private static String html;
    private static Document doc;

    /** OPTICS: three valleys of 800 points (labels 0, 1, noise around), infinite at the start of each. */
    static Reachability opticsPlot(int[] labels) {
        int[] order = new int[OPTICS_N];
        double[] reach = new double[OPTICS_N];
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < OPTICS_N; i++) {
            order[i] = (i * 7) % OPTICS_N; // a permutation: 7 and 2500 are coprime
            int valley = i / 800;
            labels[order[i]] = valley >= 3 ? -1 : valley % 2 == 0 ? valley / 2 : 1;
            reach[i] = i % 800 == 0 ? Double.POSITIVE_INFINITY : valley >= 3 ? 2 + rnd.nextDouble() : 0.2 + 0.1 * rnd.nextDouble();
        }
        return new Reachability(order, reach, new double[OPTICS_N]);
    }

    static Report report() {
        int[] opticsLabels = new int[OPTICS_N];
        Reachability plot = opticsPlot(opticsLabels);
        Map<String, Dataset> datasets = new java.util.LinkedHashMap<>();
        datasets.put(OPTICS_DATA, Dataset.of(OPTICS_DATA, OPTICS_N, 2, points(OPTICS_N), List.of("x", "y"), null));
        datasets.put(HDBSCAN_DATA, Dataset.of(HDBSCAN_DATA, SampleHierarchy.N, 2, points(SampleHierarchy.N), List.of("x", "y"), null));
        List<RunRecord> records = new ArrayList<>();
        records.add(new RunRecord(OPTICS_RUN, OPTICS_DATA, "optics", "optics", Map.of("min_samples", 5), 0, 0, RunStatus.OK, "", 0.1,
                3, 100, 1, Double.NaN, Map.of("silhouette", 0.4), Map.of("reachability", "reachability")));
        records.add(new RunRecord(HDBSCAN_RUN, HDBSCAN_DATA, "hdbscan", "hdbscan", Map.of("min_cluster_size", 10), 0, 0, RunStatus.OK,
                "", 0.1, 2, 5, 1, Double.NaN, Map.of("silhouette", 0.5), Map.of("condensed_tree", "condensed_tree")));
        Comparison c = Comparison.of(records, List.of("silhouette"), "silhouette", true);
        LabelSource source = new LabelSource() {
            @Override
            public int[] labels(RunRecord run, int n) {
                return run.runId().equals(OPTICS_RUN) ? opticsLabels : SampleHierarchy.labels();
            }

            @Override
            public Artifact artifact(RunRecord run, String name, int n) {
                return run.runId().equals(OPTICS_RUN) ? plot : SampleHierarchy.tree();
            }
        };
        return new Report("density " + ReportFixture.CANARY_SCRIPT, c, datasets, source, id -> Optional.empty(), id -> Optional.empty());
    }

    private static float[] points(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        float[] v = new float[n * 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        return v;
    }

    @BeforeAll
    static void render() throws Exception {
        html = ReportWriter.html(report());
        doc = Xml.parse(html);
        java.nio.file.Path out = java.nio.file.Path.of("target", "report-test");
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Files.writeString(out.resolve("hierarchy-report.html"), html);
    }

    private static List<Element> svgs(String cssClass) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", "svg");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if ((" " + e.getAttribute("class") + " ").contains(" " + cssClass + " ")) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> children(Element svg, String tag, String cssClass) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if ((" " + e.getAttribute("class") + " ").contains(" " + cssClass + " ")) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void opticsBestRunGetsAReachabilityPlotWithCappedInfiniteBars() {
        List<Element> plots = svgs("reachability");
        assertThat(plots).hasSize(1);
        Element svg = plots.getFirst();
        // 2,500 points at 3 per bar: 834 bars, in one path per label (finite) plus one per label with an infinite bar
        int per = SvgReachability.pointsPerBar(OPTICS_N);
        assertThat(per).isEqualTo(3);
        List<Element> bars = children(svg, "path", "bar");
        int rects = bars.stream().mapToInt(p -> p.getAttribute("d").split("Z", -1).length - 1).sum();
        assertThat(rects).isEqualTo((OPTICS_N + per - 1) / per);
        assertThat(bars.stream().map(p -> p.getAttribute("fill"))).contains(Palette.cluster(0), Palette.cluster(1), Palette.NOISE);
        List<Element> inf = children(svg, "path", "inf");
        assertThat(inf).isNotEmpty();
        int infRects = inf.stream().mapToInt(p -> p.getAttribute("d").split("Z", -1).length - 1).sum();
        assertThat(infRects).isEqualTo(4); // positions 0, 800, 1600, 2400 fall in four different bars
        assertThat(children(svg, "path", "cap")).hasSize(1);
        assertThat(svg.getTextContent()).contains("\u221e drawn capped", "reachability distance");
        assertThat(html).contains("4 points have infinite reachability", "Each bar stands for 3 consecutive points",
                "Data: reachability/run&lt;b&gt;optics&lt;/b&gt;-0.csv");
    }

    @Test
    void infiniteBarsReachTheTopAndFiniteOnesStayBelowIt() {
        double[] reach = {Double.POSITIVE_INFINITY, 1, 2, Double.POSITIVE_INFINITY, 0.5};
        Document d = Xml.parse(SvgReachability.render(reach, new int[] {0, 0, 0, 1, 1}, "t"));
        NodeList paths = d.getElementsByTagNameNS("*", "path");
        double infTop = Double.NaN;
        double finiteTop = Double.POSITIVE_INFINITY;
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            var m = Pattern.compile("V([0-9.]+)H").matcher(p.getAttribute("d"));
            while (m.find()) {
                double top = Double.parseDouble(m.group(1));
                if (p.getAttribute("class").contains("inf")) {
                    infTop = top;
                } else if (p.getAttribute("class").contains("bar")) {
                    finiteTop = Math.min(finiteTop, top);
                }
            }
        }
        assertThat(infTop).isLessThan(finiteTop); // higher on screen
        assertThat(SvgReachability.infinite(reach)).isEqualTo(2);
    }

    @Test
    void hdbscanBestRunGetsAnIcicleCondensedTreeWithTheSelectedClustersHighlighted() {
        List<Element> plots = svgs("condensed-tree");
        assertThat(plots).hasSize(1);
        Element svg = plots.getFirst();
        List<Element> icicles = children(svg, "path", "icicle");
        assertThat(icicles).hasSize(5); // root 300 and clusters 301 to 304
        List<Element> selected = children(svg, "path", "selected");
        assertThat(selected).hasSize(2);
        assertThat(selected.stream().map(p -> p.getAttribute("fill"))).containsExactly(Palette.cluster(0), Palette.cluster(1));
        assertThat(selected.stream().map(Element::getTextContent)).containsExactly(
                "cluster 301 of the tree: 150 points, from \u03bb = 0.5000; selected: cluster 0",
                "cluster 302 of the tree: 145 points, from \u03bb = 0.5000; selected: cluster 1");
        // 303 and 304 lie inside selected cluster 1: its colour, paler; the root is grey
        assertThat(icicles.stream().filter(p -> p.getTextContent().contains("inside selected cluster 1"))).hasSize(2);
        assertThat(icicles.getFirst().getAttribute("fill")).isEqualTo("#9aa5b1");
        assertThat(children(svg, "rect", "sel")).hasSize(2);
        // the root is as wide as the plot at the top: its first step spans the whole x range
        assertThat(icicles.getFirst().getAttribute("d")).startsWith("M62 12H526");
        assertThat(html).contains("Points at distance 0 (infinite \u03bb) leave at the bottom edge",
                "Data: condensed_tree/run&quot;hdbscan&quot;&lt;script&gt;");
    }

    @Test
    void childIciclesSitUnderTheirParentsAndNeverOverlap() {
        // every rectangle of 303 and 304 lies within the x range of 302's first rectangle
        String svg = SvgCondensedTree.render(SampleHierarchy.tree(), SampleHierarchy.labels(), "t").svg();
        Document d = Xml.parse(svg);
        NodeList paths = d.getElementsByTagNameNS("*", "path");
        double[][] span = new double[5][];
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            var m = Pattern.compile("cluster (30\\d) of the tree").matcher(p.getTextContent());
            if (m.find()) {
                var xs = Pattern.compile("M([0-9.]+) [0-9.]+H([0-9.]+)").matcher(p.getAttribute("d"));
                assertThat(xs.find()).isTrue();
                span[Integer.parseInt(m.group(1)) - 300] = new double[] {Double.parseDouble(xs.group(1)), Double.parseDouble(xs.group(2))};
            }
        }
        assertThat(span[3][0]).isGreaterThanOrEqualTo(span[2][0] - 0.1);
        assertThat(span[4][1]).isLessThanOrEqualTo(span[2][1] + 0.1);
        assertThat(span[3][1]).isLessThanOrEqualTo(span[4][0] + 0.1);
        assertThat(span[1][1]).isLessThanOrEqualTo(span[2][0] + 0.1);
    }

    @Test
    void inputTextStaysText() {
        assertThat(Pattern.compile("<script|<img|<[a-z][^<>]*\\son\\w+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
                .isFalse();
        assertThat(html).doesNotContain("run<b>", "<i>optics</i>");
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains(OPTICS_DATA, HDBSCAN_DATA, "reachability/" + OPTICS_RUN + ".csv",
                "condensed_tree/" + HDBSCAN_RUN + ".csv");
        for (String svg : Xml.svgBlocks(html)) {
            Xml.parse(svg);
        }
    }

    @Test
    void anUnreadableTreeLeavesANote() {
        Report r = report();
        LabelSource broken = new LabelSource() {
            @Override
            public int[] labels(RunRecord run, int n) {
                return r.labels().labels(run, n);
            }

            @Override
            public Artifact artifact(RunRecord run, String name, int n) {
                if (name.equals("condensed_tree")) {
                    throw new UserInputException("condensed_tree/x.csv:3: expected an integer; found '<b>'");
                }
                throw new UserInputException("reachability/x.csv:2: expected a number; found 'y'");
            }
        };
        String out = ReportWriter.html(new Report(r.title(), r.comparison(), r.datasets(), broken, r.algorithms(), r.metrics()));
        Xml.parse(out);
        assertThat(out).contains("The condensed tree of run", "could not be read", "found &#39;&lt;b&gt;&#39;")
                .doesNotContain("plot condensed-tree").doesNotContain("plot reachability");
    }
}

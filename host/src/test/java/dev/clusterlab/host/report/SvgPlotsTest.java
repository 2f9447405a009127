package dev.clusterlab.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgPlotsTest {
    private static int count(Document doc, String tag) {
        return doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag).getLength();
    }

    @Test
    void scatterGroupsPointsByClusterWithNoiseFirstAndGrey() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0, 1, 0, 1, 0};
        int[] labels = {1, -1, 0, 1, 12};
        Document doc = Xml.parse(SvgScatter.render(x, y, labels, "<x>", "y \"1\"", true, "t & t"));
        assertThat(count(doc, "circle")).isEqualTo(5);
        var groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        List<String> fills = new java.util.ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            var g = (org.w3c.dom.Element) groups.item(i);
            if (!g.getAttribute("fill").isEmpty()) {
                fills.add(g.getAttribute("fill"));
            }
        }
        assertThat(fills).containsExactly(Palette.NOISE, Palette.cluster(0), Palette.cluster(1), Palette.cluster(12));
        assertThat(doc.getDocumentElement().getTextContent()).contains("<x>", "y \"1\"", "t & t");
    }

    @Test
    void scatterOfOnePointOrEqualValuesStillHasFiniteCoordinates() {
        String svg = SvgScatter.render(new double[] {3}, new double[] {3}, new int[] {0}, "a", "b", true, "one");
        Xml.parse(svg);
        assertThat(svg).doesNotContain("NaN", "Infinity");
    }

    @Test
    void barsDrawErrorBarsNegativeValuesAndGapsForMissingValues() {
        List<SvgBars.Bar> bars = List.of(new SvgBars.Bar("a <b>", 0.5, 0.1, Palette.BEST, "0.5000"),
                new SvgBars.Bar("b", -0.2, 0.05, Palette.BAR, "-0.2000"), new SvgBars.Bar("c", Double.NaN, Double.NaN, Palette.BAR, "n/a"),
                new SvgBars.Bar("a very long configuration label k=3 init=k-means++ max_iter=300", 0.1, 0, Palette.BAR, "0.1"));
        String svg = SvgBars.render(bars, "silhouette", "title");
        Document doc = Xml.parse(svg);
        assertThat(count(doc, "rect")).isEqualTo(3);
        assertThat(count(doc, "path")).isEqualTo(2);
        assertThat(svg).doesNotContain("NaN", "Infinity").contains("a &lt;b&gt;", "\u2026");
        assertThat(doc.getDocumentElement().getTextContent()).contains("k=3 init=k-means++ max_iter=300"); // full label as tooltip
    }

    @Test
    void barsOfNothingAreStillWellFormed() {
        Xml.parse(SvgBars.render(List.of(), "x", "empty"));
    }

    @Test
    void linesMarkTheSuggestedKAndSkipUndefinedValues() {
        String svg = SvgLines.render(List.of(2, 3, 4, 5), List.of(9000.0, 3000.0, Double.NaN, 2300.0), 3, "objective", "elbow");
        Document doc = Xml.parse(svg);
        assertThat(count(doc, "circle")).isEqualTo(3);
        assertThat(svg).contains("class=\"mark\"", "k = 3", "point chosen").doesNotContain("NaN");
        var path = (org.w3c.dom.Element) doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").item(0);
        assertThat(path.getAttribute("d").chars().filter(ch -> ch == 'M').count()).isEqualTo(2); // a gap at k=4
    }

    @Test
    void scaleTicksAreNiceAndCoverTheData() {
        Scale s = Scale.of(0.03, 0.87, 0, 100, 5);
        assertThat(s.lo()).isEqualTo(0);
        assertThat(s.hi()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(s.ticks()).hasSize(6);
        assertThat(s.label(0.2)).isEqualTo("0.2");
        assertThat(Scale.nice(0.7)).isEqualTo(1);
        assertThat(Scale.nice(1.3)).isEqualTo(2);
        assertThat(Scale.nice(30)).isEqualTo(50);
        Scale flat = Scale.of(5, 5, 0, 100, 5);
        assertThat(flat.hi()).isGreaterThan(flat.lo());
        assertThat(Scale.of(Double.NaN, Double.NaN, 0, 1, 4).hi()).isGreaterThan(0);
        Scale exact = Scale.exact(-0.13, 0.97, 0, 110, 5);
        assertThat(exact.map(-0.13)).isZero();
        assertThat(exact.ticks()).allMatch(t -> t >= -0.13 && t <= 0.97);
    }

    @Test
    void subsampleIsEvenDeterministicAndCapped() {
        int[] rows = BestRunPlots.subsample(12_000, 5000);
        assertThat(rows).hasSize(5000).startsWith(0).isSorted().doesNotHaveDuplicates();
        assertThat(rows[rows.length - 1]).isLessThan(12_000);
        assertThat(BestRunPlots.subsample(12_000, 5000)).isEqualTo(rows);
        assertThat(BestRunPlots.subsample(7, 5000)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }
}

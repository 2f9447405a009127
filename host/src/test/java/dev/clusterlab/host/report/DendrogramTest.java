package dev.clusterlab.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.artifact.MergeTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The dendrogram of a merge tree: SciPy's lastp truncation, left children first, colours from the cut. */
class DendrogramTest {

    private static List<Element> elements(Document d, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    @Test
    void aSmallTreeIsDrawnWholeWithItsClustersInTheirColours() {
        // {1,3} at 0.5 -> 5, {0,5} at 1.0 -> 6, {2,4} at 2.0 -> 7, {6,7} at 4.0 -> 8
        MergeTree tree = new MergeTree(new int[] {1, 0, 2, 6}, new int[] {3, 5, 4, 7}, new double[] {0.5, 1.0, 2.0, 4.0},
                new int[] {2, 3, 2, 5});
        int[] labels = tree.cut(2); // {0,1,3} and {2,4}
        Document d = Xml.parse(SvgDendrogram.render(tree, labels, "t").svg());
        List<Element> merges = elements(d, "path");
        assertThat(merges).hasSize(4);
        assertThat(merges.stream().map(e -> e.getAttribute("stroke"))).containsExactly(
                Palette.cluster(0), Palette.cluster(0), Palette.cluster(1), "#3d4650");
        // leaves left child first from the root: 6 = {0, 5 = {1, 3}}, then 7 = {2, 4}
        List<String> leaves = elements(d, "text").stream().filter(t -> t.getAttribute("transform").contains("rotate(90)"))
                .map(Element::getTextContent).toList();
        assertThat(leaves).containsExactly("0", "1", "3", "2", "4");
    }

    @Test
    void aLargeTreeShowsItsLast30ClustersWithTheirSizes() {
        int n = 100;
        // A chain: point i joins the cluster of points 0..i-1 at height i.
        int[] left = new int[n - 1];
        int[] right = new int[n - 1];
        double[] h = new double[n - 1];
        int[] size = new int[n - 1];
        for (int i = 0; i < n - 1; i++) {
            left[i] = i == 0 ? 0 : n + i - 1;
            right[i] = i + 1;
            h[i] = i + 1;
            size[i] = i + 2;
        }
        MergeTree tree = new MergeTree(left, right, h, size);
        SvgDendrogram.Drawn drawn = SvgDendrogram.render(tree, tree.cut(3), "t");
        assertThat(drawn.leaves()).isEqualTo(SvgDendrogram.LAST);
        Document d = Xml.parse(drawn.svg());
        assertThat(elements(d, "path")).hasSize(SvgDendrogram.LAST - 1);
        List<String> leaves = elements(d, "text").stream().filter(t -> t.getAttribute("transform").contains("rotate(90)"))
                .map(Element::getTextContent).toList();
        // the first leaf is the cluster of points 0..70 (71 points), then points 71..99 one by one
        assertThat(leaves.getFirst()).isEqualTo("(71)");
        assertThat(leaves.subList(1, leaves.size())).allMatch(s -> s.matches("\\d+"));
    }
}

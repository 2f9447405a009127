package dev.clusterlab.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.data.LabelFiles;
import dev.clusterlab.host.output.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportWriterTest {
    private static ReportFixture fixture;
    private static String html;
    private static Document doc;

    @BeforeAll
    static void render() throws Exception {
        fixture = new ReportFixture();
        html = ReportWriter.html(fixture.report());
        doc = Xml.parse(html);
        Path out = Path.of("target", "report-test");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.html"), html);
    }

    private static List<Element> all(String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getLocalName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void everySvgBlockIsWellFormedXml() {
        List<String> blocks = Xml.svgBlocks(html);
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(8);
        for (String svg : blocks) {
            Document d = Xml.parse(svg);
            assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
        }
    }

    @Test
    void noInputBecomesMarkup() {
        // The whole report is well-formed XML, so the parser sees exactly the elements and attributes we wrote.
        assertThat(all("script")).isEmpty();
        assertThat(all("img")).isEmpty();
        assertThat(all("pwned-canary")).isEmpty();
        NodeList nodes = doc.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            var attrs = nodes.item(i).getAttributes();
            for (int a = 0; a < attrs.getLength(); a++) {
                String name = attrs.item(a).getNodeName().toLowerCase(java.util.Locale.ROOT);
                assertThat(name).as("attribute of <%s>", nodes.item(i).getNodeName()).doesNotStartWith("on");
                if (name.equals("href")) {
                    assertThat(attrs.item(a).getNodeValue()).matches("#ds\\d+|#references|https://doi\\.org/[A-Za-z0-9\\-._~/:;()%]+");
                }
            }
        }
        // and textually: no tag from the inputs, no event-handler attribute inside any tag
        assertThat(Pattern.compile("<script|<img|<[a-z][^<>]*\\son\\w+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
    }

    @Test
    void hostileNamesAreShownAsText() {
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains(ReportFixture.EVIL_DATASET, ReportFixture.EVIL_ALGORITHM, ReportFixture.CANARY_IMG,
                ReportFixture.CANARY_ATTR, "experiment " + ReportFixture.CANARY_SCRIPT);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;onmouseover=alert(1) x=&quot;&gt;");
    }

    @Test
    void eachDatasetHasTableScatterBarsAndSizes() {
        assertThat(all("section")).hasSize(3);
        // Per dataset with a finished best run: the ranking and the best run's cluster profiles.
        assertThat(all("table")).hasSize(4);
        assertThat(all("table").stream().filter(t -> t.getAttribute("class").contains("profile"))).hasSize(2);
        List<Element> best = all("tr").stream().filter(tr -> tr.getAttribute("class").equals("best")).toList();
        assertThat(best).hasSize(2);
        assertThat(best.getFirst().getTextContent()).contains("kmeans", "k=3", "0.7200 \u00b1 0.0100");
        List<Element> scatters = all("svg").stream().filter(s -> s.getAttribute("class").contains("scatter")).toList();
        assertThat(scatters).hasSize(2);
        // 6,000 blob points are capped at 5,000; the 2-D dataset shows all 200.
        assertThat(scatters.get(0).getElementsByTagNameNS("*", "circle").getLength()).isEqualTo(BestRunPlots.MAX_POINTS);
        assertThat(scatters.get(1).getElementsByTagNameNS("*", "circle").getLength()).isEqualTo(200);
        assertThat(scatters.get(0).getTextContent()).contains("PC1 (", "% of variance)");
        assertThat(html).contains("Showing 5000 of 6000 points");
        // silhouette, ari and fit time per dataset, plus cluster sizes
        assertThat(all("svg").stream().filter(s -> s.getAttribute("class").contains("bars"))).hasSize(2 * 4);
    }

    @Test
    void kSweepsGetElbowAndSilhouettePlotsWithTheSuggestionMarked() {
        List<Element> lines = all("svg").stream().filter(s -> s.getAttribute("class").contains("lines")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).getTextContent()).contains("k = 3");
        assertThat(lines.get(1).getTextContent()).contains("k = 3");
        assertThat(html).contains("suggested k = 3");
    }

    @Test
    void referencesListEveryAlgorithmWithDoiLinks() {
        Element refs = all("section").stream().filter(s -> s.getAttribute("id").equals("references")).findFirst().orElseThrow();
        assertThat(refs.getTextContent()).contains("k-means (Lloyd)", "DBSCAN", "Lloyd, S. P. (1982). Least squares quantization in PCM.",
                "Silhouette");
        List<String> hrefs = all("a").stream().map(a -> a.getAttribute("href")).filter(h -> h.startsWith("https:")).toList();
        assertThat(hrefs).contains("https://doi.org/10.1109/TIT.1982.1056489",
                "https://doi.org/10.1002/(SICI)1097-4571%3C693::AID%3E%22onclick%3Dalert(1)");
    }

    @Test
    void failedRunsAreListedWithTheirReason() {
        assertThat(all("details")).hasSize(1);
        assertThat(all("details").getFirst().getTextContent()).contains("blobs-dbscan-failed", "FAILED", "out of memory");
    }

    @Test
    void sameInputsGiveTheSameFile() {
        assertThat(ReportWriter.html(new ReportFixture().report())).isEqualTo(html);
    }

    @Test
    void unreadableLabelsLeaveANoteInsteadOfAPlot() {
        Report r = fixture.report();
        Report broken = new Report(r.title(), r.comparison(), r.datasets(), (run, n) -> {
            throw new UserInputException("labels/" + run.runId() + ".csv: no such file <b>");
        }, r.algorithms(), r.metrics());
        String out = ReportWriter.html(broken);
        Xml.parse(out);
        assertThat(out).contains("could not be read", "no such file &lt;b&gt;").doesNotContain("class=\"plot scatter\"");
    }

    @Test
    void labelsAreReadFromTheOutputFolder(@TempDir Path dir) {
        RunRecord run = fixture.records.getFirst();
        int[] labels = fixture.labels.get(run.runId());
        LabelFiles.write(dir.resolve(run.runId() + ".csv"), labels);
        assertThat(LabelSource.folder(dir).labels(run, labels.length)).isEqualTo(labels);
    }
}

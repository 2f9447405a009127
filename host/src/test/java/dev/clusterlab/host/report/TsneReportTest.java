package dev.clusterlab.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The t-SNE figures in the fixture report. */
class TsneReportTest {
    /** What the two t-SNE figures (2,000 + 200 points) may add to the fixture report. */
    static final int MAX_TSNE_CHARS = 100_000;

    @Test
    void theReportHasOneTsneFigurePerBestRunAndTheSameReportComesOutTwice() {
        String html = ReportWriter.html(new ReportFixture().report());
        assertThat(ReportWriter.html(new ReportFixture().report())).isEqualTo(html);
        List<Integer> sizes = new ArrayList<>();
        int at = 0;
        while ((at = html.indexOf("class=\"plot tsne\"", at)) >= 0) {
            int start = html.lastIndexOf("<figure", at);
            int end = html.indexOf("</figure>", at) + "</figure>".length();
            sizes.add(end - start);
            at = end;
        }
        System.out.println("t-SNE figures in the fixture report: " + sizes + " characters, report " + html.length());
        assertThat(sizes).hasSize(2);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isLessThan(MAX_TSNE_CHARS);
        assertThat(html).contains("a uniform random sample (seed 0) of 2000 of the 5000 points of the scatter (6000 in all).",
                "of 200 points, noise included");
        assertThat(html.toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script");
    }
}

package dev.clusterlab.host.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesMarkupAndQuotes() {
        assertThat(Html.esc("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Html.esc("\"onmouseover=alert('x') a&b")).isEqualTo("&quot;onmouseover=alert(&#39;x&#39;) a&amp;b");
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.esc(42)).isEqualTo("42");
    }

    @Test
    void replacesCharactersXmlForbidsAndKeepsOthers() {
        assertThat(Html.esc("a\u0000b\u001bc\u0085d\uFFFF")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
        assertThat(Html.esc("tab\tline\nreturn\r")).isEqualTo("tab\tline\nreturn\r");
        assertThat(Html.esc("caf\u00e9 \u03bc \uD83D\uDE00")).isEqualTo("caf\u00e9 \u03bc \uD83D\uDE00");
        assertThat(Html.esc("lone \uD83D and \uDE00")).isEqualTo("lone \uFFFD and \uFFFD");
    }

    @Test
    void escapedTextParsesBackToTheOriginalAsElementAndAttribute() {
        String nasty = "<script>alert(1)</script> \"onmouseover=alert(1) x=' & </svg>";
        var doc = Xml.parse("<p title=\"" + Html.esc(nasty) + "\">" + Html.esc(nasty) + "</p>");
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo(nasty);
        assertThat(doc.getDocumentElement().getAttribute("title")).isEqualTo(nasty);
        assertThat(doc.getDocumentElement().getChildNodes().getLength()).isEqualTo(1);
    }

    @Test
    void doiLinksArePercentEncodedAndStayHttps() {
        assertThat(Html.doiUrl("10.1109/TIT.1982.1056489")).isEqualTo("https://doi.org/10.1109/TIT.1982.1056489");
        assertThat(Html.doiUrl("10.1002/(SICI)<693::AID>\"x y#")).isEqualTo("https://doi.org/10.1002/(SICI)%3C693::AID%3E%22x%20y%23");
        assertThat(Html.doiUrl("javascript:alert(1)")).startsWith("https://doi.org/javascript:");
    }

    @Test
    void shortensByCodePoints() {
        assertThat(Html.shorten("abcdef", 6)).isEqualTo("abcdef");
        assertThat(Html.shorten("abcdefg", 6)).isEqualTo("abcde\u2026");
        assertThat(Html.shorten("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2)).isEqualTo("\uD83D\uDE00\u2026");
    }

    @Test
    void pixelsHaveOneDecimal() {
        assertThat(Html.px(12.0)).isEqualTo("12");
        assertThat(Html.px(12.345)).isEqualTo("12.3");
        assertThat(Html.px(-0.04)).isEqualTo("0");
        assertThat(Html.px(-3.25)).isEqualTo("-3.2");
    }
}

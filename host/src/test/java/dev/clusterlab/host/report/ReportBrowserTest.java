package dev.clusterlab.host.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report in headless Chromium: the plots render (SVG elements in the DOM, plot
 * colours on the screenshot) and nothing from the inputs runs, proven with a canary that adds an
 * element to the page when script executes, first checked to fire on an unescaped control page.
 * Skipped, saying why, where no Chromium is installed ({@code scripts/browser-check.sh} installs it).
 * The screenshot is kept in {@code target/report-browser/} for a human look.
 */
class ReportBrowserTest {
    private static final Pattern SVG = Pattern.compile("<svg\\b");

    @TempDir
    Path tmp;

    /** Tried at most once per test run: installing takes a minute or two. */
    private static boolean installTried;

    /**
     * In CI ({@code CI=true}) or when asked ({@code CLUSTERLAB_INSTALL_BROWSER=1}), a missing Chromium is
     * installed by {@code scripts/browser-check.sh --install-only} (Debian's package); on a developer's
     * machine the test never installs system packages by itself.
     */
    private static synchronized void installIfAllowed() {
        boolean allowed = "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("CLUSTERLAB_INSTALL_BROWSER"));
        Path script = Path.of("").toAbsolutePath().resolve("../scripts/browser-check.sh").normalize();
        if (installTried || !allowed || !Files.isRegularFile(script)) {
            return;
        }
        installTried = true;
        try {
            Process p = new ProcessBuilder("bash", script.toString(), "--install-only").inheritIO().start();
            if (!p.waitFor(15, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        } catch (java.io.IOException e) {
            System.err.println("browser-check could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Chromium browser() {
        Optional<Chromium> c = Chromium.find(tmp);
        if (c.isEmpty()) {
            installIfAllowed();
            c = Chromium.find(tmp);
        }
        String why = "No headless Chromium found (looked for chromium, chromium-browser, google-chrome on the PATH and at $"
                + Chromium.ENV + "): the browser test of report.html is skipped. Run scripts/browser-check.sh to install Debian's"
                + " chromium and run it (CI, with CI=true, installs it by itself).";
        if (c.isEmpty()) {
            System.err.println(why); // surefire's console summary shows only the count of skipped tests
        }
        assumeTrue(c.isPresent(), why);
        return c.orElseThrow();
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theCanaryFiresOnAnUnescapedPage() throws Exception {
        Chromium chromium = browser();
        Path control = tmp.resolve("control.html");
        Files.writeString(control, "<!DOCTYPE html><html><head><title>control</title></head><body><p>control</p>"
                + ReportFixture.CANARY_SCRIPT + ReportFixture.CANARY_IMG + "</body></html>");
        assertThat(count(Pattern.compile("<pwned-canary>"), chromium.dumpDom(control))).as("canaries that ran").isEqualTo(2);
    }

    @Test
    void noScriptFromTheInputsRunsEvenWithoutTheContentSecurityPolicy() throws Exception {
        Chromium chromium = browser();
        String html = ReportWriter.html(new ReportFixture().report());
        String meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + ReportWriter.CSP + "\"/>\n";
        assertThat(html).contains(meta);
        Path page = tmp.resolve("no-csp.html");
        Files.writeString(page, html.replace(meta, "")); // escaping alone is under test here
        String dom = chromium.dumpDom(page);
        assertThat(dom).doesNotContain("<pwned-canary").doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(count(SVG, dom)).isEqualTo(count(SVG, html)).isGreaterThanOrEqualTo(12);
        assertThat(dom).contains("class=\"plot scatter\"", "class=\"plot bars\"", "class=\"plot lines\"");
    }

    @Test
    void plotsRenderOnScreen() throws Exception {
        Chromium chromium = browser();
        Path page = tmp.resolve("report.html");
        Files.writeString(page, ReportWriter.html(new ReportFixture().report()));
        Path png = chromium.screenshot(page, 1200, 3000);
        Path keep = Path.of("target", "report-browser");
        Files.createDirectories(keep);
        Files.copy(png, keep.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(page, keep.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(png)).as("screenshot bytes").isGreaterThan(50_000);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1200);
        // Opaque fills of the bars: the ordinary blue, the best configuration's red, cluster 1's orange.
        assertThat(pixels(img, 0x4e79a7)).as("blue bar pixels").isGreaterThan(5_000);
        assertThat(pixels(img, 0xe15759)).as("best (red) bar pixels").isGreaterThan(1_000);
        assertThat(pixels(img, 0xf28e2b)).as("orange cluster pixels").isGreaterThan(1_000);
        assertThat(pixels(img, 0x59a14f)).as("green cluster pixels").isGreaterThan(500);
    }

    @Test
    void reachabilityPlotAndCondensedTreeRenderAndRunNothing() throws Exception {
        Chromium chromium = browser();
        Path page = tmp.resolve("hierarchy.html");
        String html = ReportWriter.html(HierarchyPlotsTest.report());
        Files.writeString(page, html);
        String dom = chromium.dumpDom(page);
        assertThat(dom).doesNotContain("<pwned-canary").doesNotContain("<script");
        assertThat(dom).contains("class=\"plot reachability\"", "class=\"plot condensed-tree\"");
        assertThat(count(SVG, dom)).isEqualTo(count(SVG, html));
        Path png = chromium.screenshot(page, 1200, 4200); // tall enough for the second dataset's condensed tree
        Path keep = Files.createDirectories(Path.of("target", "report-browser"));
        Files.copy(png, keep.resolve("hierarchy.png"), StandardCopyOption.REPLACE_EXISTING);
        BufferedImage img = ImageIO.read(png.toFile());
        // cluster 0's blue and cluster 1's orange at fill-opacity 0.9 over white: reachability bars and selected icicles
        assertThat(pixels(img, 0x6086b0)).as("pale blue pixels").isGreaterThan(5_000);
        assertThat(pixels(img, 0xf39940)).as("pale orange pixels").isGreaterThan(5_000);
    }

    private static int pixels(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (close(p >> 16, rgb >> 16) && close(p >> 8, rgb >> 8) && close(p, rgb)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean close(int a, int b) {
        return Math.abs((a & 0xff) - (b & 0xff)) <= 8;
    }
}

package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/library/run.sh}, as a user runs it: a standalone Maven project that depends on the
 * installed artifacts (run.sh installs them when missing) and fits k-means and HDBSCAN on iris
 * through the library API.
 */
class LibraryExampleIT {
    private static final Pattern LINE = Pattern.compile("(kmeans|hdbscan) ari=(0\\.\\d{4}|1\\.0000)");

    @Test
    void printsOneAriLinePerAlgorithm() throws Exception {
        Path script = Cli.DIST.resolve("../../../examples/library/run.sh").normalize();
        assertThat(script).isExecutable();
        Path out = Files.createTempFile("library-example", ".out");
        Path err = Files.createTempFile("library-example", ".err");
        Process p = new ProcessBuilder("bash", script.toString()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).as("run.sh finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        Matcher k = LINE.matcher(lines.get(0));
        Matcher h = LINE.matcher(lines.get(1));
        assertThat(k.matches() && k.group(1).equals("kmeans")).as(lines.get(0)).isTrue();
        assertThat(h.matches() && h.group(1).equals("hdbscan")).as(lines.get(1)).isTrue();
        // scikit-learn's KMeans(n_clusters=3) on iris reaches ARI 0.7302 (0.716 for some starts); a
        // broken fit or a wrong metric would not land there.
        assertThat(Double.parseDouble(k.group(2))).isBetween(0.70, 0.75);
        assertThat(Double.parseDouble(h.group(2))).isBetween(0.0, 1.0);
    }
}

package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugins folder assembled by hand, as a user would: the built-in plugin files copied in, plus a
 * third party's plugin that throws and one that requires another api version. The failures stay
 * with their own plugin; everything else works.
 */
class ThirdPartyPluginIT {
    @TempDir
    Path tmp;

    @Test
    void aPluginThatThrowsFailsOnlyItsOwnRuns() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        PluginJars.write(plugins.resolve("faulty-plugin.jar"), "faulty", ">=0.1.0", ThrowingAlgorithm.class);
        Path yaml = Files.writeString(tmp.resolve("exp.yaml"), """
                name: isolation
                seed: 1
                datasets:
                  - name: blobs
                    generator: blobs
                    n: 300
                    centers: 3
                algorithms:
                  - id: faulty
                  - id: kmeans
                    params: {k: 3}
                metrics: [silhouette, adjusted_rand]
                """);
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.inProcess("run", yaml.toString(), "--output", out.toString(), "--plugins", plugins.toString(), "--threads", "1");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.hasStackTrace()).isFalse();
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows).hasSize(3);
        // rows come in the order runs finish; faulty's runs in a child JVM (a third party's plugin, isolation: auto)
        assertThat(rows).filteredOn(l -> l.contains("faulty")).singleElement().asString()
                .contains("FAILED", "plugin faulty threw IllegalStateException", ThrowingAlgorithm.MESSAGE);
        assertThat(rows).filteredOn(l -> l.contains("kmeans")).singleElement().asString().contains(",OK,");
        // the summary ranks kmeans and shows that no run of faulty finished
        assertThat(r.out().lines().filter(l -> l.contains("faulty"))).singleElement().asString().contains("0/1 ok");
        assertThat(r.out().lines().filter(l -> l.contains("kmeans") && !l.startsWith("best model"))).singleElement().asString()
                .startsWith("1*");
        assertThat(r.out()).contains("best model of blobs: ");
        assertThat(r.err()).contains("1 of 2 runs failed");
    }

    @Test
    void aPluginForAnotherApiVersionIsReportedAndLeftOut() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        PluginJars.write(plugins.resolve("future-plugin.jar"), "future", ">=9.0.0", ThrowingAlgorithm.class);
        Cli.Result status = Cli.inProcess("plugins", "--plugins", plugins.toString());
        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.out()).contains("future", "requires ClusterLab api >=9.0.0 but this host provides 0.3.0");
        assertThat(status.out()).contains("algorithm kmeans");

        Cli.Result list = Cli.inProcess("list", "--plugins", plugins.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("kmeans").doesNotContain("faulty");
        assertThat(list.err()).contains("warning: plugin future", "requires ClusterLab api");
    }

    /** PF4J alone would refuse to start every plugin; only the one whose dependency is missing is left out. */
    @Test
    void aPluginWhoseDependencyIsMissingIsReportedAndTheOthersStart() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        PluginJars.write(plugins.resolve("needy-plugin.jar"), "needy", ">=0.1.0", "absent_plugin", ThrowingAlgorithm.class);
        Cli.Result status = Cli.inProcess("plugins", "--plugins", plugins.toString());
        assertThat(status.exit()).as(status.err()).isEqualTo(1);
        assertThat(status.hasStackTrace()).isFalse();
        assertThat(status.out()).contains("needy", "FAILED", "needs plugin 'absent_plugin' (its Plugin-Dependencies)")
                .contains("algorithm kmeans").contains("algorithm spectral");

        Cli.Result list = Cli.inProcess("list", "--plugins", plugins.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("spectral", "kmeans").doesNotContain("faulty");
    }

    @Test
    void aFileThatIsNotAPluginIsReported() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");
        Cli.Result status = Cli.inProcess("plugins", "--plugins", plugins.toString());
        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.out()).contains("broken.jar", "FAILED").contains("algorithm kmeans");
        assertThat(status.hasStackTrace()).isFalse();
    }
}

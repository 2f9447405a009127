package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plugins that end the JVM, exhaust the heap or take a built-in id: the failure is the plugin's,
 * named, with exit 1 and no stack trace, and nothing already written is lost.
 */
class HardeningIT {
    @TempDir
    Path tmp;

    private Path pluginsWithEnder() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        PluginJars.write(plugins.resolve("ender-plugin.jar"), "ender", ">=0.1.0", EndingAlgorithm.class);
        return plugins;
    }

    private Path experiment(String how, String extra) throws Exception {
        return Files.writeString(tmp.resolve("exp-" + how + ".yaml"), """
                name: ending
                seed: 1
                %s
                datasets:
                  - {name: blobs, generator: blobs, n: 200, centers: 3}
                algorithms:
                  - id: kmeans
                    params: {k: [2, 3]}
                  - id: ender
                    params: {how: %s}
                  - id: dbscan
                    params: {eps: 1.0}
                metrics: [silhouette]
                """.formatted(extra, how));
    }

    /** In this JVM (opted in): System.exit through the shutdown hook, Runtime.halt through the launcher. */
    @ParameterizedTest
    @ValueSource(strings = {"exit", "halt"})
    void aPluginThatEndsTheJvmInProcessLeavesTheFinishedRowsAReportAndExit1(String how) throws Exception {
        Path plugins = pluginsWithEnder();
        Path yaml = experiment(how, "in_process: [ender]");
        Path out = tmp.resolve("out-" + how);
        Cli.Result r = Cli.launcher(tmp, "run", yaml.toString(), "--output", out.toString(), "--plugins", plugins.toString(),
                "--threads", "1", "--jobs", "1", "--quiet");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.hasStackTrace()).as(r.err()).isFalse();
        assertThat(r.err()).contains("plugin ender ended ClusterLab's JVM during a fit", "report.html");
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows).hasSize(1 + 3); // header, the two kmeans runs that finished, the ender run in flight
        assertThat(rows.subList(1, 3)).allSatisfy(l -> assertThat(l).contains("kmeans", ",OK,"));
        assertThat(rows.get(3)).contains("ender", "FAILED", "plugin ender ended ClusterLab's JVM during this run");
        assertThat(out.resolve("report.html")).exists();
        assertThat(Files.readString(out.resolve("report.html"))).contains("kmeans");
        assertThat(out.resolve("in-flight")).doesNotExist();
    }

    /** The default for a third party's plugin: a child JVM, where ending it fails only its own run. */
    @Test
    void byDefaultAThirdPartysPluginRunsInAChildAndOnlyItsRunFails() throws Exception {
        Path plugins = pluginsWithEnder();
        Path out = tmp.resolve("out-auto");
        Cli.Result r = Cli.inProcess("run", experiment("halt", "").toString(), "--output", out.toString(),
                "--plugins", plugins.toString(), "--threads", "1", "--jobs", "1");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.hasStackTrace()).isFalse();
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertThat(rows).hasSize(1 + 4);
        assertThat(rows.get(3)).contains("ender", "FAILED", "plugin ender");
        assertThat(rows.get(4)).contains("dbscan", ",OK,"); // the runs after it went on
        assertThat(r.err()).contains("1 of 4 runs failed");
    }

    @Test
    void clusterWithAPluginThatEndsTheJvmExits1NamingIt() throws Exception {
        Path plugins = pluginsWithEnder();
        Path csv = Files.writeString(tmp.resolve("p.csv"), "x,y\n0,0\n0,1\n5,5\n5,6\n");
        Cli.Result r = Cli.launcher(tmp, "cluster", "--algorithm", "ender", "--input", csv.toString(), "--plugins", plugins.toString(),
                "--param", "how=halt");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("plugin ender ended ClusterLab's JVM during its fit");
    }

    @Test
    void aPluginOutOfMemoryOrThrowingInClusterIsThePluginsFailureExit1() throws Exception {
        Path plugins = pluginsWithEnder();
        PluginJars.write(plugins.resolve("faulty-plugin.jar"), "faulty", ">=0.1.0", ThrowingAlgorithm.class);
        Path csv = Files.writeString(tmp.resolve("p.csv"), "x,y\n0,0\n0,1\n5,5\n5,6\n");
        Cli.Result oom = Cli.inProcess("cluster", "--algorithm", "ender", "--input", csv.toString(), "--plugins", plugins.toString(),
                "--param", "how=oom");
        assertThat(oom.exit()).as(oom.err()).isEqualTo(1);
        assertThat(oom.hasStackTrace()).isFalse();
        assertThat(oom.err()).contains("error: plugin ender ran out of memory", "heap limit", "-Xmx").doesNotContain("internal error");
        Cli.Result threw = Cli.inProcess("cluster", "--algorithm", "faulty", "--input", csv.toString(), "--plugins", plugins.toString());
        assertThat(threw.exit()).as(threw.err()).isEqualTo(1);
        assertThat(threw.err()).contains("error: plugin faulty threw IllegalStateException", ThrowingAlgorithm.MESSAGE)
                .doesNotContain("internal error");
    }

    @Test
    void anIdTakenByABuiltInPluginIsReportedWithItsHolder() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        PluginJars.write(plugins.resolve("impostor-plugin.jar"), "impostor", ">=0.1.0", ImpostorAlgorithm.class);
        Cli.Result status = Cli.inProcess("plugins", "--plugins", plugins.toString());
        assertThat(status.out()).contains("impostor", "algorithm 'kmeans' by plugin kmeans")
                .doesNotContain("annotation processor");
    }
}

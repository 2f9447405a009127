package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code clusterlab run}: the runs in flight end CANCELLED, the finished ones and their
 * report are kept, and {@code --resume} runs what is left.
 */
class InterruptIT {
    @TempDir
    Path tmp;

    @Test
    void ctrlCKeepsFinishedRunsAndResumeCompletesTheRest() throws Exception {
        // Each affinity-propagation fit on 2,500 points takes about a second here: enough to interrupt mid-way.
        Path yaml = Files.writeString(tmp.resolve("slow.yaml"), """
                seed: 1
                repeats: 12
                datasets:
                  - {name: blobs, generator: blobs, n: 2500, d: 4, centers: 5}
                algorithms:
                  - {id: affinity_propagation, params: {damping: 0.9}}
                metrics: [silhouette]
                """);
        Path out = tmp.resolve("out");
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(Cli.DIST.resolve("bin/clusterlab").toString(), "run", yaml.toString(), "--output", out.toString(),
                "--jobs", "1", "--threads", "1").redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && okRows(out) < 2) {
            Thread.sleep(100);
        }
        assertThat(okRows(out)).as("two runs finished before the interrupt: " + Files.readString(stderr)).isGreaterThanOrEqualTo(2);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(stderr);
        assertThat(err).contains("stopped:").contains("--resume").doesNotContain("Exception");
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        int finished = okRows(out);
        assertThat(rows.size() - 1).as("no run started after the interrupt").isLessThan(12);
        assertThat(rows.stream().filter(r -> r.contains(",CANCELLED,")).count()).isLessThanOrEqualTo(1);
        assertThat(out.resolve("report.html")).exists();

        Cli.Result resumed = Cli.inProcess("run", yaml.toString(), "--output", out.toString(), "--resume", "--jobs", "1",
                "--plugins", DistributionIT.pluginsCopy(tmp).toString());
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("(" + finished + " already done)");
        assertThat(okRows(out)).isEqualTo(12);
    }

    private static int okRows(Path out) throws Exception {
        Path csv = out.resolve("results.csv");
        if (!Files.isRegularFile(csv)) {
            return 0;
        }
        return (int) Files.readAllLines(csv).stream().filter(r -> r.contains(",OK,")).distinct().count();
    }
}

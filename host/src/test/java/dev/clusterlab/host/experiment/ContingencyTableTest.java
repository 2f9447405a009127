package dev.clusterlab.host.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.clusterlab.host.ClusterLab;
import dev.clusterlab.host.output.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contingency artifact of a run on data with truth: its counts give back the run's adjusted Rand index. */
class ContingencyTableTest {
    @TempDir
    Path tmp;

    @Test
    void theWrittenTableCountsEveryPointAndGivesTheMetricsAri() throws Exception {
        Path file = Files.writeString(tmp.resolve("iris.yaml"), """
                datasets: [{bundled: iris}]
                algorithms: [{id: kmeans, params: {k: 4}}]
                metrics: [adjusted_rand]
                """);
        try (ClusterLab lab = ClusterLab.builder().threads(1).build()) {
            ExperimentRun.Result r = lab.runExperiment(file, tmp.resolve("out"));
            RunRecord run = r.runs().getFirst();
            assertThat(run.artifacts()).containsEntry("contingency", "contingency");
            List<String> lines = Files.readAllLines(tmp.resolve("out/contingency/" + run.runId() + ".csv"));
            assertThat(lines.getFirst()).isEqualTo("true_class,cluster,count");
            Map<Integer, Long> rowSums = new HashMap<>();
            Map<Integer, Long> colSums = new HashMap<>();
            double cells = 0;
            long n = 0;
            for (String l : lines.subList(1, lines.size())) {
                String[] f = l.split(",");
                long c = Long.parseLong(f[2]);
                rowSums.merge(Integer.parseInt(f[0]), c, Long::sum);
                colSums.merge(Integer.parseInt(f[1]), c, Long::sum);
                cells += c * (c - 1) / 2.0;
                n += c;
            }
            assertThat(n).isEqualTo(150);
            double a = rowSums.values().stream().mapToDouble(x -> x * (x - 1) / 2.0).sum();
            double b = colSums.values().stream().mapToDouble(x -> x * (x - 1) / 2.0).sum();
            double expected = a * b / (n * (n - 1) / 2.0);
            double ari = (cells - expected) / ((a + b) / 2 - expected); // Hubert and Arabie 1985
            assertThat(run.metrics().get("adjusted_rand")).isCloseTo(ari, within(1e-12));
        }
    }
}

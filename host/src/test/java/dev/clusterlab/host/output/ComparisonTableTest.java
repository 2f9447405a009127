package dev.clusterlab.host.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {
    private static final List<String> METRICS = List.of("silhouette", "adjusted_rand");

    private static RunRecord run(String dataset, String label, Map<String, Object> params, long seed, int clusters,
                                 double sil, double ari, double seconds) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("silhouette", sil);
        m.put("adjusted_rand", ari);
        return new RunRecord("id", dataset, label, "kmeans", params, seed, 0, RunStatus.OK, "", seconds, clusters, 0, 5, 1.0, m);
    }

    /** Cuts a line into cells using the widths of the dashed rule line. */
    private static List<String> cells(String line, String rule) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (String dashes : rule.split("  ")) {
            int end = Math.min(line.length(), start + dashes.length());
            out.add(line.substring(start, end));
            if (end < line.length()) {
                assertThat(line.substring(end, Math.min(line.length(), end + 2))).as("column separator in: " + line).isBlank();
            }
            start += dashes.length() + 2;
        }
        return out;
    }

    @Test
    void formatsMetrics() {
        assertThat(ComparisonTable.format(Double.NaN)).isEqualTo("n/a");
        assertThat(ComparisonTable.format(0.5)).isEqualTo("0.5000");
        assertThat(ComparisonTable.format(0)).isEqualTo("0.0000");
        assertThat(ComparisonTable.format(-0.12345)).isEqualTo("-0.1235");
        assertThat(ComparisonTable.format(4441.33678)).isEqualTo("4441.3368");
        assertThat(ComparisonTable.format(12_345_678)).isEqualTo("1.235e+07");
        assertThat(ComparisonTable.format(0.0000123)).isEqualTo("1.230e-05");
    }

    @Test
    void rendersAlignedColumnsWithNaAndBlankCellsForFailedRuns() {
        Map<String, Object> p1 = new LinkedHashMap<>();
        p1.put("k", 2L);
        Map<String, Object> p2 = new LinkedHashMap<>();
        p2.put("k", 12L);
        p2.put("init", "random");
        List<RunRecord> runs = List.of(
                run("blobs", "kmeans-pp", p1, 42, 2, 0.71234, Double.NaN, 0.0123),
                run("moons-long-name", "km", p2, 1043, 12, -0.05, 0.25, 12.5),
                new RunRecord("id3", "blobs", "km", "kmeans", p1, 7, 0, RunStatus.FAILED, "boom", Double.NaN, 0, 0, 0,
                        Double.NaN, Map.of()));
        String table = ComparisonTable.render(runs, METRICS);
        List<String> lines = table.lines().toList();
        assertThat(table).endsWith("\n");
        assertThat(lines).hasSize(5);
        String rule = lines.get(1);
        assertThat(rule).matches("-+( {2}-+)*");

        List<String> header = cells(lines.get(0), rule).stream().map(String::strip).toList();
        assertThat(header).containsExactly("dataset", "algorithm", "params", "seed", "clusters", "noise", "silhouette",
                "adjusted_rand", "seconds", "status");

        List<String> r1 = cells(lines.get(2), rule);
        assertThat(r1.stream().map(String::strip).toList()).containsExactly("blobs", "kmeans-pp", "k=2", "42", "2", "0",
                "0.7123", "n/a", "0.012", "OK");
        List<String> r2 = cells(lines.get(3), rule);
        assertThat(r2.stream().map(String::strip).toList()).containsExactly("moons-long-name", "km", "k=12 init=random",
                "1043", "12", "0", "-0.0500", "0.2500", "12.500", "OK");
        List<String> r3 = cells(lines.get(4), rule);
        assertThat(r3.stream().map(String::strip).toList()).containsExactly("blobs", "km", "k=2", "7", "", "", "", "", "",
                "FAILED");

        // Text columns are left-aligned, numbers right-aligned.
        assertThat(r1.get(0)).startsWith("blobs");
        assertThat(r1.get(2)).startsWith("k=2");
        assertThat(r1.get(3)).endsWith("42").startsWith(" ");
        assertThat(r1.get(6)).endsWith("0.7123");
        assertThat(r1.get(7)).endsWith("n/a").startsWith(" ");
        assertThat(r2.get(8)).endsWith("12.500");
    }

    @Test
    void emptyRunListStillHasHeaderAndRule() {
        List<String> lines = ComparisonTable.render(List.of(), List.of()).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("dataset");
        assertThat(lines.get(1)).startsWith("-------");
    }
}

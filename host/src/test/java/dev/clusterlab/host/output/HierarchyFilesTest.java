package dev.clusterlab.host.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusterHierarchy;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.host.report.LabelSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HierarchyFilesTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @TempDir
    Path dir;

    /** Five rows visited in the order 3, 0, 4, 1, 2 (reachability and core distance by row). */
    private static ClusteringResult optics() {
        return ClusteringResult.builder(new int[] {0, 0, -1, 0, 1})
                .ordering(new int[] {3, 0, 4, 1, 2})
                .pointScore("reachability", new double[] {0.25, 0.1 + 0.2, INF, INF, 1.5})
                .pointScore("core_distance", new double[] {0.2, 0.3, INF, 0.1, 0.7})
                .build();
    }

    @Test
    void reachabilityIsWrittenInClusterOrderAndReadsBackBitForBit() throws Exception {
        ClusteringResult r = optics();
        HierarchyFiles.Reachability plot = HierarchyFiles.Reachability.of(r).orElseThrow();
        assertThat(plot.reachability()).containsExactly(INF, 0.25, 1.5, 0.1 + 0.2, INF);
        Path f = dir.resolve("r.csv");
        HierarchyFiles.writeReachability(f, plot, r.labels());
        assertThat(Files.readAllLines(f)).containsExactly(HierarchyFiles.REACHABILITY_HEADER,
                "0,3,inf,0.1,0", "1,0,0.25,0.2,0", "2,4,1.5,0.7,1", "3,1,0.30000000000000004,0.3,0", "4,2,inf,inf,-1");
        HierarchyFiles.Reachability back = HierarchyFiles.readReachability(f, 5);
        assertThat(back.ordering()).containsExactly(3, 0, 4, 1, 2);
        assertThat(back.reachability()).containsExactly(plot.reachability());
        assertThat(back.coreDistance()).containsExactly(plot.coreDistance());
        // and back into a result (what isolation: process does with the child's file)
        ClusteringResult again = back.into(ClusteringResult.builder(r.labels())).build();
        assertThat(again.ordering()).contains(r.ordering().get());
        assertThat(again.pointScores().get("reachability")).containsExactly(r.pointScores().get("reachability"));
        assertThat(again.pointScores().get("core_distance")).containsExactly(r.pointScores().get("core_distance"));
    }

    @Test
    void condensedTreeRoundTripsWithTheHdbscanColumns() throws Exception {
        ClusterHierarchy tree = SampleHierarchy.tree();
        Path f = dir.resolve("t.csv");
        HierarchyFiles.writeCondensedTree(f, tree);
        List<String> lines = Files.readAllLines(f);
        assertThat(lines.getFirst()).isEqualTo("parent,child,lambda_val,child_size");
        assertThat(lines).hasSize(tree.rows() + 1).contains("300,0,0.2,1", "300,301,0.5,150", "304,299,inf,1");
        assertThat(HierarchyFiles.readCondensedTree(f, SampleHierarchy.N)).isEqualTo(tree);
    }

    @Test
    void malformedFilesAreNamedWithTheLine() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.csv"), HierarchyFiles.REACHABILITY_HEADER + "\n0,1,inf,,0\n1,1,0.5,,0\n");
        assertThatThrownBy(() -> HierarchyFiles.readReachability(f, 2)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("bad.csv:3").hasMessageContaining("permutation");
        Path g = Files.writeString(dir.resolve("short.csv"), HierarchyFiles.REACHABILITY_HEADER + "\n0,0,inf,,0\n");
        assertThatThrownBy(() -> HierarchyFiles.readReachability(g, 2)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("expected 2 lines");
        Path t = Files.writeString(dir.resolve("tree.csv"), HierarchyFiles.TREE_HEADER + "\n2,0,x,1\n");
        assertThatThrownBy(() -> HierarchyFiles.readCondensedTree(t, 2)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("tree.csv:2").hasMessageContaining("'x'");
        Path u = Files.writeString(dir.resolve("root.csv"), HierarchyFiles.TREE_HEADER + "\n3,0,1,1\n");
        assertThatThrownBy(() -> HierarchyFiles.readCondensedTree(u, 2)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("root is cluster 3");
        Path h = Files.writeString(dir.resolve("header.csv"), "a,b\n");
        assertThatThrownBy(() -> HierarchyFiles.readCondensedTree(h, 2)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("header.csv:1").hasMessageContaining("parent,child,lambda_val,child_size");
    }

    @Test
    void resultFilesWriteBothNextToTheLabelsAndTheReportReadsThemBack() {
        ResultFiles out = new ResultFiles(dir, List.of("silhouette"));
        RunRecord optics = ResultFilesTest.ok("moons-optics-0", 0.5, Double.NaN);
        out.addResult(optics, optics());
        RunRecord hdbscan = ResultFilesTest.ok("moons-hdbscan-0", 0.5, Double.NaN);
        out.addResult(hdbscan, ClusteringResult.builder(SampleHierarchy.labels()).hierarchy(SampleHierarchy.tree()).build());
        RunRecord kmeans = ResultFilesTest.ok("moons-kmeans-0", 0.5, Double.NaN);
        out.addResult(kmeans, ClusteringResult.builder(new int[] {0, 1}).build());

        assertThat(dir.resolve("labels/moons-optics-0.csv")).exists();
        assertThat(dir.resolve("reachability/moons-optics-0.csv")).exists();
        assertThat(dir.resolve("condensed_tree/moons-hdbscan-0.csv")).exists();
        assertThat(dir.resolve("reachability/moons-hdbscan-0.csv")).doesNotExist();
        assertThat(dir.resolve("condensed_tree/moons-optics-0.csv")).doesNotExist();
        assertThat(dir.resolve("reachability/moons-kmeans-0.csv")).doesNotExist();

        LabelSource source = LabelSource.outputFolder(dir);
        assertThat(source.labels(optics, 5)).containsExactly(0, 0, -1, 0, 1);
        assertThat(source.reachability(optics, 5).orElseThrow().ordering()).containsExactly(3, 0, 4, 1, 2);
        assertThat(source.hierarchy(optics, 5)).isEmpty();
        assertThat(source.hierarchy(hdbscan, SampleHierarchy.N)).contains(SampleHierarchy.tree());
        assertThat(source.reachability(kmeans, 2)).isEmpty();
    }
}

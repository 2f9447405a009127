package dev.clusterlab.host.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.ClusterHierarchy;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.artifact.Artifact;
import dev.clusterlab.api.artifact.ArtifactKinds;
import dev.clusterlab.api.artifact.ArtifactTable;
import dev.clusterlab.api.artifact.Centroids;
import dev.clusterlab.api.artifact.Embedding;
import dev.clusterlab.api.artifact.MergeTree;
import dev.clusterlab.api.artifact.PointScores;
import dev.clusterlab.api.artifact.Reachability;
import dev.clusterlab.api.artifact.SoftAssignments;
import dev.clusterlab.api.artifact.TableArtifact;
import dev.clusterlab.host.report.LabelSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactFilesTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final String REACHABILITY_HEADER = "position,row,reachability,core_distance,label";

    @TempDir
    Path dir;

    /** Five rows visited in the order 3, 0, 4, 1, 2 (reachability and core distance by row). */
    private static ClusteringResult optics() {
        double[] reach = {0.25, 0.1 + 0.2, INF, INF, 1.5};
        double[] core = {0.2, 0.3, INF, 0.1, 0.7};
        return ClusteringResult.builder(new int[] {0, 0, -1, 0, 1})
                .pointScore("reachability", reach)
                .pointScore("core_distance", core)
                .artifact(ArtifactKinds.REACHABILITY, Reachability.ofRows(new int[] {3, 0, 4, 1, 2}, reach, core))
                .build();
    }

    @Test
    void reachabilityIsWrittenInClusterOrderAndReadsBackBitForBit() throws Exception {
        ClusteringResult r = optics();
        Reachability plot = r.first(Reachability.class).orElseThrow();
        assertThat(plot.reachability()).containsExactly(INF, 0.25, 1.5, 0.1 + 0.2, INF);
        Path f = dir.resolve("r.csv");
        ArtifactFiles.write(f, plot, r.labels());
        assertThat(Files.readAllLines(f)).containsExactly(REACHABILITY_HEADER,
                "0,3,inf,0.1,0", "1,0,0.25,0.2,0", "2,4,1.5,0.7,1", "3,1,0.30000000000000004,0.3,0", "4,2,inf,inf,-1");
        Reachability back = (Reachability) ArtifactFiles.read(f, ArtifactKinds.REACHABILITY);
        assertThat(back.ordering()).containsExactly(3, 0, 4, 1, 2);
        assertThat(back.reachability()).containsExactly(plot.reachability());
        assertThat(back.coreDistance()).containsExactly(plot.coreDistance());
    }

    @Test
    void theDeprecatedOrderingStillMakesTheReachabilityArtifact() {
        @SuppressWarnings("deprecation")
        ClusteringResult r = ClusteringResult.builder(new int[] {0, 0, 1}).ordering(new int[] {2, 0, 1})
                .pointScore("reachability", new double[] {INF, 0.5, 0.25}).build();
        Reachability plot = r.first(Reachability.class).orElseThrow();
        assertThat(plot.ordering()).containsExactly(2, 0, 1);
        assertThat(plot.reachability()).containsExactly(0.25, INF, 0.5);
        assertThat(plot.coreDistance()).containsOnly(Double.NaN);
    }

    @Test
    void condensedTreeRoundTripsWithTheHdbscanColumns() throws Exception {
        ClusterHierarchy tree = SampleHierarchy.tree();
        Path f = dir.resolve("t.csv");
        ArtifactFiles.write(f, tree, SampleHierarchy.labels());
        List<String> lines = Files.readAllLines(f);
        assertThat(lines.getFirst()).isEqualTo("parent,child,lambda_val,child_size");
        assertThat(lines).hasSize(tree.rows() + 1).contains("300,0,0.2,1", "300,301,0.5,150", "304,299,inf,1");
        assertThat(ArtifactFiles.read(f, ArtifactKinds.CONDENSED_TREE)).isEqualTo(tree);
    }

    @Test
    void everyStandardKindAndAPluginsOwnKindRoundTripThroughAFolder() {
        Map<String, Artifact> made = new java.util.LinkedHashMap<>();
        made.put("point_scores", new PointScores(Map.of("probability", new double[] {1, 0.5, Double.NaN}), 3));
        made.put("merge_tree", new MergeTree(new int[] {0, 3}, new int[] {1, 2}, new double[] {0.5, 2.25}, new int[] {2, 3}));
        made.put("soft_assignments", new SoftAssignments(new double[] {0.9, 0.1, 0.2, 0.8, 0.5, 0.5}, 3, 2));
        made.put("centroids", new Centroids(new float[] {0.1f, -2.5f, 1e-7f, 3f}, 2, 2));
        made.put("spectral_embedding", new Embedding(new double[] {0.125, -1e-9, 3, 0.5, -0.25, 7}, 3, 2));
        made.put("my_scores", new TableArtifact("density_peaks", ArtifactTable.builder().ints("row", new int[] {0, 1, 2})
                .reals("rho", new double[] {3, INF, -1.5}).build()));
        ArtifactFiles.writeFolder(dir.resolve("a"), made, new int[] {0, 1, 1});
        Map<String, Artifact> back = ArtifactFiles.readFolder(dir.resolve("a"));
        assertThat(back).containsOnlyKeys(made.keySet());
        assertThat(((PointScores) back.get("point_scores")).scores().get("probability")).containsExactly(1, 0.5, Double.NaN);
        MergeTree z = (MergeTree) back.get("merge_tree");
        assertThat(z.left()).containsExactly(0, 3);
        assertThat(z.distance()).containsExactly(0.5, 2.25);
        assertThat(((SoftAssignments) back.get("soft_assignments")).probabilities()).containsExactly(0.9, 0.1, 0.2, 0.8, 0.5, 0.5);
        assertThat(((Centroids) back.get("centroids")).values()).containsExactly(0.1f, -2.5f, 1e-7f, 3f);
        Embedding map = (Embedding) back.get("spectral_embedding");
        assertThat(map.m()).isEqualTo(2);
        assertThat(map.coordinates()).containsExactly(0.125, -1e-9, 3, 0.5, -0.25, 7);
        TableArtifact mine = (TableArtifact) back.get("my_scores");
        assertThat(mine.kind()).isEqualTo("density_peaks");
        // the label column the writer added is not part of the table read back
        assertThat(mine.table().names()).containsExactly("row", "rho");
        assertThat(mine.table().reals("rho")).containsExactly(3, INF, -1.5);
    }

    @Test
    void malformedFilesAreNamedWithTheLine() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.csv"), REACHABILITY_HEADER + "\n0,1,inf,,0\n1,1,0.5,,0\n");
        assertThatThrownBy(() -> ArtifactFiles.read(f, ArtifactKinds.REACHABILITY)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("bad.csv").hasMessageContaining("position 1").hasMessageContaining("permutation");
        Path t = Files.writeString(dir.resolve("tree.csv"), "parent,child,lambda_val,child_size\n2,0,x,1\n");
        assertThatThrownBy(() -> ArtifactFiles.read(t, ArtifactKinds.CONDENSED_TREE)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("tree.csv:2").hasMessageContaining("'x'").hasMessageContaining("lambda_val");
        Path g = Files.writeString(dir.resolve("fields.csv"), "parent,child,lambda_val,child_size\n2,0,1\n");
        assertThatThrownBy(() -> ArtifactFiles.read(g, ArtifactKinds.CONDENSED_TREE)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("fields.csv:2").hasMessageContaining("expected 4 fields");
        Path h = Files.writeString(dir.resolve("header.csv"), "a,b\n");
        assertThatThrownBy(() -> ArtifactFiles.read(h, ArtifactKinds.CONDENSED_TREE)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("header.csv").hasMessageContaining("no column 'parent'");
    }

    @Test
    void resultFilesWriteEveryArtifactNextToTheLabelsAndTheReportReadsThemBack() {
        ResultFiles out = new ResultFiles(dir, List.of("silhouette"));
        ClusteringResult o = optics();
        RunRecord optics = ResultFilesTest.ok("moons-optics-0", 0.5, Double.NaN).withArtifacts(o);
        out.addResult(optics, o);
        ClusteringResult h = ClusteringResult.builder(SampleHierarchy.labels())
                .artifact(ArtifactKinds.CONDENSED_TREE, SampleHierarchy.tree()).build();
        RunRecord hdbscan = ResultFilesTest.ok("moons-hdbscan-0", 0.5, Double.NaN).withArtifacts(h);
        out.addResult(hdbscan, h);
        ClusteringResult k = ClusteringResult.builder(new int[] {0, 1}).centroids(new float[] {1, 2}, 2).build();
        RunRecord kmeans = ResultFilesTest.ok("moons-kmeans-0", 0.5, Double.NaN).withArtifacts(k);
        out.addResult(kmeans, k);

        assertThat(dir.resolve("labels/moons-optics-0.csv")).exists();
        assertThat(dir.resolve("reachability/moons-optics-0.csv")).exists();
        assertThat(dir.resolve("point_scores/moons-optics-0.csv")).exists();
        assertThat(dir.resolve("condensed_tree/moons-hdbscan-0.csv")).exists();
        assertThat(dir.resolve("centroids/moons-kmeans-0.csv")).exists();
        assertThat(dir.resolve("reachability/moons-hdbscan-0.csv")).doesNotExist();
        assertThat(dir.resolve("condensed_tree/moons-optics-0.csv")).doesNotExist();
        assertThat(dir.resolve("reachability/moons-kmeans-0.csv")).doesNotExist();

        // what the report reads back after the run, from results.jsonl and the files
        List<RunRecord> again = out.readRecords();
        assertThat(again.get(0).artifacts()).containsEntry("reachability", "reachability").containsEntry("point_scores", "point_scores");
        assertThat(again.get(1).artifacts()).containsOnlyKeys("condensed_tree");
        LabelSource source = LabelSource.outputFolder(dir);
        assertThat(source.labels(again.get(0), 5)).containsExactly(0, 0, -1, 0, 1);
        assertThat(((Reachability) source.artifact(again.get(0), "reachability", 5)).ordering()).containsExactly(3, 0, 4, 1, 2);
        assertThat(source.artifact(again.get(1), "condensed_tree", SampleHierarchy.N)).isEqualTo(SampleHierarchy.tree());
        assertThatThrownBy(() -> source.artifact(again.get(0), "reachability", 6)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("describes 5 points; the dataset has 6 rows");
    }
}

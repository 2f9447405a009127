package dev.clusterlab.host.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.yaml.YamlReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What 'run' would refuse about a dataset's file is found when the experiment is read ('validate'), all at once. */
class ExperimentFileChecksTest {
    @TempDir
    Path dir;

    @Test
    void missingFilesAndUnknownColumnNamesAreReportedTogetherWithTheirLocations() throws Exception {
        Files.writeString(dir.resolve("people.csv"), "id,age,income,segment\na,30,1,0\nb,40,2,1\n");
        String yaml = """
                datasets:
                  - {csv: missing.csv}
                  - {csv: people.csv, exclude: [idd]}
                  - {csv: people.csv, name: p2, label_column: segmnt}
                  - {csv: people.csv, name: p3, exclude: [id], categorical: [income]}
                algorithms:
                  - {id: kmeans, params: {k: 2}}
                """;
        UserInputException e = catchThrowableOfType(UserInputException.class, () -> ExperimentParser.parse(
                YamlReader.read("exp.yaml", new StringReader(yaml)), dir, "exp", ParserTestBase.CATALOG));
        assertThat(e.getMessage())
                .contains("3 problems")
                .contains("exp.yaml:2:").contains("missing.csv: no such file")
                .contains("exp.yaml:3:").contains("'exclude' names column 'idd'").contains("did you mean 'id'")
                .contains("exp.yaml:4:").contains("'label_column' names column 'segmnt'")
                .doesNotContain("p3");
    }

    @Test
    void aRunRefusedForABadCellLeavesNoFolderThatBlocksTheNextAttempt() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3,oops\n");
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), """
                datasets: [{csv: bad.csv}]
                algorithms: [{id: kmeans, params: {k: 2}}]
                metrics: [silhouette]
                """);
        Path out = dir.resolve("out");
        try (dev.clusterlab.host.ClusterLab lab = dev.clusterlab.host.ClusterLab.builder().threads(1).build()) {
            UserInputException e = catchThrowableOfType(UserInputException.class, () -> lab.runExperiment(yaml, out));
            assertThat(e.getMessage()).contains("bad.csv:3:2").contains("'oops'");
            assertThat(out).doesNotExist();
            Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3,4\n5,6\n");
            assertThat(lab.runExperiment(yaml, out).failed()).isZero();
        }
    }

    /** A free-text parameter's bad word (k-medoids' metric) used to pass validate and fail only at fit time. */
    @Test
    void whatTheAlgorithmRefusesIsFoundBeforeAnythingRuns() throws Exception {
        String yaml = """
                datasets: [{generator: blobs, n: 50}]
                algorithms:
                  - id: kmedoids
                    params:
                      k: 2
                      metric: [euclidean, manhatan]
                """;
        try (dev.clusterlab.host.ClusterLab lab = dev.clusterlab.host.ClusterLab.builder().threads(1).build()) {
            UserInputException e = catchThrowableOfType(UserInputException.class, () -> ExperimentParser.parse(
                    YamlReader.read("exp.yaml", new StringReader(yaml)), dir, "exp", lab.registry()));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).startsWith("exp.yaml:6:7:").contains("metric", "'manhatan'", "manhattan");
            Path out = dir.resolve("never");
            Files.writeString(dir.resolve("e.yaml"), yaml);
            assertThatThrownBy(() -> lab.runExperiment(dir.resolve("e.yaml"), out)).isInstanceOf(UserInputException.class);
            assertThat(out).doesNotExist();
        }
    }
}

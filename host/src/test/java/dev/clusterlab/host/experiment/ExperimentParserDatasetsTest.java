package dev.clusterlab.host.experiment;

import dev.clusterlab.host.data.HeaderMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dataset entries of experiment files: sources, generators, CSV options, names. */
class ExperimentParserDatasetsTest extends ParserTestBase {
    @Test
    void generatorSeedIsKept() {
        Experiment e = parse("""
                datasets:
                  - generator: moons
                    seed: 9
                algorithms:
                  - id: dbscan
                """);
        assertThat(((DatasetSpec.Generated) e.datasets().getFirst()).params()).containsEntry("seed", 9L);
    }

    @Test
    void emptyDatasetList() {
        assertThat(problems("""
                datasets: []
                algorithms:
                  - id: dbscan
                """)).singleElement().asString().startsWith("exp.yaml:1:11: 'datasets' must be a list with at least one entry");
    }

    @Test
    void datasetWithBothCsvAndGenerator() {
        assertThat(problems("""
                datasets:
                  - csv: points.csv
                    generator: blobs
                algorithms:
                  - id: dbscan
                """)).singleElement().asString()
                .startsWith("exp.yaml:2:5: a dataset needs exactly one of 'csv' (a file), 'generator' (blobs, moons, circles, anisotropic, varied, uniform) or 'bundled' (iris, wine)");
    }

    @Test
    void datasetWithNeitherCsvNorGenerator() {
        assertThat(problems("""
                datasets:
                  - name: nothing
                algorithms:
                  - id: dbscan
                """)).singleElement().asString().startsWith("exp.yaml:2:5: a dataset needs exactly one of 'csv'");
    }

    @Test
    void unknownGeneratorNamesTheKnownOnes() {
        assertThat(problems("""
                datasets:
                  - generator: spirals
                algorithms:
                  - id: dbscan
                """)).singleElement().asString()
                .startsWith("exp.yaml:2:16: unknown generator 'spirals'")
                .endsWith("(known: blobs, moons, circles, anisotropic, varied, uniform)");
    }

    @Test
    void badGeneratorParameterIsLocatedAtItsKey() {
        assertThat(problems("""
                datasets:
                  - generator: blobs
                    centers: 3
                    n: -5
                algorithms:
                  - id: dbscan
                """)).singleElement().asString()
                .startsWith("exp.yaml:4:5: parameter 'n' of generator blobs must be an integer in [1, ")
                .endsWith("got -5");
    }

    @Test
    void misspeltGeneratorParameterIsAnUnknownKey() {
        assertThat(problems("""
                datasets:
                  - generator: blobs
                    centres: 3
                algorithms:
                  - id: dbscan
                """)).singleElement().asString()
                .startsWith("exp.yaml:3:5: unknown key 'centres' in a dataset")
                .contains("did you mean 'centers'?");
    }

    @Test
    void duplicateDatasetNames() {
        assertThat(problems("""
                datasets:
                  - generator: blobs
                  - generator: blobs
                    n: 50
                algorithms:
                  - id: dbscan
                """)).singleElement().asString()
                .startsWith("exp.yaml:1:1: ")
                .contains("two dataset entries are named 'blobs'");
    }

    @Test
    void relativeCsvPathsResolveAgainstTheExperimentFolder() {
        Path elsewhere = base.resolveSibling("abs-" + base.getFileName()).resolve("x.csv").toAbsolutePath();
        Experiment e = parse("""
                datasets:
                  - csv: data/points.csv
                  - csv: ../up.csv
                  - csv: %s
                    columns: [0, b]
                    label_column: 2
                    header: false
                  - csv: y.csv
                    header: "true"
                algorithms:
                  - id: dbscan
                """.formatted(elsewhere));
        List<DatasetSpec.Csv> csvs = e.datasets().stream().map(DatasetSpec.Csv.class::cast).toList();
        assertThat(csvs.get(0).file()).isEqualTo(base.resolve("data/points.csv"));
        assertThat(csvs.get(0).name()).as("default name: the file's stem").isEqualTo("points");
        assertThat(csvs.get(1).file()).isEqualTo(base.getParent().resolve("up.csv"));
        assertThat(csvs.get(2).file()).isEqualTo(elsewhere);
        assertThat(csvs.get(2).name()).isEqualTo("x");
        assertThat(csvs.get(2).columns()).containsExactly(0L, "b");
        assertThat(csvs.get(2).labelColumn()).isEqualTo(2L);
        assertThat(csvs.get(2).header()).as("an unquoted YAML boolean is fine").isEqualTo(HeaderMode.FALSE);
        assertThat(csvs.get(3).header()).isEqualTo(HeaderMode.TRUE);
    }

    @Test
    void headerMustBeAutoTrueOrFalse() {
        assertThat(problems("""
                datasets:
                  - csv: a.csv
                    header: maybe
                algorithms:
                  - id: dbscan
                """)).singleElement().asString().startsWith("exp.yaml:3:5: 'header' must be one of {auto, true, false}; found 'maybe'");
    }
}

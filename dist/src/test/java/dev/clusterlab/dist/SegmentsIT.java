package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segmentation of a table with text columns through the installed command (issue 15): fit on
 * examples/data/segments.csv, save the model, assign segments to new rows some of whose levels the fit
 * never saw, for the algorithm that takes the levels (k-prototypes) and for two that get their one-hot
 * encoding (k-means, a Gaussian mixture).
 */
class SegmentsIT {
    @TempDir
    Path tmp;

    private static Path data(String file) {
        return Cli.DIST.resolve("../../../examples/data").resolve(file).normalize();
    }

    @Test
    void newRowsWithUnseenLevelsAreAssignedBySavedModels() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        for (String algorithm : List.of("kprototypes", "kmeans", "gmm")) {
            Path model = tmp.resolve(algorithm + ".json");
            Cli.Result fit = Cli.inProcess("cluster", "--algorithm", algorithm, "--param", "k=4", "--input", data("segments.csv").toString(),
                    "--exclude", "customer_id,segment", "--preprocess", "impute:median,standardize", "--save-model", model.toString(),
                    "--plugins", plugins.toString());
            assertThat(fit.exit()).as(algorithm + ": " + fit.err()).isZero();
            assertThat(Files.readString(model)).contains("\"categorical_levels\"", "\"enterprise\"");
            Path out = tmp.resolve(algorithm + "-new.csv");
            Cli.Result assign = Cli.inProcess("assign", "--model", model.toString(), "--input", data("segments-new.csv").toString(),
                    "--output", out.toString(), "--plugins", plugins.toString());
            assertThat(assign.exit()).as(algorithm + ": " + assign.err()).isZero();
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSize(21);
            assertThat(lines.getFirst()).endsWith(",cluster");
            assertThat(lines.get(1)).as("the first new row has plan 'trial' and country 'ch'").contains(",trial,ch,");
            assertThat(lines.subList(1, 21)).allSatisfy(l -> assertThat(l.substring(l.lastIndexOf(',') + 1)).matches("[0-3]"));
        }
    }

    @Test
    void aChildJvmGetsTheCategoricalColumnsAndGivesTheSameLabels() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        String yaml = """
                seed: 3
                isolation: %s
                datasets:
                  - {name: seg, csv: %s, exclude: [customer_id], label_column: segment, preprocessing: [{id: impute}, standardize]}
                algorithms:
                  - {id: kprototypes, params: {k: 4, init: huang, n_init: 3}}
                metrics: [adjusted_rand]
                """;
        List<String> labels = new java.util.ArrayList<>();
        for (String isolation : List.of("thread", "process")) {
            Path file = Files.writeString(tmp.resolve(isolation + ".yaml"), yaml.formatted(isolation, data("segments.csv")));
            Path out = tmp.resolve("out-" + isolation);
            Cli.Result r = Cli.inProcess("run", file.toString(), "--output", out.toString(), "--plugins", plugins.toString());
            assertThat(r.exit()).as(isolation + ": " + r.err()).isZero();
            try (var files = Files.list(out.resolve("labels"))) {
                labels.add(Files.readString(files.findFirst().orElseThrow()));
            }
        }
        assertThat(labels.get(1)).isEqualTo(labels.get(0));
    }
}

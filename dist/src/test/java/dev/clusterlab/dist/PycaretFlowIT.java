package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyCaret's flow from the command line, on a CSV with missing values: setup (a steps file) -> compare
 * (an experiment, its report and best model) -> create (cluster with the same setup, saved) -> assign ->
 * predict, each step reusing what the one before wrote.
 */
class PycaretFlowIT {
    @TempDir
    Path tmp;

    @Test
    void setupCompareCreateAssignPredict() throws Exception {
        Path plugins = DistributionIT.pluginsCopy(tmp);
        Path csv = Cli.DIST.resolve("../../../examples/data/customers.csv").normalize();
        assertThat(Files.readString(csv)).as("the example has empty cells").contains(",,");
        Path setup = Files.writeString(tmp.resolve("setup.yaml"), """
                preprocessing:
                  - {id: impute, strategy: median}
                  - standardize
                """);
        // compare
        Path exp = Files.writeString(tmp.resolve("compare.yaml"), """
                seed: 3
                datasets:
                  - {csv: %s, exclude: [customer_id], label_column: segment}
                preprocessing:
                  - {id: impute, strategy: median}
                  - standardize
                algorithms:
                  - {id: kmeans, params: {k: [3, 4, 5]}}
                  - {id: gmm, params: {k: 4}}
                  - {id: agglomerative, params: {k: 4}}
                metrics: [silhouette, adjusted_rand]
                rank_by: adjusted_rand
                """.formatted(csv));
        Cli.Result compared = Cli.inProcess("run", exp.toString(), "--output", tmp.resolve("cmp").toString(), "--plugins", plugins.toString());
        assertThat(compared.exit()).as(compared.err()).isZero();
        assertThat(compared.out()).contains("best model of customers: ");
        assertThat(tmp.resolve("cmp/report.html")).exists();
        try (var models = Files.list(tmp.resolve("cmp/models"))) {
            assertThat(models.count()).isEqualTo(1);
        }
        // create, with the same setup from its file
        Path model = tmp.resolve("kmeans.json");
        Cli.Result created = Cli.inProcess("cluster", "--algorithm", "kmeans", "--param", "k=4", "--input", csv.toString(),
                "--exclude", "customer_id,segment", "--setup", setup.toString(), "--save-model", model.toString(), "--plugins", plugins.toString());
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(Files.readString(model)).contains("\"impute\"", "\"standardize\"");
        // assign and predict with the saved pipeline: the missing cells are imputed as the fit did
        Path assigned = tmp.resolve("assigned.csv");
        Cli.Result assign = Cli.inProcess("assign", "--model", model.toString(), "--input", csv.toString(), "--output", assigned.toString(),
                "--plugins", plugins.toString());
        assertThat(assign.exit()).as(assign.err()).isZero();
        Path predicted = tmp.resolve("predicted.csv");
        Cli.Result predict = Cli.inProcess("predict", "--model", model.toString(), "--input", csv.toString(), "--output", predicted.toString(),
                "--plugins", plugins.toString());
        assertThat(predict.exit()).as(predict.err()).isZero();
        List<String> rows = Files.readAllLines(assigned);
        List<String> labels = Files.readAllLines(predicted);
        assertThat(rows).hasSize(labels.size() + 1);
        for (int i = 0; i < labels.size(); i++) {
            assertThat(rows.get(i + 1)).endsWith("," + labels.get(i));
        }
        // a setup file with a typo names its line
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "preprocessing:\n  - standardise\n");
        Cli.Result typo = Cli.inProcess("cluster", "--algorithm", "kmeans", "--input", csv.toString(), "--setup", bad.toString(),
                "--exclude", "customer_id,segment", "--plugins", plugins.toString());
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("bad.yaml:2:").contains("standardize");
    }
}

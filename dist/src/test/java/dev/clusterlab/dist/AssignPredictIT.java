package dev.clusterlab.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyCaret-style assignment and saved models: a CSV with an id column gets its cluster column, a model
 * saved by {@code cluster} labels new rows the same way, and mistakes are exit-2 errors that keep the
 * input intact.
 */
class AssignPredictIT {
    @TempDir
    Path tmp;
    Path plugins;
    Path csv;

    @BeforeEach
    void data() throws Exception {
        plugins = DistributionIT.pluginsCopy(tmp);
        // Two tight groups far apart, with a text id column that must survive untouched.
        csv = Files.writeString(tmp.resolve("customers.csv"), """
                id,spend,visits
                ann,1.0,2.0
                bob,1.2,2.1
                cy,0.9,1.8
                dee,40.0,30.0
                eve,41.0,31.0
                """);
    }

    @Test
    void assignAppendsAClusterColumnKeepingEveryField() throws Exception {
        Path out = tmp.resolve("out.csv");
        Cli.Result r = Cli.inProcess("assign", "--algorithm", "kmeans", "--param", "k=2", "--input", csv.toString(),
                "--exclude", "id", "--output", out.toString(), "--plugins", plugins.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo("id,spend,visits,cluster");
        assertThat(lines.get(1)).startsWith("ann,1.0,2.0,");
        String small = lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1);
        String large = lines.get(4).substring(lines.get(4).lastIndexOf(',') + 1);
        assertThat(small).isNotEqualTo(large);
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l).endsWith("," + small));
        assertThat(lines.subList(4, 6)).allSatisfy(l -> assertThat(l).endsWith("," + large));
    }

    @Test
    void aSavedModelLabelsNewRowsLikeTheFit() throws Exception {
        Path model = tmp.resolve("m.json");
        Path labels = tmp.resolve("fit.csv");
        Cli.Result fit = Cli.inProcess("cluster", "--algorithm", "kmeans", "--param", "k=2", "--input", csv.toString(),
                "--exclude", "id", "--output", labels.toString(), "--save-model", model.toString(), "--metrics", "none",
                "--plugins", plugins.toString());
        assertThat(fit.exit()).as(fit.err()).isZero();
        assertThat(Files.readString(model)).contains("\"format\" : \"clusterlab-model\"", "\"algorithm\" : \"kmeans\"");

        Path fresh = Files.writeString(tmp.resolve("new.csv"), "id,spend,visits\nzed,39.5,29.0\nyan,1.1,1.9\n");
        Cli.Result p = Cli.inProcess("predict", "--model", model.toString(), "--input", fresh.toString(), "--exclude", "id",
                "--plugins", plugins.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        List<String> fitted = Files.readAllLines(labels);
        assertThat(p.out().lines().toList()).containsExactly(fitted.get(3), fitted.get(0));
    }

    @Test
    void aModelWithPreprocessingLabelsRawRowsAsItsFitAndReusesItsColumns() throws Exception {
        // Two groups told apart by 'share' (0.05 vs 0.95) while 'spend' spreads over 40..60: unscaled,
        // k-means would split by spend; standardized, by share (the best of 10 starts). One empty cell for the imputer.
        StringBuilder raw = new StringBuilder("id,share,spend\n");
        int[] spend = {40, 60, 45, 55, 50, 42, 58, 47, 53, 50};
        for (int i = 0; i < 10; i++) {
            raw.append(i < 5 ? "a" : "b").append(i).append(',').append(i < 5 ? 0.05 + 0.001 * i : 0.95 - 0.001 * i).append(',')
                    .append(i == 7 ? "" : Integer.toString(spend[i])).append('\n');
        }
        Path rows = Files.writeString(tmp.resolve("raw.csv"), raw.toString());
        Path model = tmp.resolve("m.json");
        Path labels = tmp.resolve("fit.csv");
        Cli.Result fit = Cli.inProcess("cluster", "--algorithm", "kmeans", "--param", "k=2", "--param", "n_init=10", "--input", rows.toString(),
                "--exclude", "id", "--preprocess", "impute:median,standardize", "--output", labels.toString(),
                "--save-model", model.toString(), "--metrics", "none", "--plugins", plugins.toString());
        assertThat(fit.exit()).as(fit.err()).isZero();
        List<String> fitted = Files.readAllLines(labels);
        assertThat(fitted.subList(0, 5)).containsOnly(fitted.getFirst());
        assertThat(fitted.subList(5, 10)).containsOnly(fitted.get(5)).doesNotContain(fitted.getFirst());
        assertThat(Files.readString(model)).contains("\"format_version\" : 2", "\"step\" : \"impute\"", "\"step\" : \"standardize\"",
                "\"feature_names\" : [ \"share\", \"spend\" ]");

        // The raw file again, id column and empty cell included, without --exclude: the model picks its columns.
        Cli.Result p = Cli.inProcess("predict", "--model", model.toString(), "--input", rows.toString(), "--plugins", plugins.toString());
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(p.out().lines().toList()).isEqualTo(fitted);

        // Columns in another order, plus one the model never saw: chosen by name.
        Path shuffled = Files.writeString(tmp.resolve("shuffled.csv"), "spend,note,id,share\n95,x,n1,0.94\n5,y,n2,0.06\n");
        Path out = tmp.resolve("assigned.csv");
        Cli.Result a = Cli.inProcess("assign", "--model", model.toString(), "--input", shuffled.toString(), "--output", out.toString(),
                "--plugins", plugins.toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("spend,note,id,share,cluster", "95,x,n1,0.94," + fitted.get(5),
                "5,y,n2,0.06," + fitted.getFirst());

        Path missing = Files.writeString(tmp.resolve("missing.csv"), "id,spend\nq,3\n");
        Cli.Result m = Cli.inProcess("predict", "--model", model.toString(), "--input", missing.toString(), "--plugins", plugins.toString());
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.err()).contains("missing.csv", "fitted on the columns share, spend", "no 'share'");
        assertThat(m.hasStackTrace()).isFalse();
    }

    @Test
    void mistakesExitTwoAndKeepTheInput() throws Exception {
        String before = Files.readString(csv);
        Cli.Result same = Cli.inProcess("assign", "--algorithm", "kmeans", "--input", csv.toString(), "--exclude", "id",
                "--output", csv.toString(), "--plugins", plugins.toString());
        assertThat(same.exit()).isEqualTo(2);
        assertThat(same.err()).contains("is the input file");
        assertThat(Files.readString(csv)).isEqualTo(before);

        Path model = Files.writeString(tmp.resolve("bad.json"), "{\"format\": \"something-else\"}");
        Cli.Result bad = Cli.inProcess("predict", "--model", model.toString(), "--input", csv.toString(), "--exclude", "id",
                "--plugins", plugins.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.json", "expected \"format\": \"clusterlab-model\"");
        assertThat(bad.hasStackTrace()).isFalse();

        Cli.Result text = Cli.inProcess("cluster", "--algorithm", "kmeans", "--input", csv.toString(), "--plugins", plugins.toString());
        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.err()).contains("customers.csv:2:1", "'ann'", "exclude");
    }

    @Test
    void dryRunListsTheMatrixAndWritesNothing() throws Exception {
        Cli.Result r = Cli.inProcess("run", "--dry-run", "--set", "repeats=2", "--set", "algorithms[0].params.k={from: 2, to: 4}",
                "--output", tmp.resolve("never").toString(), "--plugins", plugins.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("blobs  kmeans  k=2, n_init=3  seed 42", "blobs  kmeans  k=4, n_init=3  seed 43",
                "moons  hdbscan  min_cluster_size=15, min_samples=5  seed 43");
        assertThat(r.out()).doesNotContain("k=5");
        assertThat(tmp.resolve("never")).doesNotExist();
    }
}

package dev.clusterlab.host.experiment;

import dev.clusterlab.host.data.HeaderMode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.yaml.YamlReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentParserTest extends ParserTestBase {
    @Test
    void parsesACompleteExperiment() {
        Experiment e = parse("""
                name: demo
                seed: 42
                repeats: 3
                threads: 2
                datasets:
                  - name: pts
                    csv: data/points.csv
                    exclude: [id]
                    label_column: truth
                  - generator: blobs
                    n: 200
                    centers: 4
                algorithms:
                  - id: k-means
                    name: km
                    params:
                      k: [2, 3]
                      init: random
                metrics: [sil, adjusted_rand]
                rank_by: ari
                """);
        assertThat(e.name()).isEqualTo("demo");
        assertThat(e.seed()).isEqualTo(42);
        assertThat(e.repeats()).isEqualTo(3);
        assertThat(e.threads()).isEqualTo(2);
        assertThat(e.datasets()).hasSize(2);
        DatasetSpec.Csv csv = (DatasetSpec.Csv) e.datasets().get(0);
        assertThat(csv.name()).isEqualTo("pts");
        assertThat(csv.file()).isEqualTo(base.resolve("data").resolve("points.csv"));
        assertThat(csv.exclude()).containsExactly("id");
        assertThat(csv.columns()).isEmpty();
        assertThat(csv.labelColumn()).isEqualTo("truth");
        assertThat(csv.header()).isEqualTo(HeaderMode.AUTO);
        DatasetSpec.Generated gen = (DatasetSpec.Generated) e.datasets().get(1);
        assertThat(gen.name()).isEqualTo("blobs");
        assertThat(gen.generator()).isEqualTo("blobs");
        assertThat(gen.params()).containsEntry("n", 200L).containsEntry("centers", 4L)
                .containsEntry("d", 2L).containsEntry("cluster_std", 1.0).containsEntry("center_box", 10.0)
                .doesNotContainKey("seed");
        AlgorithmSpec km = e.algorithms().getFirst();
        assertThat(km.id()).as("alias resolved to the id").isEqualTo("kmeans");
        assertThat(km.label()).isEqualTo("km");
        assertThat(km.grid()).containsExactly(Map.entry("k", List.of(2L, 3L)), Map.entry("init", List.of("random")));
        assertThat(e.metrics()).containsExactly("silhouette", "adjusted_rand");
        assertThat(e.rankBy()).isEqualTo("adjusted_rand");
    }

    @Test
    void defaults() {
        Experiment e = parse("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: dbscan
                """);
        assertThat(e.name()).isEqualTo("exp");
        assertThat(e.seed()).isZero();
        assertThat(e.repeats()).isEqualTo(1);
        assertThat(e.threads()).isZero();
        assertThat(e.metrics()).as("all metrics of the catalog, in its order").containsExactly("silhouette", "adjusted_rand");
        assertThat(e.rankBy()).isNull();
        assertThat(e.algorithms().getFirst().label()).isEqualTo("dbscan");
        assertThat(e.algorithms().getFirst().grid()).isEmpty();
        DatasetSpec.Generated moons = (DatasetSpec.Generated) e.datasets().getFirst();
        assertThat(moons.name()).isEqualTo("moons");
        assertThat(moons.params()).containsEntry("n", 100L).containsEntry("noise", 0.0);
    }

    @Test
    void everyProblemIsReportedAtOnceSortedByPosition() {
        String msg = message("""
                name: demo
                repeat: 3
                datasets:
                  - generator: blobz
                algorithms:
                  - id: kmean
                  - id: kmeans
                    params:
                      k: [2, 0, 3]
                      inti: random
                metrics: [silhouete]
                """);
        List<String> lines = msg.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("6 problems in the experiment file:");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith("exp.yaml:2:1: unknown key 'repeat' in the experiment")
                .contains("did you mean 'repeats'?");
        assertThat(lines.get(2)).startsWith("exp.yaml:4:16: unknown generator 'blobz'").contains("did you mean 'blobs'?");
        assertThat(lines.get(3)).startsWith("exp.yaml:6:9: unknown algorithm 'kmean'").contains("did you mean 'kmeans'");
        assertThat(lines.get(4)).isEqualTo("exp.yaml:9:14: parameter 'k' of kmeans must be an integer in [1, inf); got 0");
        assertThat(lines.get(5)).startsWith("exp.yaml:10:7: unknown parameter 'inti' of kmeans").contains("did you mean 'init'?");
        assertThat(lines.get(6)).startsWith("exp.yaml:11:11: unknown metric 'silhouete'").contains("did you mean 'silhouette'?");
    }

    @Test
    void aSingleProblemHasNoCountLine() {
        String msg = message("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: dbscan
                seeed: 3
                """);
        assertThat(msg).isEqualTo("exp.yaml:5:1: unknown key 'seeed' in the experiment; did you mean 'seed'? "
                + "(allowed: name, seed, repeats, threads, timeout, isolation, engine, in_process, save_models, preprocessing, datasets, algorithms, stability, gap, metrics, rank_by)");
    }

    @Test
    void unknownAlgorithmListsTheAvailableOnes() {
        assertThat(problems("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: dbscn
                """)).containsExactly("exp.yaml:4:9: unknown algorithm 'dbscn'; did you mean 'dbscan'? "
                + "(available: kmeans, k-means, dbscan)");
    }

    @Test
    void unknownParameterIsLocatedAtItsKey() {
        assertThat(problems("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: dbscan
                    params:
                      min_sample: 3
                """)).singleElement().asString()
                .startsWith("exp.yaml:6:7: unknown parameter 'min_sample' of dbscan")
                .contains("did you mean 'min_samples'?")
                .contains("(known: eps, min_samples)");
    }

    @Test
    void aParameterGroupIsAMappingOfItsMembers() {
        Experiment e = parse("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: kmeans
                    params:
                      k: 3
                      graph: {n_neighbors: [5, 10]}
                """);
        assertThat(e.algorithms().get(0).grid()).containsEntry("graph.n_neighbors", java.util.List.of(5L, 10L));
        assertThat(problems("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: kmeans
                    params:
                      k: 3
                      graph:
                        n_neighbor: 5
                        n_neighbors: 500
                """)).containsExactly(
                "exp.yaml:8:9: unknown parameter 'graph.n_neighbor' of kmeans; did you mean 'graph.n_neighbors'?"
                        + " (known: k, init, n_init, tol, graph.n_neighbors)",
                "exp.yaml:9:22: parameter 'graph.n_neighbors' of kmeans must be an integer in [0, 100]; got 500");
    }

    @Test
    void outOfRangeValueInAGridListPointsAtThatItem() {
        assertThat(problems("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: kmeans
                    params:
                      k: 3
                      tol: [0.5, 0.1, 1.0]
                      n_init: [1,
                               5000]
                """)).containsExactly(
                "exp.yaml:7:23: parameter 'tol' of kmeans must be a real number in [0, 1); got 1.0",
                "exp.yaml:9:16: parameter 'n_init' of kmeans must be an integer in [1, 1000]; got 5000");
    }

    @Test
    void badChoiceIsReported() {
        assertThat(problems("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: kmeans
                    params: {k: 2, init: kmeans++}
                """)).singleElement().asString()
                .startsWith("exp.yaml:5:26: parameter 'init' of kmeans must be one of {k-means++, random}; got 'kmeans++'");
    }

    @Test
    void textWhereANumberIsExpected() {
        assertThat(problems("""
                seed: abc
                repeats: two
                datasets:
                  - generator: moons
                    n: many
                algorithms:
                  - id: kmeans
                    params:
                      k: three
                """)).containsExactly(
                "exp.yaml:1:7: 'seed' of the experiment must be an integer; found the text 'abc'",
                "exp.yaml:2:10: 'repeats' of the experiment must be an integer >= 1; found the text 'two'",
                "exp.yaml:5:5: parameter 'n' of generator moons must be an integer in [2, 100000000]; got 'many'",
                "exp.yaml:9:10: parameter 'k' of kmeans must be an integer in [1, inf); got 'three'");
    }

    @Test
    void repeatsMustBePositive() {
        assertThat(problems("""
                repeats: 0
                datasets:
                  - generator: moons
                algorithms:
                  - id: dbscan
                """)).containsExactly("exp.yaml:1:10: 'repeats' of the experiment must be an integer >= 1; found the number 0");
    }

    @Test
    void aListWhereAValueIsExpectedIsReportedOnce() {
        assertThat(problems("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: kmeans
                    params:
                      k: [[2, 3]]
                """)).containsExactly("exp.yaml:6:11: parameter 'k' of kmeans must be a single value; found a list");
    }

    @Test
    void missingRequiredParameterIsReportedAtTheEntry() {
        assertThat(problems("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: kmeans
                """)).containsExactly("exp.yaml:4:5: algorithm kmeans needs parameter 'k': an integer in [1, inf)");
    }

    @Test
    void missingDatasetsAndAlgorithms() {
        assertThat(problems("name: lonely\n")).containsExactlyInAnyOrder(
                "exp.yaml:1:1: the experiment needs 'datasets': a list with at least one entry",
                "exp.yaml:1:1: the experiment needs 'algorithms': a list with at least one entry");
    }

    @Test
    void experimentMustBeAMapping() {
        assertThat(problems("- a\n- b\n")).containsExactly(
                "exp.yaml:1:1: the experiment must be a mapping of keys to values; found a list");
    }

    @Test
    void unknownMetricListsTheAvailableOnes() {
        assertThat(problems("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: dbscan
                metrics:
                  - silhouette
                  - rand
                """)).singleElement().asString()
                .startsWith("exp.yaml:7:5: unknown metric 'rand'")
                .contains("(available: silhouette, sil, adjusted_rand, ari)");
    }

    @Test
    void rankByMustBeAmongTheMetrics() {
        assertThat(problems("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: dbscan
                metrics: [silhouette]
                rank_by: adjusted_rand
                """)).singleElement().asString()
                .startsWith("exp.yaml:6:10: 'rank_by' must be one of the experiment's metrics [silhouette]; found 'adjusted_rand'");
    }

    @Test
    void rankByAcceptsAnAliasOfAChosenMetric() {
        Experiment e = parse("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: dbscan
                rank_by: sil
                """);
        assertThat(e.rankBy()).isEqualTo("silhouette");
    }

    @Test
    void duplicateAlgorithmLabels() {
        assertThat(problems("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: dbscan
                  - id: dbscan
                    params: {eps: 0.2}
                """)).singleElement().asString()
                .startsWith("exp.yaml:3:1: ")
                .contains("two algorithm entries are named 'dbscan'");
    }

    @Test
    void nameMustBeFileSafe() {
        assertThat(problems("""
                name: my experiment
                datasets:
                  - generator: moons
                algorithms:
                  - id: dbscan
                """)).singleElement().asString().startsWith("exp.yaml:1:1: 'name' must use letters, digits");
    }

    @Test
    void yamlAnchorsCanShareAParameterBlock() {
        Experiment e = parse("""
                datasets:
                  - generator: moons
                algorithms:
                  - id: kmeans
                    name: a
                    params: &p {k: [2, 3]}
                  - id: kmeans
                    name: b
                    params: *p
                """);
        assertThat(e.algorithms()).extracting(AlgorithmSpec::grid)
                .containsExactly(Map.of("k", List.of(2L, 3L)), Map.of("k", List.of(2L, 3L)));
    }

    @Test
    void resolvedExperimentYamlParsesBackToTheSameExperiment() {
        Experiment e = parse("""
                name: round
                seed: 5
                repeats: 2
                datasets:
                  - csv: data/points.csv
                    exclude: [id]
                  - generator: blobs
                    n: 60
                algorithms:
                  - id: k-means
                    params: {k: [2, 3], init: random}
                metrics: [sil]
                rank_by: silhouette
                """);
        String written = ExperimentYaml.write(e, 4);
        Experiment again = ExperimentParser.parse(YamlReader.read("experiment.yaml", new StringReader(written)),
                Path.of("/elsewhere"), "other", CATALOG, false);
        assertThat(again.name()).isEqualTo("round");
        assertThat(again.seed()).isEqualTo(5);
        assertThat(again.repeats()).isEqualTo(2);
        assertThat(again.threads()).isEqualTo(4);
        assertThat(again.datasets().getFirst()).isEqualTo(e.datasets().getFirst());
        DatasetSpec.Generated g = (DatasetSpec.Generated) again.datasets().get(1);
        assertThat(g.params()).containsEntry("seed", 5L).containsEntry("n", 60L);
        assertThat(again.algorithms()).isEqualTo(e.algorithms());
        assertThat(again.metrics()).isEqualTo(e.metrics());
        assertThat(again.rankBy()).isEqualTo("silhouette");
        assertThat(RunPlan.expand(again)).extracting(PlannedRun::id).isEqualTo(RunPlan.expand(e).stream().map(PlannedRun::id).toList());
    }

    @Test
    void parseErrorsAreUserInputExceptions() {
        assertThatThrownBy(() -> parse("datasets: [\n")).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("exp.yaml:");
    }
}

package dev.clusterlab.host.experiment;

import dev.clusterlab.host.pipeline.StepSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.host.data.DatasetLoader;
import dev.clusterlab.host.yaml.YamlNode;
import dev.clusterlab.host.yaml.YamlOverrides;
import dev.clusterlab.host.yaml.YamlReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranges, bundled datasets, preprocessing steps, timeouts and --set overrides in experiment files. */
class ExperimentFeaturesTest {
    private static final Catalog CATALOG = new FakeCatalog();

    private static YamlNode tree(String yaml) {
        return YamlReader.read("exp.yaml", new StringReader(yaml));
    }

    private static Experiment parse(String yaml) {
        return ExperimentParser.parse(tree(yaml), Path.of("/data"), "exp", CATALOG);
    }

    @Test
    void integerRangeIncludesBothEnds() {
        Experiment e = parse("""
                datasets: [{generator: blobs}]
                algorithms:
                  - id: kmeans
                    params: {k: {from: 2, to: 6, step: 2}}
                """);
        assertThat(e.algorithms().getFirst().grid().get("k")).containsExactly(2L, 4L, 6L);
    }

    @Test
    void realRangeStepsInDecimal() {
        Experiment e = parse("""
                datasets: [{generator: blobs}]
                algorithms:
                  - id: dbscan
                    params: {eps: {from: 0.1, to: 0.3, step: 0.1}}
                """);
        assertThat(e.algorithms().getFirst().grid().get("eps")).containsExactly(0.1, 0.2, 0.3);
    }

    @Test
    void rangeErrorsSayWhere() {
        assertThatThrownBy(() -> parse("""
                datasets: [{generator: blobs}]
                algorithms:
                  - id: kmeans
                    params: {k: {from: 0, to: 3}, init: {from: 1, to: 2}}
                """)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("exp.yaml:4:17: parameter 'k' of kmeans must be an integer in [1, inf); got 0")
                .hasMessageContaining("range of parameter 'init' of kmeans: only numeric parameters take {from, to, step}");
    }

    @Test
    void bundledIrisHasTruthAndFourFeatures() {
        Experiment e = parse("""
                datasets: [{bundled: iris}]
                algorithms: [{id: kmeans, params: {k: 3}}]
                """);
        Dataset iris = DatasetLoader.load(e.datasets().getFirst(), 0);
        assertThat(iris.n()).isEqualTo(150);
        assertThat(iris.featureNames()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(iris.truth().orElseThrow()).containsOnly(0, 1, 2);
        assertThat(iris.get(0, 0)).isEqualTo(5.1f);
    }

    @Test
    void unknownBundledDatasetSuggests() {
        assertThatThrownBy(() -> parse("""
                datasets: [{bundled: iriss}]
                algorithms: [{id: kmeans, params: {k: 3}}]
                """)).hasMessageContaining("unknown bundled dataset 'iriss'; did you mean 'iris'?");
    }

    @Test
    void preprocessingAppliesToEveryDatasetUnlessOneHasItsOwn() {
        Experiment e = parse("""
                preprocessing: [zscore]
                datasets:
                  - generator: blobs
                  - name: raw
                    generator: moons
                    preprocessing:
                      - {id: impute, strategy: median}
                algorithms: [{id: kmeans, params: {k: 3}}]
                """);
        assertThat(e.stepsFor("blobs")).containsExactly(new StepSpec("standardize", java.util.Map.of()));
        assertThat(e.stepsFor("raw")).containsExactly(new StepSpec("impute", java.util.Map.of("strategy", "median")));
    }

    @Test
    void preprocessingMistakesAreLocated() {
        assertThatThrownBy(() -> parse("""
                preprocessing:
                  - standardise
                  - {id: impute, strategy: mode}
                datasets: [{generator: blobs}]
                algorithms: [{id: kmeans, params: {k: 3}}]
                """)).hasMessageContaining("exp.yaml:2:5: unknown preprocessing step 'standardise'; did you mean 'standardize'?")
                .hasMessageContaining("exp.yaml:3:28: parameter 'strategy' of impute must be one of {mean, median}; got 'mode'");
    }

    @Test
    void timeoutMustBePositive() {
        assertThat(parse("""
                timeout: 2.5
                datasets: [{generator: blobs}]
                algorithms: [{id: kmeans, params: {k: 3}}]
                """).timeoutSeconds()).isEqualTo(2.5);
        assertThatThrownBy(() -> parse("""
                timeout: 0
                datasets: [{generator: blobs}]
                algorithms: [{id: kmeans, params: {k: 3}}]
                """)).hasMessageContaining("exp.yaml:1:10: 'timeout' must be a number of seconds > 0");
    }

    @Test
    void overridesReplaceAddAndIndex() {
        YamlNode t = YamlOverrides.apply(tree("""
                seed: 1
                datasets: [{generator: blobs}]
                algorithms: [{id: kmeans, params: {k: 3}}]
                """), List.of("seed=7", "repeats=2", "algorithms[0].params.k=[2, 3]", "datasets[0].n=50"));
        Experiment e = ExperimentParser.parse(t, Path.of("."), "exp", CATALOG);
        assertThat(e.seed()).isEqualTo(7);
        assertThat(e.repeats()).isEqualTo(2);
        assertThat(e.algorithms().getFirst().grid().get("k")).containsExactly(2L, 3L);
        assertThat(((DatasetSpecs) () -> e).generatorN()).isEqualTo(50L);
    }

    @Test
    void overrideOfAMissingItemIsAClearError() {
        assertThatThrownBy(() -> YamlOverrides.apply(tree("algorithms: [{id: kmeans}]\n"), List.of("algorithms[3].id=dbscan")))
                .hasMessage("--set 'algorithms[3].id=dbscan': item [3] does not exist (the list has 1)");
        assertThatThrownBy(() -> YamlOverrides.apply(tree("seed: 1\n"), List.of("seed")))
                .hasMessageContaining("expected PATH=VALUE");
    }

    /** Reads the first generated dataset's n. */
    private interface DatasetSpecs {
        Experiment experiment();

        default Object generatorN() {
            return ((DatasetSpec.Generated) experiment().datasets().getFirst()).params().get("n");
        }
    }
}

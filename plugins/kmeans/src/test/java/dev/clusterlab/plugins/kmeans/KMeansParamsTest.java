package dev.clusterlab.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.Citation;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParameterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The descriptor, the defaults (scikit-learn's) and the params record's validation. */
class KMeansParamsTest {
    private final AlgorithmDescriptor descriptor = new KMeansAlgorithm().descriptor();

    @Test
    void descriptorNamesTheAlgorithmItsAliasesAndItsReferences() {
        assertThat(descriptor.id()).isEqualTo("kmeans");
        assertThat(descriptor.aliases()).containsExactly("k-means", "lloyd");
        assertThat(descriptor.params()).extracting(p -> p.name()).containsExactly("k", "init", "n_init", "max_iter", "tol",
                "algorithm", "init_centroids");
        assertThat(descriptor.references()).extracting(Citation::doi)
                .containsExactly("10.1109/TIT.1982.1056489", "10.5555/1283383.1283494", "10.5555/3041838.3041857",
                        "10.1137/1.9781611972801.12", "", "10.14778/2180912.2180915");
    }

    @Test
    void defaultsAreScikitLearns() {
        KMeansParams p = KMeansParams.from(ParamBinder.defaults("kmeans", descriptor.params()));
        assertThat(p).isEqualTo(new KMeansParams(8, KMeansParams.Init.K_MEANS_PLUS_PLUS, 1, 300, 1e-4));
    }

    @Test
    void textValuesFromTheCommandLineAreBound() {
        var bound = ParamBinder.bind("kmeans", descriptor.params(),
                Map.of("k", "3", "init", "random", "n_init", "10", "max_iter", "50", "tol", "0"));
        assertThat(KMeansParams.from(bound)).isEqualTo(new KMeansParams(3, KMeansParams.Init.RANDOM, 10, 50, 0.0));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        assertThatThrownBy(() -> new KMeansParams(0, null, 0, 0, -1, null, null))
                .isInstanceOf(ParameterException.class)
                .satisfies(e -> assertThat(((ParameterException) e).violations()).hasSize(7))
                .hasMessageContaining("parameter 'k' of kmeans must be an integer in [1, inf); got 0")
                .hasMessageContaining("'tol'");
    }

    @Test
    void valuesBeyondAnIntAreRefusedWithTheParameterName() {
        // Since api 0.2 the binder refuses them itself (k is int-valued in its spec), before the record is built.
        assertThatThrownBy(() -> KMeansParams.from(ParamBinder.bind("kmeans", descriptor.params(), Map.of("k", 3_000_000_000L))))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("'k'");
    }
}

package dev.clusterlab.plugins.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.param.AlgorithmParams;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.Params;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each typed record names every spec once, and binding its values gives the record back. */
class TypedParamsTest {

    private static <P extends AlgorithmParams> void roundTrip(P p, List<ParamSpec> specs, Function<Params, P> from,
                                                              String descriptorId) {
        assertThat(p.algorithmId()).isEqualTo(descriptorId);
        assertThat(List.copyOf(p.values().keySet())).isEqualTo(specs.stream().map(ParamSpec::name).toList());
        assertThat(from.apply(ParamBinder.bind(p.algorithmId(), specs, p.values()))).isEqualTo(p);
    }

    @Test
    void kmeansRecordsRoundTripThroughTheBinder() {
        roundTrip(new KMeansParams(5, KMeansParams.Init.RANDOM, 3, 50, 1e-3, KMeansParams.Variant.ELKAN, ""),
                KMeansParams.SPECS, KMeansParams::from, new KMeansAlgorithm().descriptor().id());
        roundTrip(new MiniBatchParams(4, KMeansParams.Init.K_MEANS_PLUS_PLUS, 2, 80, 256, 0.5, 7, 300, 0.02),
                MiniBatchParams.SPECS, MiniBatchParams::from, new MiniBatchKMeansAlgorithm().descriptor().id());
        roundTrip(new BisectingParams(6, KMeansParams.Init.RANDOM, 2, 40, 1e-5, KMeansParams.Variant.LLOYD,
                        BisectingParams.Strategy.LARGEST_CLUSTER),
                BisectingParams.SPECS, BisectingParams::from, new BisectingKMeansAlgorithm().descriptor().id());
    }
}

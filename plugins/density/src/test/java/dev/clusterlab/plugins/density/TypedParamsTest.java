package dev.clusterlab.plugins.density;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.kernel.Distance;
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
    void densityRecordsRoundTripThroughTheBinder() {
        roundTrip(new DbscanParams(0.7, 9, Distance.MANHATTAN), DbscanParams.SPECS, DbscanParams::from,
                new DbscanAlgorithm().descriptor().id());
        roundTrip(new HdbscanParams(12, 4, 0.25, HdbscanParams.SelectionMethod.LEAF, true, Distance.CHEBYSHEV),
                HdbscanParams.SPECS, HdbscanParams::from, new HdbscanAlgorithm().descriptor().id());
        roundTrip(new OpticsParams(7, 3.5, Distance.EUCLIDEAN, OpticsParams.ClusterMethod.DBSCAN, 0.1, 1.5, false, 0),
                OpticsParams.SPECS, OpticsParams::from, new OpticsAlgorithm().descriptor().id());
    }
}

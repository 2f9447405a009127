package com.example.kcenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared conformance kit (its tests are inherited), plus a hand-checked traversal. */
class KCenterConformanceTest extends AlgorithmConformanceKit {
    @Override
    protected ClusteringAlgorithm algorithm() {
        return new KCenterAlgorithm();
    }

    @Override
    protected Map<String, Object> paramsForClusters(int k) {
        return Map.of("k", k);
    }

    @Override
    protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
        return Optional.of(Map.of("k", n + 1));
    }

    @Test
    void picksCentresFarthestFirst() {
        // On a line: 0, 1, 2, 10, 11, 30. Whatever the first centre, 30 or 0 comes next and the
        // clusters end up {0, 1, 2}, {10, 11}, {30}.
        Dataset line = Dataset.of("line", new float[][] {{0}, {1}, {2}, {10}, {11}, {30}});
        KCenterAlgorithm a = new KCenterAlgorithm();
        ClusteringResult r = a.fit(line, ParamBinder.bind("kcenter", a.descriptor().params(), Map.of("k", 3)),
                ExecutionContextFactory.load().create(1, 3));
        int[] l = r.labels();
        assertThat(l[0]).isEqualTo(l[1]).isEqualTo(l[2]);
        assertThat(l[3]).isEqualTo(l[4]).isNotEqualTo(l[0]);
        assertThat(l[5]).isNotEqualTo(l[0]).isNotEqualTo(l[3]);
        assertThat(r.objective()).isLessThanOrEqualTo(2.0); // the radius: 2 from a centre at 0, or 1 from one at 1
    }
}

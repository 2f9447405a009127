package dev.clusterlab.plugins.categorical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.testkit.AlgorithmConformanceKit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared conformance kit, run against k-modes on the kit's blobs made categorical: every coordinate
 * binned into 8 equal-width levels of one grid over the range of all values (one common grid, so that
 * the kit's coordinates that are noise only fall into one level instead of eight: with 8 levels per
 * column those would tie a row between its own mode and another, and k-modes sees no distance within a
 * level). The blobs (20 apart, standard deviation 0.5) each fall in one level per coordinate, so the
 * modes are the blobs.
 */
class KModesConformanceTest extends AlgorithmConformanceKit {
    static final int LEVELS = 8;

    @Override
    protected ClusteringAlgorithm algorithm() {
        return new KModesAlgorithm();
    }

    @Override
    protected Map<String, Object> paramsForClusters(int k) {
        return Map.of("k", k);
    }

    @Override
    protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
        return Optional.of(Map.of("k", n + 1));
    }

    @Override
    protected Dataset prepare(Dataset blobs) {
        return binned(blobs, LEVELS);
    }

    static Dataset binned(Dataset blobs, int levels) {
        float[] x = blobs.data();
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double width = (hi - (double) lo) / levels;
        float[] codes = new float[x.length];
        for (int e = 0; e < x.length; e++) {
            codes[e] = width > 0 ? (float) Math.min(levels - 1, Math.floor((x[e] - (double) lo) / width)) : 0f;
        }
        List<String> names = new ArrayList<>();
        for (int b = 0; b < levels; b++) {
            names.add("bin" + b);
        }
        Map<Integer, List<String>> all = new LinkedHashMap<>();
        for (int j = 0; j < blobs.d(); j++) {
            all.put(j, names);
        }
        return Dataset.of(blobs.name() + "-binned", blobs.n(), blobs.d(), codes, blobs.featureNames(),
                blobs.truth().orElse(null)).withCategorical(all);
    }

    /** PF4J indexes only classes marked @Extension: without it the plugin would load and provide nothing. */
    @Test
    void isMarkedAsAPluginExtension() {
        assertThat(algorithm().getClass().isAnnotationPresent(org.pf4j.Extension.class)).isTrue();
        assertThat(algorithm().acceptsCategorical()).isTrue();
        assertThat(algorithm().descriptor().aliases()).containsExactly("k_modes");
    }
}

package dev.clusterlab.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterlab.api.DataException;
import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.UserInputException;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.Labels;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.param.ParameterException;
import dev.clusterlab.api.param.Params;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shared conformance tests every algorithm plugin's tests extend (our {@code estimator_checks}).
 * A subclass names the algorithm and how to ask it for {@code k} clusters; the kit checks the label
 * contract, determinism for a seed and across thread counts, that input is not mutated, that
 * parameter errors name the parameter, that empty, non-finite and too-small inputs are rejected
 * clearly, and that easy blobs are recovered exactly.
 *
 * {@snippet :
 * class KMeansConformanceTest extends AlgorithmConformanceKit {
 *     protected ClusteringAlgorithm algorithm() { return new KMeansAlgorithm(); }
 *     protected Map<String, Object> paramsForClusters(int k) { return Map.of("k", k); }
 * }
 * }
 */
public abstract class AlgorithmConformanceKit {

    /** @return a fresh instance of the algorithm under test */
    protected abstract ClusteringAlgorithm algorithm();

    /**
     * @param k the number of well-separated blobs in the data
     * @return raw parameters with which the algorithm should find exactly those blobs
     */
    protected abstract Map<String, Object> paramsForClusters(int k);

    /**
     * @param n number of points in the data
     * @return raw parameters that ask for more clusters than points, if the algorithm has such a parameter
     */
    protected Optional<Map<String, Object>> paramsAskingForMoreClustersThan(int n) {
        return Optional.empty();
    }

    /**
     * The kit's data as the algorithm takes it: numeric blobs unchanged by default; an algorithm for
     * categorical columns (k-modes) overrides this to turn each coordinate into levels (its bins).
     * Ground truth and row count must stay as they are.
     *
     * @param blobs numeric blobs with ground truth
     * @return the dataset the algorithm is fitted on
     */
    protected Dataset prepare(Dataset blobs) {
        return blobs;
    }

    /** @return whether the algorithm may label points as noise on easy blobs (density methods) */
    protected boolean mayReportNoise() {
        return false;
    }

    /**
     * @param threads worker threads
     * @param seed seed
     * @return a context with the engine's kernels
     */
    protected ExecutionContext context(int threads, long seed) {
        return ExecutionContextFactory.load().create(threads, seed);
    }

    private Params bind(Map<String, Object> raw) {
        AlgorithmDescriptor d = algorithm().descriptor();
        return ParamBinder.bind(d.id(), d.params(), raw);
    }

    private ClusteringResult fit(Dataset data, Map<String, Object> raw, int threads, long seed) {
        return algorithm().fit(data.n() == 0 ? data : prepare(data), bind(raw), context(threads, seed));
    }

    @Test
    void descriptorIsComplete() {
        AlgorithmDescriptor d = algorithm().descriptor();
        assertThat(d.title()).isNotBlank();
        assertThat(d.description()).isNotBlank();
        assertThat(d.version()).isNotBlank();
        for (ParamSpec p : d.params()) {
            assertThat(p.description()).as("description of parameter %s", p.name()).isNotBlank();
        }
        // Every default must itself be valid, so the algorithm runs with no parameter but the required ones.
        Map<String, Object> required = new HashMap<>(paramsForClusters(3));
        required.keySet().removeIf(name -> !d.params().stream().filter(ParamSpec::required).map(ParamSpec::name).toList().contains(name));
        assertThat(ParamBinder.bind(d.id(), d.params(), required).asMap()).hasSize(d.params().size());
    }

    @Test
    void keepsTheLabelContractAndRecoversEasyBlobs() {
        Dataset data = EasyBlobs.generate(4, 50, 3, 11);
        ClusteringResult r = fit(data, paramsForClusters(4), 1, 42);
        assertThat(Labels.checkContract(r.labels(), data.n())).as("label contract").isNull();
        if (!mayReportNoise()) {
            assertThat(r.noiseCount()).isZero();
        }
        assertThat(SamePartition.differences(data.truth().orElseThrow(), r.labels(), mayReportNoise()))
                .as("points placed differently from the true blobs").isZero();
    }

    @Test
    void sameSeedGivesSameResultWhateverTheThreadCount() {
        Dataset data = EasyBlobs.generate(5, 400, 7, 3);
        ClusteringResult one = fit(data, paramsForClusters(5), 1, 7);
        ClusteringResult again = fit(data, paramsForClusters(5), 1, 7);
        ClusteringResult four = fit(data, paramsForClusters(5), 4, 7);
        assertThat(again.labels()).isEqualTo(one.labels());
        assertThat(four.labels()).isEqualTo(one.labels());
        assertThat(Double.doubleToLongBits(again.objective())).isEqualTo(Double.doubleToLongBits(one.objective()));
        assertThat(Double.doubleToLongBits(four.objective())).isEqualTo(Double.doubleToLongBits(one.objective()));
        assertThat(four.iterations()).isEqualTo(one.iterations());
    }

    @Test
    void doesNotModifyItsInput() {
        Dataset data = prepare(EasyBlobs.generate(3, 30, 2, 5));
        float[] before = data.data().clone();
        algorithm().fit(data, bind(paramsForClusters(3)), context(2, 1));
        assertThat(data.data()).isEqualTo(before);
    }

    @Test
    void unknownParameterIsNamed() {
        Map<String, Object> raw = new LinkedHashMap<>(paramsForClusters(3));
        raw.put("no_such_parameter", 1);
        assertThatThrownBy(() -> bind(raw))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("no_such_parameter");
    }

    @Test
    void invalidValueNamesTheParameterTheRangeAndTheValue() {
        AlgorithmDescriptor d = algorithm().descriptor();
        for (ParamSpec p : d.params()) {
            Object bad = switch (p.type()) {
                case INTEGER, REAL -> Double.isFinite(p.min()) ? belowRange(p) : (Double.isFinite(p.max()) ? p.max() + 1 : null);
                case CHOICE -> "not-a-choice";
                case BOOLEAN -> "maybe";
                case TEXT -> null;
            };
            if (bad == null) {
                continue;
            }
            Map<String, Object> raw = new LinkedHashMap<>(paramsForClusters(3));
            raw.put(p.name(), bad);
            assertThatThrownBy(() -> bind(raw))
                    .as("parameter %s = %s", p.name(), bad)
                    .isInstanceOf(ParameterException.class)
                    .hasMessageContaining("'" + p.name() + "'")
                    .hasMessageContaining(p.domain());
        }
    }

    /** A value below the range that is not the spec's sentinel (a sentinel such as {@code k: 0} sits just below it). */
    private static double belowRange(ParamSpec p) {
        double bad = p.min() - 1;
        if (p.sentinel() != null && ((Number) p.sentinel().value()).doubleValue() == bad) {
            bad -= 1;
        }
        return bad;
    }

    @Test
    void emptyDataIsRejectedClearly() {
        Dataset empty = Dataset.of("empty", 0, 2, new float[0], null, null);
        assertThatThrownBy(() -> fit(empty, paramsForClusters(2), 1, 1))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void nonFiniteValuesAreRejectedWithRowAndColumn() {
        assertThatThrownBy(() -> Dataset.of("bad", new float[][] {{1f, 2f}, {3f, Float.NaN}}))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("column 2");
    }

    @Test
    void moreClustersThanPointsIsRejectedClearly() {
        Dataset tiny = EasyBlobs.generate(2, 2, 2, 1);
        Optional<Map<String, Object>> raw = paramsAskingForMoreClustersThan(tiny.n());
        if (raw.isEmpty()) {
            return;
        }
        assertThatThrownBy(() -> fit(tiny, raw.get(), 1, 1))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining(String.valueOf(tiny.n()));
    }
}

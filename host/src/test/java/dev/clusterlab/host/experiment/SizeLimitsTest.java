package dev.clusterlab.host.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.host.data.DataSize;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Run matrices and datasets too large to build are refused by validation, counted rather than built. */
class SizeLimitsTest extends ParserTestBase {
    @Test
    void aGridOfTenMillionRunsIsRefusedAtTheAlgorithmsKeyWithoutBuildingIt() {
        List<String> p = problems("""
                name: huge
                datasets:
                  - generator: blobs
                algorithms:
                  - id: kmeans
                    params:
                      k: {from: 1, to: 1000}
                      n_init: {from: 1, to: 1000}
                      tol: [0.1, 0.01, 0.001, 0.0001, 0.00001, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10]
                """);
        assertThat(p).singleElement().asString().startsWith("exp.yaml:4:1: the run matrix").contains("10,000,000 runs",
                "the limit is 100,000", "-Dclusterlab.max-runs=N");
    }

    @Test
    void theCountSaturatesInsteadOfOverflowing() {
        List<Object> axis = java.util.Collections.nCopies(1_000_000, (Object) 1L);
        AlgorithmSpec a = new AlgorithmSpec("kmeans", "kmeans", Map.of("a", axis, "b", axis, "c", axis, "d", axis));
        assertThat(RunPlan.count(3, List.of(a, a), 1000)).isEqualTo(Long.MAX_VALUE);
        assertThat(RunPlan.count(2, List.of(new AlgorithmSpec("kmeans", "kmeans", Map.of("k", List.of(2L, 3L)))), 5)).isEqualTo(20);
    }

    @Test
    void aGeneratorLargerThanAJavaArrayIsRefusedAtItsN() {
        List<String> p = problems("""
                name: huge
                datasets:
                  - generator: blobs
                    n: 100000000
                    d: 100000
                algorithms:
                  - id: kmeans
                    params: {k: 2}
                """);
        assertThat(p).singleElement().asString().startsWith("exp.yaml:4:5: generator blobs: 100,000,000 rows x 100,000 columns")
                .contains("more than one Java array holds");
    }

    @Test
    void aDatasetLargerThanTheHeapIsRefusedWithHowToRaiseTheLimit() {
        long heap = Runtime.getRuntime().maxMemory();
        long n = heap / (4L * 16) + 1; // one copy of n x 16 floats alone fills the heap
        assertThat(DataSize.problem("generator blobs", n, 16)).contains("more than the JVM's heap limit", "CLUSTERLAB_OPTS=-Xmx");
        assertThat(DataSize.problem("generator blobs", 1000, 16)).isNull();
    }
}

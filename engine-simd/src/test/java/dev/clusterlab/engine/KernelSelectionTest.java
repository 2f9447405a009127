package dev.clusterlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Kernel selection in a JVM started with {@code --add-modules jdk.incubator.vector} (surefire's argLine). */
class KernelSelectionTest {

    @Test
    void theVectorModuleIsPresentInThisJvm() {
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(KernelSelection.vectorProblem()).isNull();
        assertThat(VectorWidth.preferredBits()).isGreaterThanOrEqualTo(128);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scalar", "SCALAR", " Scalar "})
    void scalarGivesTheScalarKernels(String mode) {
        KernelSelection s = KernelSelection.select(mode);
        assertThat(s.kernels()).isInstanceOf(ScalarKernels.class);
        assertThat(s.kernels().implementation()).isEqualTo("scalar");
        assertThat(s.reason()).contains("scalar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "vector", "AUTO", "Vector"})
    void autoAndVectorGiveTheVectorKernels(String mode) {
        KernelSelection s = KernelSelection.select(mode);
        assertThat(s.kernels()).isInstanceOf(VectorKernels.class);
        assertThat(s.kernels().implementation()).isEqualTo("vector");
        assertThat(s.kernels().description()).contains(VectorWidth.preferredBits() + "-bit");
        assertThat(s.reason()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"simd", "", "fast", "vectors"})
    void unknownModeNamesTheAllowedValues(String mode) {
        assertThatThrownBy(() -> KernelSelection.select(mode))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto")
                .hasMessageContaining("scalar")
                .hasMessageContaining("vector")
                .hasMessageContaining("'" + mode + "'");
    }

    @Test
    void currentIsMadeOnceAndReused() {
        assertThat(KernelSelection.current()).isSameAs(KernelSelection.current());
    }
}

package dev.clusterlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
    @Test
    void rejectsNonFiniteValuesNamingRowAndColumn() {
        float[] x = {1, 2, 3, Float.POSITIVE_INFINITY};
        assertThatThrownBy(() -> Dataset.of("d", 2, 2, x, List.of("a", "b"), null))
                .isInstanceOf(DataException.class)
                .hasMessage("dataset 'd': row 2, column 2 ('b'): expected a finite number; got Infinity");
    }

    @Test
    void rejectsRaggedRows() {
        assertThatThrownBy(() -> Dataset.of("d", new float[][] {{1, 2}, {3}}))
                .hasMessage("dataset 'd': row 2: expected 2 values; got 1");
    }

    @Test
    void fingerprintDependsOnValuesAndShape() {
        Dataset a = Dataset.of("a", 2, 2, new float[] {1, 2, 3, 4}, null, null);
        Dataset b = Dataset.of("b", 1, 4, new float[] {1, 2, 3, 4}, null, null);
        Dataset c = Dataset.of("c", 2, 2, new float[] {1, 2, 3, 5}, null, null);
        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint()).isNotEqualTo(c.fingerprint());
        assertThat(a.fingerprint()).isEqualTo(Dataset.of("a2", 2, 2, new float[] {1, 2, 3, 4}, null, null).fingerprint());
    }

    @Test
    void truthIsCheckedAndCopied() {
        int[] truth = {0, -1};
        Dataset d = Dataset.of("d", 2, 1, new float[] {1, 2}, null, truth);
        truth[0] = 5;
        assertThat(d.truth().orElseThrow()).containsExactly(0, -1);
        assertThatThrownBy(() -> d.withTruth(new int[] {0, -2})).hasMessageContaining("row 2");
    }
}

package dev.clusterlab.api.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelsTest {
    @Test
    void contractAcceptsConsecutiveLabelsAndNoise() {
        assertThat(Labels.checkContract(new int[] {0, 1, -1, 1}, 4)).isNull();
    }

    @Test
    void contractNamesGapsAndBadValues() {
        assertThat(Labels.checkContract(new int[] {0, 2}, 2)).contains("cluster 1 is empty");
        assertThat(Labels.checkContract(new int[] {0, -3}, 2)).contains("row 2");
        assertThat(Labels.checkContract(new int[] {0}, 2)).contains("expected 2 labels");
    }

    @Test
    void normalizeRenumbersInOrderOfAppearance() {
        assertThat(Labels.normalize(new int[] {7, 3, -1, 7})).containsExactly(0, 1, -1, 0);
    }
}

package dev.clusterlab.api.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Cutting a merge tree by count and by height, and the checks on its rows. */
class MergeTreeTest {
    // Points 0..4: {1,3} at 0.5 -> 5, {0,5} at 1.0 -> 6, {2,4} at 2.0 -> 7, {6,7} at 4.0 -> 8.
    private static final MergeTree TREE = new MergeTree(new int[] {1, 0, 2, 6}, new int[] {3, 5, 4, 7},
            new double[] {0.5, 1.0, 2.0, 4.0}, new int[] {2, 3, 2, 5});

    @Test
    void cutByCountAppliesTheFirstMergesAndNumbersClustersByFirstRow() {
        assertThat(TREE.cut(1)).containsExactly(0, 0, 0, 0, 0);
        assertThat(TREE.cut(2)).containsExactly(0, 0, 1, 0, 1);
        assertThat(TREE.cut(3)).containsExactly(0, 0, 1, 0, 2);
        assertThat(TREE.cut(4)).containsExactly(0, 1, 2, 1, 3);
        assertThat(TREE.cut(5)).containsExactly(0, 1, 2, 3, 4);
        assertThatThrownBy(() -> TREE.cut(0)).hasMessageContaining("k must be in [1, n=5]");
        assertThatThrownBy(() -> TREE.cut(6)).hasMessageContaining("got 6");
    }

    @Test
    void cutAtAHeightUndoesTheMergesAtOrAboveIt() {
        assertThat(TREE.clustersAt(2.0)).isEqualTo(3);
        assertThat(TREE.cutAt(2.0)).containsExactly(0, 0, 1, 0, 2);
        assertThat(TREE.cutAt(2.5)).containsExactly(0, 0, 1, 0, 1);
        assertThat(TREE.cutAt(0.1)).containsExactly(0, 1, 2, 3, 4);
        assertThat(TREE.cutAt(10)).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void aRowThatNamesAClusterNotYetFormedIsRefused() {
        assertThatThrownBy(() -> new MergeTree(new int[] {0, 6}, new int[] {1, 2}, new double[] {1, 2}, new int[] {2, 3}))
                .hasMessageContaining("merge 1");
        MergeTree single = new MergeTree(new int[0], new int[0], new double[0], new int[0]);
        assertThat(single.cut(1)).containsExactly(0);
    }
}

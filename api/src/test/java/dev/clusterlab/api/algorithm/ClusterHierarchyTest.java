package dev.clusterlab.api.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterHierarchyTest {
    /** Three points: point 2 leaves the root (3) at lambda 0.5, points 0 and 1 at lambda 2. */
    private static ClusterHierarchy small() {
        return new ClusterHierarchy(new int[] {3, 3, 3}, new int[] {2, 0, 1}, new double[] {0.5, 2, Double.POSITIVE_INFINITY},
                new int[] {1, 1, 1});
    }

    @Test
    void acceptsAWellFormedTreeAndFindsItsRoot() {
        ClusterHierarchy h = small();
        assertThat(h.rows()).isEqualTo(3);
        assertThat(h.root()).isEqualTo(3);
        assertThat(new ClusterHierarchy(new int[0], new int[0], new double[0], new int[0]).root()).isEqualTo(-1);
        assertThat(h).isEqualTo(small()).hasSameHashCodeAs(small());
    }

    @Test
    void rejectsArraysOfDifferentLengthsNamingEveryLength() {
        assertThatThrownBy(() -> new ClusterHierarchy(new int[] {3, 3}, new int[] {0, 1}, new double[] {1}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 parents, 2 children, 1 lambdas and 2 child sizes");
    }

    @Test
    void rejectsBadValuesNamingTheRow() {
        assertThatThrownBy(() -> new ClusterHierarchy(new int[] {3, 3}, new int[] {0, 1}, new double[] {1, Double.NaN}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1").hasMessageContaining("lambda");
        assertThatThrownBy(() -> new ClusterHierarchy(new int[] {3, 3}, new int[] {0, 1}, new double[] {1, -2}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> new ClusterHierarchy(new int[] {3, 3}, new int[] {0, 1}, new double[] {1, 1}, new int[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1").hasMessageContaining("childSize");
        assertThatThrownBy(() -> new ClusterHierarchy(new int[] {3, -1}, new int[] {0, 1}, new double[] {1, 1}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> new ClusterHierarchy(new int[] {3}, new int[] {3}, new double[] {1}, new int[] {2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its own child");
        assertThatThrownBy(() -> new ClusterHierarchy(null, new int[0], new double[0], new int[0]))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("parent");
    }

    @Test
    void resultCarriesTheHierarchyWhenItsPointsAreTheRows() {
        ClusteringResult r = ClusteringResult.builder(new int[] {0, 0, -1}).hierarchy(small()).build();
        assertThat(r.hierarchy()).contains(small());
        assertThat(ClusteringResult.builder(new int[] {0, 0, -1}).build().hierarchy()).isEmpty();
        assertThatThrownBy(() -> ClusteringResult.builder(new int[] {0, 0}).hierarchy(small()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root is 3").hasMessageContaining("2 rows");
    }

    @Test
    void clustersOfLabelsAreTheLowestClustersHoldingTheirPoints() {
        // 6 points; root 6 splits at lambda 1 into 7 {0, 1, 2} and 8 {3, 4}; 5 falls out of the root first;
        // 7 splits at lambda 3 into 9 {0, 1} (and 2 falls out of 7 at lambda 3).
        ClusterHierarchy h = new ClusterHierarchy(
                new int[] {6, 6, 6, 7, 7, 8, 8, 9, 9},
                new int[] {5, 7, 8, 2, 9, 3, 4, 0, 1},
                new double[] {0.5, 1, 1, 3, 3, 2, 2, 4, 4},
                new int[] {1, 3, 2, 1, 2, 1, 1, 1, 1});
        assertThat(h.clustersOfLabels(new int[] {0, 0, 0, 1, 1, -1})).containsExactly(7, 8);
        assertThat(h.clustersOfLabels(new int[] {0, 0, -1, 1, 1, -1})).containsExactly(9, 8);
        assertThat(h.clustersOfLabels(new int[] {0, 0, 0, 0, 0, 0})).containsExactly(6);
        assertThat(h.clustersOfLabels(new int[] {-1, -1, -1, -1, -1, -1})).isEmpty();
    }
}

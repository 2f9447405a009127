package com.example.kcenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContextFactory;
import org.junit.jupiter.api.Test;

class MaxRadiusTest {
    private final MaxRadius metric = new MaxRadius();

    @Test
    void isTheLargestDistanceToTheOwnCentroidLeavingOutNoise() {
        // cluster 0: (0,0), (2,0), centroid (1,0), radius 1
        // cluster 1: (10,0), (10,2), (13,1), centroid (11,1), radii sqrt 2, sqrt 2, 2
        // noise: (100,100), left out
        Dataset data = Dataset.of("hand", new float[][] {{0, 0}, {2, 0}, {10, 0}, {10, 2}, {13, 1}, {100, 100}});
        double value = metric.compute(data, new int[] {0, 0, 1, 1, 1, -1}, ExecutionContextFactory.load().create(1, 1));
        assertThat(value).isEqualTo(2.0);
    }

    @Test
    void isZeroForSingletonsAndNaNWithoutClusters() {
        Dataset data = Dataset.of("two", new float[][] {{0, 0}, {5, 5}});
        var context = ExecutionContextFactory.load().create(1, 1);
        assertThat(metric.compute(data, new int[] {0, 1}, context)).isZero();
        assertThat(metric.compute(data, new int[] {-1, -1}, context)).isNaN();
    }

    @Test
    void lowerIsBetterAndNeedsNoTruth() {
        assertThat(metric.descriptor().id()).isEqualTo("max_radius");
        assertThat(metric.descriptor().higherIsBetter()).isFalse();
        assertThat(metric.descriptor().needsGroundTruth()).isFalse();
    }
}

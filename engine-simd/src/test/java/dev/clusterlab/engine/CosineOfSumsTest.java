package dev.clusterlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The merged butterfly of {@link VectorKernels#cosineOfSums} against three separate sums: the same bits. */
class CosineOfSumsTest {
    @Test
    void theMergedButterflyGivesTheBitsOfThreeSums() {
        SplittableRandom rnd = new SplittableRandom(5);
        float[] ab = new float[VectorKernels.LANES];
        float[] aa = new float[VectorKernels.LANES];
        float[] bb = new float[VectorKernels.LANES];
        int differentFromLaneOrder = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            for (int j = 0; j < ab.length; j++) {
                // magnitudes over many binades, so that the order of the adds shows in the bits
                ab[j] = (float) (rnd.nextDouble(-1, 1) * Math.pow(10, rnd.nextInt(-3, 4)));
                aa[j] = (float) (rnd.nextDouble() * Math.pow(10, rnd.nextInt(-3, 4)));
                bb[j] = (float) (rnd.nextDouble() * Math.pow(10, rnd.nextInt(-3, 4)));
            }
            FloatVector vab = FloatVector.fromArray(VectorKernels.SPECIES, ab, 0);
            FloatVector vaa = FloatVector.fromArray(VectorKernels.SPECIES, aa, 0);
            FloatVector vbb = FloatVector.fromArray(VectorKernels.SPECIES, bb, 0);
            float expected = Cosine.distance(VectorKernels.sum(vab), VectorKernels.sum(vaa), VectorKernels.sum(vbb));
            assertThat(Float.floatToRawIntBits(VectorKernels.cosineOfSums(vab, vaa, vbb)))
                    .as("trial %d", trial).isEqualTo(Float.floatToRawIntBits(expected));
            float laneOrder = Cosine.distance(laneOrderSum(ab), laneOrderSum(aa), laneOrderSum(bb));
            if (laneOrder != expected) {
                differentFromLaneOrder++;
            }
        }
        // The inputs are hard enough to tell one order of additions from another.
        assertThat(differentFromLaneOrder).isGreaterThan(100);
    }

    private static float laneOrderSum(float[] v) {
        float s = 0f;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}

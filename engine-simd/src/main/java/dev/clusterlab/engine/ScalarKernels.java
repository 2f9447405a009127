package dev.clusterlab.engine;

import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.kernel.CentroidAssigner;
import dev.clusterlab.api.kernel.CompactBlocks;
import dev.clusterlab.api.kernel.Distance;
import dev.clusterlab.api.kernel.Kernels;
import dev.clusterlab.api.kernel.NeighborIndex;
import dev.clusterlab.api.kernel.SpanningTree;

/**
 * The reference implementation: plain loops that read like the maths. The vector kernels are tested
 * against it, and it runs wherever the Vector API is unavailable.
 */
public final class ScalarKernels implements Kernels {

    @Override
    public String implementation() {
        return "scalar";
    }

    @Override
    public String description() {
        return "scalar Java loops";
    }

    @Override
    public float squaredEuclidean(float[] a, int aOffset, float[] b, int bOffset, int length) {
        return ScalarDistances.squaredEuclidean(a, aOffset, b, bOffset, length);
    }

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        return ScalarDistances.dot(a, aOffset, b, bOffset, length);
    }

    @Override
    public float cosineDistance(float[] a, int aOffset, float[] b, int bOffset, int length) {
        return ScalarDistances.cosine(a, aOffset, b, bOffset, length);
    }

    @Override
    public float distance(Distance distance, float[] a, int aOffset, float[] b, int bOffset, int length) {
        return ScalarDistances.dispatch(this, distance, a, aOffset, b, bOffset, length,
                ScalarDistances::manhattan, ScalarDistances::chebyshev);
    }

    @Override
    public void distances(Distance distance, float[] query, int queryOffset, float[] rows, int fromRow, int toRow, int d,
                          float[] out, int outOffset) {
        for (int r = fromRow; r < toRow; r++) {
            out[outOffset + r - fromRow] = distance(distance, query, queryOffset, rows, r * d, d);
        }
    }

    @Override
    public void pairwise(Distance distance, float[] a, int aFrom, int aTo, float[] b, int bFrom, int bTo, int d, float[] out) {
        ScalarDistances.pairwise(this, distance, a, aFrom, aTo, b, bFrom, bTo, d, out);
    }

    @Override
    public void squaredEuclideanToColumns(float[] query, int queryOffset, float[] columns, int stride, int fromRow, int toRow,
                                          int d, float[] out, int outOffset) {
        for (int r = fromRow; r < toRow; r++) {
            float sum = 0f;
            for (int k = 0; k < d; k++) {
                float diff = query[queryOffset + k] - columns[k * stride + r];
                sum += diff * diff;
            }
            out[outOffset + r - fromRow] = sum;
        }
    }

    @Override
    public NeighborIndex neighborIndex(float[] data, int n, int d, Distance distance) {
        return NeighborIndexes.choose(this, data, n, d, distance);
    }

    @Override
    public SpanningTree spanningTree(float[] data, int n, int d, Distance distance, float[] core,
                                     ExecutionContext context, ProgressListener progress) {
        return SpanningTrees.build(this, data, n, d, distance, core, context, progress);
    }

    @Override
    public CompactBlocks compactBlocks(float[] data, int n, int d, Distance distance, int blockRows) {
        return CompactLayout.of(this, data, n, d, distance, blockRows);
    }

    @Override
    public CentroidAssigner centroidAssigner(float[] centroids, int k, int d) {
        float[] copy = java.util.Arrays.copyOf(centroids, k * d);
        return new CentroidAssigner() {
            @Override
            public int k() {
                return k;
            }

            @Override
            public int d() {
                return d;
            }

            @Override
            public void assignWithSecond(float[] points, int fromRow, int toRow, int[] labels, float[] squaredDistances,
                                         float[] secondSquaredDistances) {
                for (int i = fromRow; i < toRow; i++) {
                    int best = 0;
                    float bestDist = Float.POSITIVE_INFINITY;
                    float second = Float.POSITIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        float dist = squaredEuclidean(points, i * d, copy, c * d, d);
                        if (dist < bestDist) {
                            second = bestDist;
                            bestDist = dist;
                            best = c;
                        } else if (dist < second) {
                            second = dist;
                        }
                    }
                    labels[i] = best;
                    squaredDistances[i] = bestDist;
                    secondSquaredDistances[i] = second;
                }
            }

            @Override
            public void assign(float[] points, int fromRow, int toRow, int[] labels, float[] squaredDistances) {
                for (int i = fromRow; i < toRow; i++) {
                    int best = 0;
                    float bestDist = Float.POSITIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        float dist = squaredEuclidean(points, i * d, copy, c * d, d);
                        if (dist < bestDist) { // strict: ties keep the smallest index
                            bestDist = dist;
                            best = c;
                        }
                    }
                    labels[i] = best;
                    if (squaredDistances != null) {
                        squaredDistances[i] = bestDist;
                    }
                }
            }
        };
    }
}

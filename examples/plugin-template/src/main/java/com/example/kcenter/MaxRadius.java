package com.example.kcenter;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.metric.QualityMetric;
import java.util.List;
import org.pf4j.Extension;

/**
 * The largest Euclidean distance from a point to the centroid (mean) of its cluster: internal, lower is
 * better, {@code >= 0}. Noise points ({@code -1}) are left out; {@code NaN} when no point is clustered.
 * Computed in {@code double}, sequentially.
 */
@Extension
public final class MaxRadius implements QualityMetric {
    private static final MetricDescriptor DESCRIPTOR = new MetricDescriptor("max_radius", List.of(), "Maximum cluster radius",
            "Largest distance from a point to its cluster's centroid, from 0 upwards; lower is better.",
            false, false, List.of());

    /** PF4J creates it. */
    public MaxRadius() {
    }

    @Override
    public MetricDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public double compute(Dataset data, int[] labels, ExecutionContext context) {
        int n = data.n();
        int d = data.d();
        int k = 0;
        for (int label : labels) {
            k = Math.max(k, label + 1);
        }
        double[] sums = new double[k * d];
        int[] sizes = new int[k];
        float[] x = data.data();
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            if (c >= 0) {
                sizes[c]++;
                for (int j = 0; j < d; j++) {
                    sums[c * d + j] += x[i * d + j];
                }
            }
        }
        double worst = Double.NaN;
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            if (c < 0) {
                continue;
            }
            double s = 0;
            for (int j = 0; j < d; j++) {
                double diff = x[i * d + j] - sums[c * d + j] / sizes[c];
                s += diff * diff;
            }
            worst = Double.isNaN(worst) ? Math.sqrt(s) : Math.max(worst, Math.sqrt(s));
        }
        return worst;
    }
}

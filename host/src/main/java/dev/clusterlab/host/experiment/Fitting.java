package dev.clusterlab.host.experiment;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.ClusteringAlgorithm;
import dev.clusterlab.api.algorithm.ClusteringResult;
import dev.clusterlab.api.algorithm.Labels;
import dev.clusterlab.api.exec.ExecutionContext;
import dev.clusterlab.api.exec.ProgressListener;
import dev.clusterlab.api.metric.QualityMetric;
import dev.clusterlab.api.param.ParamBinder;
import dev.clusterlab.api.param.Params;
import dev.clusterlab.engine.EngineContext;
import dev.clusterlab.engine.EngineContextFactory;
import dev.clusterlab.engine.KernelSelection;
import dev.clusterlab.host.plugin.Loaded;
import dev.clusterlab.host.plugin.PluginHost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fit and its metrics, the same for {@code clusterlab run} and {@code clusterlab cluster}: bind
 * parameters, build the context, time the fit alone, check the label contract, compute metrics.
 */
public final class Fitting {
    private Fitting() {
    }

    /**
     * A timed fit.
     *
     * @param result what the plugin returned
     * @param params the bound parameters, defaults included
     * @param seconds wall time of {@code fit} alone
     */
    public record Timed(ClusteringResult result, Params params, double seconds) {
    }

    /**
     * @param threads worker threads
     * @param seed the run's seed
     * @return a context with the process's kernels
     */
    public static ExecutionContext context(int threads, long seed) {
        return new EngineContext(KernelSelection.current().kernels(), EngineContextFactory.executor(threads), seed,
                ProgressListener.NONE, () -> Thread.currentThread().isInterrupted());
    }

    /**
     * Binds and fits. Exceptions from the plugin propagate; the caller decides whether they end the
     * command or only this run.
     *
     * @param algorithm the loaded algorithm
     * @param data the dataset
     * @param raw raw parameter values
     * @param ctx the context
     * @return the result and its fit time
     * @throws IllegalStateException if the plugin broke the label contract
     */
    public static Timed fit(Loaded<ClusteringAlgorithm> algorithm, Dataset data, Map<String, ?> raw, ExecutionContext ctx) {
        ClusteringAlgorithm a = algorithm.extension();
        Params params = ParamBinder.bind(a.descriptor().id(), a.descriptor().params(), raw);
        long t0 = System.nanoTime();
        ClusteringResult r = a.fit(data, params, ctx);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String broken = Labels.checkContract(r == null ? null : r.labels(), data.n());
        if (broken != null) {
            throw new IllegalStateException("plugin " + algorithm.pluginId() + " returned labels that break the contract: " + broken);
        }
        return new Timed(r, params, seconds);
    }

    /**
     * Computes metrics; one that needs ground truth the data lack, or that fails, gives NaN.
     *
     * @param host the plugin host
     * @param metricIds metric ids
     * @param data the data (with truth when available)
     * @param labels predicted labels
     * @param ctx the context
     * @param notes receives one line per metric that failed
     * @return value by metric id, in order
     */
    public static Map<String, Double> metrics(PluginHost host, List<String> metricIds, Dataset data, int[] labels,
                                              ExecutionContext ctx, List<String> notes) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String id : metricIds) {
            Loaded<QualityMetric> m = host.loadedMetric(id).orElseThrow();
            if (m.extension().descriptor().needsGroundTruth() && !data.hasTruth()) {
                out.put(id, Double.NaN);
                continue;
            }
            try {
                out.put(id, m.extension().compute(data, labels, ctx));
            } catch (RuntimeException e) {
                out.put(id, Double.NaN);
                notes.add("metric " + id + " failed: " + e.getMessage());
            }
        }
        return out;
    }
}

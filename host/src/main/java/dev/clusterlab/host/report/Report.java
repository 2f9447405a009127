package dev.clusterlab.host.report;

import dev.clusterlab.api.Dataset;
import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.host.output.Comparison;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the HTML report is made from, so that {@link ReportWriter} depends on plain data and
 * lookups rather than on the plugin host or the file system.
 *
 * @param title the experiment name
 * @param comparison the ranked comparison (the same the console shows)
 * @param datasets the loaded datasets by name (the values the algorithms saw)
 * @param labels where the labels of a run come from
 * @param algorithms descriptor by algorithm id (for references), e.g. {@code host::algorithm}
 * @param metrics descriptor by metric id (titles, direction, references), e.g. {@code host::metric}
 * @param tables the same datasets before the host one-hot encoded their categorical columns, for the
 *     cluster profiles (the datasets themselves where there was nothing to encode)
 */
public record Report(String title, Comparison comparison, Map<String, Dataset> datasets, LabelSource labels,
                     Function<String, Optional<AlgorithmDescriptor>> algorithms,
                     Function<String, Optional<MetricDescriptor>> metrics, Map<String, Dataset> tables) {

    /** A report whose datasets had no categorical columns to encode. */
    public Report(String title, Comparison comparison, Map<String, Dataset> datasets, LabelSource labels,
                  Function<String, Optional<AlgorithmDescriptor>> algorithms, Function<String, Optional<MetricDescriptor>> metrics) {
        this(title, comparison, datasets, labels, algorithms, metrics, datasets);
    }

    /**
     * @param metricId a metric id
     * @return whether larger values are better (true when unknown)
     */
    boolean higherIsBetter(String metricId) {
        return metrics.apply(metricId).map(MetricDescriptor::higherIsBetter).orElse(true);
    }
}

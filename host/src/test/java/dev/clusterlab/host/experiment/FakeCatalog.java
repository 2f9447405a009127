package dev.clusterlab.host.experiment;

import dev.clusterlab.api.algorithm.AlgorithmDescriptor;
import dev.clusterlab.api.metric.MetricDescriptor;
import dev.clusterlab.api.param.ParamSpec;
import dev.clusterlab.api.preprocess.PreprocessorDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A catalog without plugins: k-means (alias k-means) and dbscan, silhouette (sil) and adjusted_rand (ari). */
final class FakeCatalog implements Catalog {
    static final AlgorithmDescriptor KMEANS = new AlgorithmDescriptor("kmeans", List.of("k-means"), "k-means (Lloyd)", "1.0",
            "Lloyd's algorithm.",
            List.of(ParamSpec.integer("k", null, 1, Long.MAX_VALUE, "number of clusters"),
                    ParamSpec.choice("init", "k-means++", List.of("k-means++", "random"), "initialisation"),
                    ParamSpec.integer("n_init", 1L, 1, 1000, "restarts"),
                    ParamSpec.real("tol", 1e-4, 0, true, 1, false, "relative tolerance"),
                    ParamSpec.integer("graph.n_neighbors", 0L, 0, 100, "a grouped parameter")),
            List.of());
    static final AlgorithmDescriptor DBSCAN = new AlgorithmDescriptor("dbscan", List.of(), "DBSCAN", "1.0", "Density.",
            List.of(ParamSpec.real("eps", 0.5, 0, false, Double.POSITIVE_INFINITY, false, "radius"),
                    ParamSpec.integer("min_samples", 5L, 1, Long.MAX_VALUE, "core size")),
            List.of());
    static final MetricDescriptor SILHOUETTE = new MetricDescriptor("silhouette", List.of("sil"), "Silhouette",
            "In [-1, 1].", false, true, List.of());
    static final MetricDescriptor ARI = new MetricDescriptor("adjusted_rand", List.of("ari"), "Adjusted Rand index",
            "In [-0.5, 1].", true, true, List.of());

    private final List<AlgorithmDescriptor> algorithms = List.of(KMEANS, DBSCAN);
    private final List<MetricDescriptor> metrics = List.of(SILHOUETTE, ARI);

    @Override
    public Optional<AlgorithmDescriptor> algorithm(String idOrAlias) {
        return algorithms.stream().filter(a -> a.id().equals(idOrAlias) || a.aliases().contains(idOrAlias)).findFirst();
    }

    @Override
    public List<String> algorithmNames() {
        List<String> names = new ArrayList<>();
        for (AlgorithmDescriptor a : algorithms) {
            names.add(a.id());
            names.addAll(a.aliases());
        }
        return names;
    }

    @Override
    public Optional<MetricDescriptor> metric(String idOrAlias) {
        return metrics.stream().filter(m -> m.id().equals(idOrAlias) || m.aliases().contains(idOrAlias)).findFirst();
    }

    @Override
    public List<MetricDescriptor> metrics() {
        return metrics;
    }

    static final PreprocessorDescriptor STANDARDIZE = new PreprocessorDescriptor("standardize", List.of("zscore"), "Standardise",
            "Zero mean, unit variance.", List.of(), false, List.of());
    static final PreprocessorDescriptor IMPUTE = new PreprocessorDescriptor("impute", List.of(), "Impute", "Fill missing values.",
            List.of(ParamSpec.choice("strategy", "mean", List.of("mean", "median"), "statistic")), true, List.of());

    @Override
    public Optional<PreprocessorDescriptor> preprocessor(String idOrAlias) {
        return java.util.stream.Stream.of(STANDARDIZE, IMPUTE).filter(p -> p.id().equals(idOrAlias) || p.aliases().contains(idOrAlias))
                .findFirst();
    }

    @Override
    public List<String> preprocessorNames() {
        return List.of("standardize", "zscore", "impute");
    }
}
